import { expect, test, type Page } from '@playwright/test';
import { execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '../scripts/serve.mjs';
import { readModule, scale } from './helpers';

// These tests serve the build themselves and stop the server to cut the network for real:
// context.setOffline(true) would not stop the service worker's own requests.

const dechets = readModule('dechets');
const [q1, q2, q3] = dechets.questions.filter((q) => q.type === 'scale');

async function start(root: string, port: number): Promise<Server> {
	return serve({ root, port });
}

function stop(server: Server): Promise<void> {
	server.closeAllConnections();
	return new Promise((ok) => server.close(() => ok()));
}

async function visitUntilOfflineReady(page: Page, url: string) {
	await page.goto(url);
	await expect(page.getByText('Disponible hors ligne')).toBeVisible({ timeout: 15_000 });
}

async function createCampaignHere(page: Page, authority: string) {
	await page.getByRole('link', { name: 'Nouvelle démarche' }).click();
	await page.getByLabel('Nom de la collectivité').fill(authority);
	await page.getByRole('button', { name: 'Créer la démarche' }).click();
	await expect(page.getByRole('heading', { level: 1, name: authority })).toBeVisible();
}

test('after one visit the app opens and fills with the server stopped', async ({ page }) => {
	const server = await start('build', 4331);
	await visitUntilOfflineReady(page, 'http://127.0.0.1:4331/');
	await stop(server);

	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Leviers' })).toBeVisible();
	await expect(page.getByText('Disponible hors ligne')).toBeVisible();
	await createCampaignHere(page, 'Commune sans réseau');
	await page.getByRole('link', { name: dechets.title, exact: true }).click();
	await scale(page, q1!).getByLabel('3 · Réalisé').check();
	await scale(page, q2!).getByLabel('Non concerné').check();
	await expect(page.getByRole('status')).toHaveText(/Toutes les réponses sont enregistrées/);

	await page.reload();
	await expect(scale(page, q1!).getByLabel('3 · Réalisé')).toBeChecked();
	await expect(scale(page, q2!).getByLabel('Non concerné')).toBeChecked();
	// Loaded afresh, the filling page reads without Dexie and loads it at its first write
	// (issue 16): from the service worker's cache too.
	await scale(page, q3!).getByLabel('1 · En réflexion').check();
	await expect(page.getByRole('status')).toHaveText(/Toutes les réponses sont enregistrées/);
	await page.reload();
	await expect(scale(page, q3!).getByLabel('1 · En réflexion')).toBeChecked();
});

test('the service worker holds every script of the build, those loaded on need included', async ({
	page
}) => {
	const server = await start('build', 4334);
	try {
		await visitUntilOfflineReady(page, 'http://127.0.0.1:4334/');
		const cached = await page.evaluate(async () => {
			const urls: string[] = [];
			for (const name of await caches.keys())
				for (const request of await (await caches.open(name)).keys())
					urls.push(new URL(request.url).pathname);
			return urls;
		});
		const built = readdirSync('build/_app/immutable', { recursive: true })
			.map(String)
			.filter((f) => f.endsWith('.js'))
			.map((f) => `/_app/immutable/${f}`);
		expect(built.length).toBeGreaterThan(20);
		expect(built.filter((f) => !cached.includes(f))).toEqual([]);
	} finally {
		await stop(server);
	}
});

test('a deep link opened for the first time offline works', async ({ context }) => {
	const server = await start('build', 4332);
	const first = await context.newPage();
	await visitUntilOfflineReady(first, 'http://127.0.0.1:4332/');
	await createCampaignHere(first, 'Commune du lien direct');
	const deepLink = `${first.url()}/dechets`;
	await stop(server);
	await first.close();

	const page = await context.newPage();
	await page.goto(deepLink);
	await expect(page.getByRole('heading', { level: 1, name: dechets.title })).toBeVisible();
	await scale(page, q3!).getByLabel('2 · Engagé').check();
	await expect(page.getByRole('status')).toHaveText(/Toutes les réponses sont enregistrées/);
	await page.goto('http://127.0.0.1:4332/modules/cantines');
	await expect(
		page.getByRole('heading', { level: 1, name: readModule('cantines').title })
	).toBeVisible();
});

test('a new version deployed while a page is open updates on request and keeps answers', async ({
	page
}) => {
	test.setTimeout(240_000);
	let server = await start('build', 4333);
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await visitUntilOfflineReady(page, 'http://127.0.0.1:4333/');
	await createCampaignHere(page, 'Commune mise à jour');
	await page.getByRole('link', { name: dechets.title, exact: true }).click();
	await scale(page, q1!).getByLabel('4 · Exemplaire').check();
	await expect(page.getByRole('status')).toHaveText(/Toutes les réponses sont enregistrées/);
	const before = await page.getByText(/^Version du/).textContent();

	// Deploy: a fresh build replaces the old one on the same address.
	execSync('npx vite build', {
		env: { ...process.env, LEVIERS_BUILD_DIR: 'test-results/build-next' },
		stdio: 'ignore'
	});
	await stop(server);
	server = await start('test-results/build-next', 4333);
	try {
		// The browser's periodic check for a new service worker, done now.
		await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
		const banner = page.getByRole('region', { name: 'Mise à jour' });
		await expect(banner).toContainText('Une nouvelle version est disponible');

		// The old page keeps working meanwhile: its chunks are still served.
		await scale(page, q2!).getByLabel('1 · En réflexion').check();
		await expect(page.getByRole('status')).toHaveText(/Toutes les réponses sont enregistrées/);
		await page.getByRole('link', { name: /Commune mise à jour/ }).click();
		await page.getByRole('link', { name: readModule('eau').title, exact: true }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: readModule('eau').title })
		).toBeVisible();
		await page.goBack();
		await page.goBack();

		await banner.getByRole('button', { name: 'Mettre à jour' }).click();
		await expect(page.getByText(/^Version du/)).not.toHaveText(before!, { timeout: 15_000 });
		await expect(banner).toHaveCount(0);
		await expect(scale(page, q1!).getByLabel('4 · Exemplaire')).toBeChecked();
		await expect(scale(page, q2!).getByLabel('1 · En réflexion')).toBeChecked();
		// No open page runs the old version any more: its cache goes.
		await expect.poll(() => page.evaluate(() => caches.keys())).toHaveLength(1);
		expect(errors).toEqual([]);
	} finally {
		await stop(server);
	}
});

