/**
 * Time to the first question (issue 16): the filling page of the example campaign's « déchets »
 * module, from navigation start to the first enabled answer control (a radio button of the
 * question list) visible (laid out with a size, as Playwright means it), measured inside the page (performance.now() counts from the
 * navigation's start). Two cases:
 * - cold: HTTP cache cleared before each load, service worker blocked (every file fetched);
 * - warm offline: service worker on and its precache complete, the server stopped (every file
 *   from the service worker's cache, as in a meeting room without network).
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { Server } from 'node:http';
import { serve } from '../scripts/serve.mjs';
import { buildDir, startBrowserBench } from './browser';
import { figure, type Figure } from './stats';

const RUNS = 15;

/** Records, in the page, when the first enabled radio button is visible (once). */
const PROBE = `(() => {
	const seen = () => {
		for (const el of document.querySelectorAll('input[type="radio"]:not([disabled])')) {
			const r = el.getBoundingClientRect();
			if (r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden') return true;
		}
		return false;
	};
	const watch = () => {
		const check = () => {
			if (window.__firstQuestion === undefined && seen()) {
				window.__firstQuestion = performance.now();
				observer.disconnect();
			}
		};
		const observer = new MutationObserver(check);
		observer.observe(document, { childList: true, subtree: true, attributes: true });
		check();
	};
	watch();
})();`;

/** Creates the example campaign and returns the path of its « déchets » filling page. */
async function examplePage(page: Page): Promise<string> {
	await page.goto('/');
	await page.getByRole('button', { name: 'Créer la démarche exemple' }).click();
	await page.getByRole('heading', { level: 1, name: 'Communauté de communes exemple' }).waitFor();
	return `${new URL(page.url()).pathname}/dechets`;
}

/** Loads the path and returns the time the page measured. */
async function once(page: Page, path: string): Promise<number> {
	await page.goto(path);
	const handle = await page.waitForFunction(
		() => (window as unknown as { __firstQuestion?: number }).__firstQuestion,
		undefined,
		{ timeout: 30_000 }
	);
	return (await handle.jsonValue()) as number;
}

/** Runs the two first-question benchmarks. */
export async function run(): Promise<Figure[]> {
	const { browser, baseURL, stop } = await startBrowserBench(4474);
	const cold: number[] = [];
	const warm: number[] = [];
	let offline: Server | undefined;
	let context: BrowserContext | undefined;
	try {
		context = await browser.newContext({ baseURL, locale: 'fr-FR', serviceWorkers: 'block' });
		await context.addInitScript(PROBE);
		const page = await context.newPage();
		const path = await examplePage(page);
		const cdp = await context.newCDPSession(page);
		await once(page, path); // the first load warms the browser itself up
		for (let i = 0; i < RUNS; i++) {
			await cdp.send('Network.clearBrowserCache');
			cold.push(await once(page, path));
		}
		await context.close();

		// Warm offline: a server of its own, closed once the service worker holds the app.
		offline = await serve({ root: buildDir, port: 4475 });
		context = await browser.newContext({ baseURL: 'http://127.0.0.1:4475', locale: 'fr-FR' });
		await context.addInitScript(PROBE);
		const sw = await context.newPage();
		const swPath = await examplePage(sw);
		await sw.evaluate(async () => {
			const registration = await navigator.serviceWorker.ready;
			if (!navigator.serviceWorker.controller)
				await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok));
			return registration.active?.state;
		});
		await once(sw, swPath); // second visit, through the service worker
		await new Promise((ok) => offline!.close(ok));
		offline.closeAllConnections?.();
		offline = undefined;
		for (let i = 0; i < RUNS; i++) warm.push(await once(sw, swPath));
	} finally {
		await context?.close();
		if (offline) await new Promise((ok) => offline!.close(ok));
		await stop();
	}
	return [
		figure('first question: filling page, cold cache, no service worker, Chromium', cold, 250),
		figure('first question: filling page, warm, offline (service worker), Chromium', warm, 150)
	];
}
