/**
 * The storage banner and the halt of writes where the page reads without Dexie (the home page,
 * issue 16) or opens it before the layout starts, and where Dexie closes its own connection
 * (the back/forward cache): what the banner says must follow what happened to the data, never
 * what Dexie did with its connection.
 */
import { chromium, expect, test, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium';
import { createCampaign, expectAllSaved, openModule, readModule, scale } from './helpers';

const dechets = readModule('dechets');
const scales = dechets.questions.filter((q) => q.type === 'scale');
const FLAG = 'leviers:ecritures-suspendues';

/** Rows left in `answers` (a previous-release tab's saves), read with plain IndexedDB. */
function strayRows(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((ok, fail) => {
				const r = indexedDB.open('leviers');
				r.onerror = () => fail(r.error);
				r.onsuccess = () => {
					const c = r.result.transaction('answers').objectStore('answers').count();
					c.onsuccess = () => (r.result.close(), ok(c.result));
				};
			})
	);
}

test('site data erased while the home page is open: the banner says so and the list empties', async ({
	page
}) => {
	await createCampaign(page, 'Commune effacée');
	await page.goto('/');
	const link = page.getByRole('link', { name: /Commune effacée/ });
	await expect(link).toBeVisible();
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Storage.clearDataForOrigin', {
		origin: new URL(page.url()).origin,
		storageTypes: 'indexeddb,local_storage'
	});
	await expect(page.getByRole('alert').filter({ hasText: 'ont été effacées' })).toBeVisible();
	await expect(link).toHaveCount(0);
	await expect(page.getByText('Aucune démarche sur cet appareil')).toBeVisible();
});

test('a halt remembered holds on a filling page opened directly: nothing read nor written', async ({
	page
}) => {
	const url = await createCampaign(page, 'Commune suspendue');
	await openModule(page, url, dechets.title);
	await scale(page, scales[0]!).getByLabel('2 · Engagé').check();
	await expectAllSaved(page);
	const fillUrl = page.url();
	await page.goto('/modules');
	// A save of a tab left on the previous release (a row in `answers`), then a full disk.
	await page.evaluate(
		(q) =>
			new Promise<void>((ok, fail) => {
				const r = indexedDB.open('leviers');
				r.onsuccess = () => {
					const db = r.result;
					const tx = db.transaction(['answerSets', 'answers'], 'readwrite');
					const all = tx.objectStore('answerSets').getAll();
					all.onsuccess = () => {
						const id = (all.result[0] as { diagnosticId: string }).diagnosticId;
						tx.objectStore('answers').put({
							diagnosticId: id,
							questionId: q,
							value: 4,
							changedAt: 1
						});
					};
					tx.oncomplete = () => (db.close(), ok());
					tx.onerror = () => fail(tx.error);
				};
			}),
		scales[1]!.id
	);
	await page.evaluate((flag) => localStorage.setItem(flag, 'quota'), FLAG);
	// The page's load opens the database before the layout reads the flag: the fold of old rows
	// at that open is a write, refused like any other.
	await page.goto(fillUrl);
	const banner = page.getByRole('alert').filter({ hasText: 'Enregistrement suspendu' });
	await expect(banner).toBeVisible();
	// After a failed disk write, not even read (storage-failure.spec says why): no question.
	await expect(banner).toContainText('ne relit pas non plus');
	await expect(page.getByRole('radio')).toHaveCount(0);
	await page.waitForTimeout(500);
	expect(await strayRows(page)).toBe(1);
	// « Réessayer » with room on the disk, then « Recharger la page »: the old row carried.
	await banner.getByRole('button', { name: 'Réessayer' }).click();
	await page.getByRole('button', { name: 'Recharger la page' }).click();
	await expect(scale(page, scales[1]!).getByLabel('4 · Exemplaire')).toBeChecked({
		timeout: 30_000
	});
	await expect(scale(page, scales[0]!).getByLabel('2 · Engagé')).toBeChecked();
	expect(await strayRows(page)).toBe(0);
});

