/**
 * Import of one file holding 500 diagnostics: in Node, reading and previewing it (pure domain
 * code), and in Chromium, the whole import as a person does it: file chosen → preview on screen →
 * "Importer" → "Import terminé" (one strictly durable transaction). Budget: ≤ 1 s in Chromium, the
 * app's time as marked in the page; also as the test driver times it (its round trips included).
 * Then the preview of a 50 Mo backup in Chromium: the longest main-thread task between the file
 * chosen and the preview on screen (budget ≤ 200 ms: the page never freezes longer), and the
 * total time. Files are chosen from disk, as a person does (not sent through the test driver).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { modules } from '../src/lib/domain/content/content';
import { buildExampleCampaign } from '../src/lib/domain/example/example';
import { planImport } from '../src/lib/domain/exchange/plan';
import { readExportText } from '../src/lib/domain/exchange/read';
import { buildExport, serializeExport } from '../src/lib/domain/exchange/write';
import { startBrowserBench } from './browser';
import { figure, timeSync, type Figure } from './stats';

const DIAGNOSTICS = 500;
const RUNS = 7;
const LARGE_BYTES = 50 * 1_048_576;
const LARGE_RUNS = 3;

/** A full-database export of example campaigns (variants), cut at `count` diagnostics. */
function bigFile(count: number): string {
	const campaigns = [];
	const diagnostics = [];
	for (let seed = 1; diagnostics.length < count; seed++) {
		const c = buildExampleCampaign(modules, { seed, authority: `Collectivité ${seed}` });
		campaigns.push(c.campaign);
		for (const d of c.diagnostics)
			if (diagnostics.length < count) diagnostics.push({ ...d, answers: Object.values(d.answers) });
	}
	const file = buildExport({
		scope: 'database',
		campaigns,
		diagnostics,
		device: 'poste-du-banc-d-essai',
		app: { name: 'Leviers', version: 'bench' },
		now: Date.UTC(2026, 10, 26)
	});
	return serializeExport(file);
}

const megabytes = (text: string) => `${(text.length / 1048576).toFixed(1)} Mo`;

/**
 * Marks, in the page, the frames in which the file is chosen, the preview shows its « Importer »
 * button, « Importer » is clicked, and the report shows: the app's own time, without the test
 * driver's round trips (each Playwright step waits for the page, then tells the test).
 */
const MARKS = `(() => {
	const m = (window.__import = {});
	const has = (selector, text) =>
		[...document.querySelectorAll(selector)].some((e) => e.textContent.trim() === text);
	document.addEventListener('change', (e) => {
		if (e.target instanceof HTMLInputElement && e.target.type === 'file') m.chosen = performance.now();
	}, true);
	document.addEventListener('click', (e) => {
		if (e.target instanceof Element && e.target.closest('button')?.textContent.trim() === 'Importer')
			m.clicked = performance.now();
	}, true);
	const frame = () => {
		if (m.chosen && !m.previewed && has('button', 'Importer')) m.previewed = performance.now();
		if (m.clicked && !m.done && has('h2', 'Import terminé')) m.done = performance.now();
		requestAnimationFrame(frame);
	};
	requestAnimationFrame(frame);
})();`;

interface ImportMarks {
	chosen: number;
	previewed: number;
	clicked: number;
	done: number;
}

/**
 * The whole import of `path`, from the file chosen to the report, `RUNS` times: as the test
 * driver sees it (`driven`), and the app's time in the page (`inPage`: file chosen → preview
 * shown, plus « Importer » clicked → report shown; the time a person takes to click is not the app's).
 */
async function timeImport(
	browser: Browser,
	baseURL: string,
	path: string
): Promise<{ driven: number[]; inPage: number[] }> {
	const driven: number[] = [];
	const inPage: number[] = [];
	for (let i = 0; i <= RUNS; i++) {
		// A new context is a new device with an empty database.
		const context = await browser.newContext({ baseURL, locale: 'fr-FR' });
		await context.addInitScript(MARKS);
		const page = await context.newPage();
		await page.goto('/importer');
		await page.waitForLoadState('networkidle');
		const t0 = performance.now();
		await page.getByLabel('Choisir un fichier…').setInputFiles(path);
		await page.getByRole('button', { name: 'Importer', exact: true }).click();
		await page.getByRole('heading', { name: 'Import terminé' }).waitFor({ timeout: 60_000 });
		const elapsed = performance.now() - t0;
		await page.waitForFunction(
			() => (window as unknown as { __import: ImportMarks }).__import.done
		);
		const m = await page.evaluate(() => (window as unknown as { __import: ImportMarks }).__import);
		if (i > 0) {
			// The first run warms the browser's caches up.
			driven.push(elapsed);
			inPage.push(m.previewed - m.chosen + (m.done - m.clicked));
		}
		await context.close();
	}
	return { driven, inPage };
}