test('the first visit shows no update banner', async ({ page }) => {
	await visitUntilOfflineReady(page, '/');
	// The first worker takes control of the page (clients.claim()): that is no new version.
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
		.toBe(true);
	await page.getByRole('link', { name: 'Données' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Données' })).toBeVisible();
	expect(await page.getByRole('region', { name: 'Mise à jour' }).count()).toBe(0);
});

test('from a plain static host (no /donnees → donnees.html, no fallback) the app works offline', async ({
	page
}) => {
	const server = await serve({ root: 'build', port: 0, mapping: false });
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	try {
		// Such a host has no page at /donnees nor at a campaign's address.
		expect((await fetch(`${origin}/donnees`)).status).toBe(404);
		await visitUntilOfflineReady(page, `${origin}/`);
	} finally {
		await stop(server);
	}
	await page.goto(`${origin}/donnees`);
	await expect(page.getByRole('heading', { level: 1, name: 'Données' })).toBeVisible();
	await page.goto(`${origin}/modules/dechets`);
	await expect(page.getByRole('heading', { level: 1, name: dechets.title })).toBeVisible();
	await page.goto(`${origin}/`);
	await createCampaignHere(page, 'Commune hébergée simplement');
	await page.goto(`${page.url()}/dechets`);
	await expect(page.getByRole('heading', { level: 1, name: dechets.title })).toBeVisible();
});