test('a halt remembered: the home page reads nothing, says why, and lists again after « Réessayer »', async ({
	page
}) => {
	await createCampaign(page, 'Commune à relire');
	await page.evaluate((flag) => localStorage.setItem(flag, 'io'), FLAG);
	await page.goto('/');
	const banner = page.getByRole('alert').filter({ hasText: 'Enregistrement suspendu' });
	await expect(banner).toContainText('ne relit pas non plus');
	await expect(page.getByText(/Leviers ne les relit pas avant/)).toBeVisible();
	await expect(page.getByRole('link', { name: /Commune à relire/ })).toHaveCount(0);
	await banner.getByRole('button', { name: 'Réessayer' }).click();
	// Its list reads again by itself once writes resume: no reload asked (issue 16).
	await expect(page.getByRole('link', { name: /Commune à relire/ })).toBeVisible({
		timeout: 30_000
	});
	await expect(banner).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Recharger la page' })).toHaveCount(0);
});

test('halted then resumed from another tab: a filling page that had read its answers asks no reload', async ({
	context
}) => {
	// Red team of the filling page without Dexie: it loaded Dexie only to lift the halt, and
	// then said it « n’avait pas pu relire » what it showed all along.
	const a = await context.newPage();
	const url = await createCampaign(a, 'Commune reprise');
	await openModule(a, url, dechets.title);
	await scale(a, scales[0]!).getByLabel('2 · Engagé').check();
	await expectAllSaved(a);
	const fillUrl = a.url();
	const b = await context.newPage();
	await b.goto(fillUrl);
	await expect(scale(b, scales[0]!).getByLabel('2 · Engagé')).toBeChecked();
	await a.evaluate((flag) => localStorage.setItem(flag, 'quota'), FLAG);
	const halted = b.getByRole('heading', { name: 'Enregistrement suspendu' });
	await expect(halted).toBeVisible();
	// Meanwhile the first tab changes an answer (as its « Réessayer » would save what waited).
	await a.evaluate((flag) => localStorage.removeItem(flag), FLAG);
	await expect(halted).toHaveCount(0);
	await b.waitForTimeout(1000);
	await expect(b.getByRole('heading', { name: 'Enregistrement repris' })).toHaveCount(0);
	await expect(scale(b, scales[0]!).getByLabel('2 · Engagé')).toBeChecked();
	await scale(a, scales[0]!).getByLabel('4 · Exemplaire').check();
	await expectAllSaved(a);
	await expect(scale(b, scales[0]!).getByLabel('4 · Exemplaire')).toBeChecked();
	await scale(b, scales[1]!).getByLabel('3 · Réalisé').check();
	await expectAllSaved(b);
});

test('a campaign page left into the back/forward cache halts no writes', async ({ baseURL }) => {
	// Playwright turns the cache off by default; the browsers of the users keep it on.
	const browser = await chromium.launch({
		executablePath: findChromium(),
		args: CHROMIUM_ARGS,
		ignoreDefaultArgs: ['--disable-back-forward-cache']
	});
	try {
		const context = await browser.newContext({ baseURL, locale: 'fr-FR' });
		const page = await context.newPage();
		const url = await createCampaign(page, 'Commune en cache');
		await openModule(page, url, dechets.title);
		await page.evaluate(() =>
			addEventListener('pagehide', (e) => sessionStorage.setItem('cached', String(e.persisted)))
		);
		// Another document: the filling page goes into the cache, Dexie closes its connection.
		await page.goto('/modules');
		// Whether the browser kept the page (it may not, under load: seen once in CI).
		const cached = await page.evaluate(() => sessionStorage.getItem('cached'));
		test.info().annotations.push({ type: 'back/forward cache', description: String(cached) });
		expect(await page.evaluate((flag) => localStorage.getItem(flag), FLAG)).toBeNull();
		// A page restored from the cache fires no load event.
		await page.goBack({ waitUntil: 'commit' });
		await expect(page.getByRole('heading', { level: 1, name: dechets.title })).toBeVisible();
		// Restored from the cache or loaded again, it still saves.
		await scale(page, scales[0]!).getByLabel('3 · Réalisé').check();
		await expectAllSaved(page);
		await expect(page.getByRole('heading', { name: 'Enregistrement suspendu' })).toHaveCount(0);
		await page.reload();
		await expect(scale(page, scales[0]!).getByLabel('3 · Réalisé')).toBeChecked();
	} finally {
		await browser.close();
	}
});