/** The preview of `path`: the longest main-thread task and the total time, `LARGE_RUNS` times. */
async function timeLargePreview(
	browser: Browser,
	baseURL: string,
	path: string
): Promise<{ freezes: number[]; totals: number[] }> {
	const freezes: number[] = [];
	const totals: number[] = [];
	for (let i = 0; i < LARGE_RUNS; i++) {
		const context = await browser.newContext({ baseURL, locale: 'fr-FR' });
		const page = await context.newPage();
		await page.goto('/importer');
		await page.waitForLoadState('networkidle');
		// Long tasks (over 50 ms) of the page's main thread, from the file chosen on.
		await page.evaluate(() => {
			const w = window as unknown as { longest: number };
			w.longest = 0;
			new PerformanceObserver((list) => {
				for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
			}).observe({ type: 'longtask' });
		});
		const t0 = performance.now();
		await page.getByLabel('Choisir un fichier…').setInputFiles(path);
		await page.getByRole('heading', { name: 'Aperçu de l’import' }).waitFor({ timeout: 180_000 });
		totals.push(performance.now() - t0);
		// Let the observer report the task that painted the preview.
		await page.evaluate(() => new Promise((ok) => setTimeout(ok, 500)));
		freezes.push(await page.evaluate(() => (window as unknown as { longest: number }).longest));
		await context.close();
	}
	return { freezes, totals };
}

/** Runs the import benchmarks. */
export async function run(): Promise<Figure[]> {
	const text = bigFile(DIAGNOSTICS);
	const empty = { device: null, campaigns: [], diagnostics: new Map() };
	const node = timeSync(
		() => {
			const r = readExportText(text);
			if (!r.ok) throw new Error(r.problem.message);
			return planImport(r.file, empty, { modules, fileName: 'f.json', now: 0, version: 2 });
		},
		15,
		3
	);
	const large = bigFile(Math.ceil((DIAGNOSTICS * LARGE_BYTES) / text.length));
	const dir = mkdtempSync(join(tmpdir(), 'leviers-import-'));
	const path = join(dir, 'sauvegarde-500.json');
	const largePath = join(dir, 'sauvegarde-50-mo.json');
	writeFileSync(path, text);
	writeFileSync(largePath, large);

	const { browser, baseURL, stop } = await startBrowserBench(4472);
	let samples: { driven: number[]; inPage: number[] };
	let preview: { freezes: number[]; totals: number[] };
	try {
		samples = await timeImport(browser, baseURL, path);
		preview = await timeLargePreview(browser, baseURL, largePath);
	} finally {
		await stop();
		rmSync(dir, { recursive: true, force: true });
	}
	const size = megabytes(text);
	const largeName = `import: preview of a ${megabytes(large)} backup, Chromium`;
	return [
		figure(
			`import: read + preview of ${DIAGNOSTICS} diagnostics (${size}), Node`,
			node,
			500,
			'median'
		),
		figure(
			`import: ${DIAGNOSTICS} diagnostics (${size}), file chosen → preview → applied, Chromium, the app's time in the page`,
			samples.inPage,
			1000,
			'median'
		),
		// The same imports timed by the test driver, its round trips included (~0.2 s): a guard
		// against a regression the page's marks would miss (a mark in the wrong place).
		figure(
			`import: ${DIAGNOSTICS} diagnostics (${size}), file chosen → preview → applied, Chromium, as the test driver times it`,
			samples.driven,
			1500,
			'median'
		),
		figure(`${largeName}, longest main-thread task`, preview.freezes, 200, 'p95'),
		figure(`${largeName}, file chosen → preview shown`, preview.totals, 30_000, 'median')
	];
}
