/**
 * Pages that read without Dexie load the code of their writes on need (issue 16): when that code
 * cannot be fetched (network cut, or the build's files gone after an update in another tab), the
 * page says so in French, keeps what was entered, and saves it once the code can be loaded.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	createCampaign,
	createExample,
	expectAllSaved,
	openModule,
	readModule,
	scale
} from './helpers';

const dechets = readModule('dechets');
const scaleQuestions = dechets.questions.filter((q) => q.type === 'scale');

/**
 * Follows the page's requests for the chunk that holds Dexie (known by a string of its own):
 * `fetched` lists those served, `cut` those refused while `gone` is true, `held` those never
 * answered while `hold` is true (the page is closed meanwhile).
 */
async function watchDexie(page: Page) {
	const dexie = { gone: false, hold: false, fetched: [] as string[], cut: [] as string[] };
	const held: string[] = [];
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		const response = await route.fetch();
		const body = await response.text();
		if (body.includes('Dexie.delete(')) {
			if (dexie.hold) return void held.push(route.request().url());
			(dexie.gone ? dexie.cut : dexie.fetched).push(route.request().url());
			if (dexie.gone) return route.abort();
		}
		return route.fulfill({ response, body });
	});
	return Object.assign(dexie, { held });
}

test.describe('the code of the writes cannot be fetched', () => {
	// Without the service worker, so that the page's own requests can be cut.
	test.use({ serviceWorkers: 'block' });

	test('the page shows its questions, says in French that an answer was not saved, and saves it on « Réessayer »', async ({
		page
	}) => {
		// The filling page reads without Dexie and loads it at the first write (issue 16).
		const url = await createCampaign(page, 'Commune au réseau coupé');
		await openModule(page, url, dechets.title);
		const fillUrl = page.url();
		const dexie = await watchDexie(page);
		dexie.gone = true;
		await page.goto(fillUrl);
		const [q1] = scaleQuestions;
		await expect(scale(page, q1!).getByLabel('3 · Réalisé')).toBeEnabled();
		await scale(page, q1!).getByLabel('3 · Réalisé').check();
		const alert = page.getByRole('alert').filter({ hasText: 'n’a pas pu être chargé' });
		await expect(alert).toContainText('Le module d’enregistrement de Leviers');
		expect(dexie.cut.length).toBeGreaterThan(0);
		await expect(scale(page, q1!).getByLabel('3 · Réalisé')).toBeChecked();

		dexie.gone = false;
		// No handler left running when the page reloads below.
		await page.unrouteAll({ behavior: 'wait' });
		await alert.getByRole('button', { name: 'Réessayer' }).click();
		await expectAllSaved(page);
		await page.reload();
		await expect(scale(page, q1!).getByLabel('3 · Réalisé')).toBeChecked();
	});
});

test.describe('a filling page closed before its first write', () => {
	test.use({ serviceWorkers: 'block' });

	test('an answer chosen while the code of the writes is on its way is chosen again at the next visit', async ({
		context
	}) => {
		// Red team of issue 16: an answer lived only in memory until its commit, which waits for
		// the code of the writes on a fresh page; closed within 0–110 ms, the answer was lost.
		const page = await context.newPage();
		const url = await createCampaign(page, 'Commune fermée trop tôt');
		await openModule(page, url, dechets.title);
		const fillUrl = page.url();
		const dexie = await watchDexie(page);
		dexie.hold = true;
		await page.goto(fillUrl);
		const [q1, q2] = scaleQuestions;
		await scale(page, q1!).getByLabel('3 · Réalisé').check();
		await scale(page, q2!).getByLabel('Je ne sais pas').check();
		await expect.poll(() => dexie.held.length).toBeGreaterThan(0);
		await page.close({ runBeforeUnload: false });

		const again = await context.newPage();
		await again.goto(fillUrl);
		await expect(scale(again, q1!).getByLabel('3 · Réalisé')).toBeChecked();
		await expect(scale(again, q2!).getByLabel('Je ne sais pas')).toBeChecked();
		await expectAllSaved(again);
		await again.reload();
		await expect(scale(again, q1!).getByLabel('3 · Réalisé')).toBeChecked();
		await expect(scale(again, q2!).getByLabel('Je ne sais pas')).toBeChecked();
		expect(
			await again.evaluate(() =>
				Object.keys(localStorage).filter((k) => k.startsWith('leviers-brouillon:'))
			)
		).toEqual([]);
	});
});

test.describe('ticks of a filling page closed before its first write', () => {
	test.use({ serviceWorkers: 'block' });

	test('are made again at the next visit, with the « Autre » text, after another tab’s tick', async ({
		context
	}) => {
		// Red team: the ticks were copied as a whole list, restored over another tab's tick made
		// since (or dropped as older than it), and the « Autre » text was dropped before « Autre »
		// was ticked again.
		const coop = dechets.questions.find((q) => q.type === 'cooperation')!;
		const [eau, marches] = [readModule('eau').title, readModule('marches').title];
		const group = (p: Page) => p.getByRole('group', { name: coop.text });
		const a = await context.newPage();
		const url = await createCampaign(a, 'Commune aux coches perdues');
		await openModule(a, url, dechets.title);
		const fillUrl = a.url();
		const b = await context.newPage();
		const dexie = await watchDexie(b);
		dexie.hold = true;
		await b.goto(fillUrl);
		await group(b).getByLabel(marches).check();
		await group(b).getByRole('checkbox', { name: 'Autre (préciser)' }).check();
		await group(b).getByLabel('Précisez l’autre partenaire').fill('Syndicat mixte');
		await expect.poll(() => dexie.held.length).toBeGreaterThan(0);
		await b.close({ runBeforeUnload: false });
		// Tab A, open all along, ticks « Eau » after.
		await group(a).getByLabel(eau).check();
		await expectAllSaved(a);

		await a.reload();
		for (const name of [eau, marches, 'Autre (préciser)'])
			await expect(group(a).getByRole('checkbox', { name })).toBeChecked();
		await expect(group(a).getByLabel('Précisez l’autre partenaire')).toHaveValue('Syndicat mixte');
		await expectAllSaved(a);
		await a.reload();
		for (const name of [eau, marches, 'Autre (préciser)'])
			await expect(group(a).getByRole('checkbox', { name })).toBeChecked();
		await expect(group(a).getByLabel('Précisez l’autre partenaire')).toHaveValue('Syndicat mixte');
	});
});

test.describe('what a crash leaves of ticks, restored as the screen showed it', () => {
	test.use({ serviceWorkers: 'block' });
	const coop = dechets.questions.find((q) => q.type === 'cooperation')!;
	const [eau, marches] = [readModule('eau').title, readModule('marches').title];
	const none = 'Aucun service pour l’instant';
	const group = (p: Page) => p.getByRole('group', { name: coop.text });

	test('« Aucun service » then a partner ticked and unticked: nothing comes back', async ({
		context
	}) => {
		// Red team: the copy of « Aucun service » was restored, not the untick that replaced it.
		const a = await context.newPage();
		const url = await createCampaign(a, 'Commune sans partenaire');
		await openModule(a, url, dechets.title);
		const fillUrl = a.url();
		const dexie = await watchDexie(a);
		dexie.hold = true;
		await a.goto(fillUrl);
		await group(a).getByLabel(none).check();
		await group(a).getByLabel(eau).check();
		await group(a).getByLabel(eau).uncheck();
		await expect(group(a).getByLabel(none)).not.toBeChecked();
		await expect.poll(() => dexie.held.length).toBeGreaterThan(0);
		await a.close({ runBeforeUnload: false });

		const b = await context.newPage();
		await b.goto(fillUrl);
		// The restore runs after the first paint; then a reload reads only what is stored.
		await b.waitForTimeout(1000);
		await b.reload();
		await expect(group(b).getByLabel(eau)).toBeEnabled();
		await expect(group(b).getByLabel(none)).not.toBeChecked();
		await expect(group(b).getByLabel(eau)).not.toBeChecked();
	});

	test('a tick left by a crash comes back even if another is ticked before the restore runs', async ({
		page
	}) => {
		// Red team: the new tick restamped the crash's copy, which then looked made after the page
		// opened and came back only at the next visit, unseen meanwhile.
		const url = await createCampaign(page, 'Commune au clic rapide');
		await openModule(page, url, dechets.title);
		const key = `leviers-brouillon:${new URL(page.url()).pathname.split('/')[2]}/dechets:ticks:${coop.id}`;
		await page.evaluate(
			([k, v]) => localStorage.setItem(k!, v!),
			[key, JSON.stringify({ text: '{"eau":true}', at: Date.now() - 5000 })]
		);
		// A slow device: the first paint, and the restore after it, come 4 s late.
		await page.addInitScript(() => {
			const raf = window.requestAnimationFrame.bind(window);
			window.requestAnimationFrame = (cb) => {
				const wait = 4000 - performance.now();
				return wait <= 0 ? raf(cb) : (setTimeout(() => raf(cb), wait) as unknown as number);
			};
		});
		await page.reload();
		await group(page).getByLabel(marches).check();
		await expect(group(page).getByLabel(eau)).toBeChecked({ timeout: 10_000 });
		await expectAllSaved(page);
		await page.reload();
		await expect(group(page).getByLabel(eau)).toBeChecked({ timeout: 10_000 });
		await expect(group(page).getByLabel(marches)).toBeChecked();
	});
});

test.describe('a filling page left in the background', () => {
	test.use({ serviceWorkers: 'block' });

	test('loads the code of its writes when hidden, so it still saves once that code is gone', async ({
		page
	}) => {
		// Red team: an update taken in another tab may prune this build's files while this tab is
		// in the background; an untouched filling page then could not load its writes' code.
		const url = await createCampaign(page, 'Commune en arrière-plan');
		await openModule(page, url, dechets.title);
		const fillUrl = page.url();
		const dexie = await watchDexie(page);
		await page.goto(fillUrl);
		const [q1] = scaleQuestions;
		await expect(scale(page, q1!).getByLabel('2 · Engagé')).toBeEnabled();
		expect(dexie.fetched).toEqual([]);
		// The tab is hidden (another tab in front), then shown again.
		const show = (state: 'hidden' | 'visible') =>
			page.evaluate((s) => {
				Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
				document.dispatchEvent(new Event('visibilitychange'));
			}, state);
		await show('hidden');
		await expect.poll(() => dexie.fetched.length).toBeGreaterThan(0);
		await show('visible');
		// Meanwhile this build's files went away (pruned, server on a new build).
		dexie.gone = true;
		await scale(page, q1!).getByLabel('2 · Engagé').check();
		await expectAllSaved(page);
		await page.unrouteAll({ behavior: 'wait' });
		await page.reload();
		await expect(scale(page, q1!).getByLabel('2 · Engagé')).toBeChecked();
	});
});

test.describe('the code of the plan’s writes cannot be fetched', () => {
	test.use({ serviceWorkers: 'block' });

	test('« Ajouter au plan » says why in French, and works once the network is back', async ({
		page
	}) => {
		// Red team: the dashboard reads without Dexie; the message said « L’enregistrement a
		// échoué… exportez une sauvegarde », with nothing about the network.
		const url = await createExample(page);
		await page.goto(`${url}/resultats`);
		const add = page.getByRole('button', { name: /Ajouter au plan/ }).first();
		await expect(add).toBeVisible({ timeout: 20_000 });
		await page.route('**/_app/immutable/**', (route) => route.abort('internetdisconnected'));
		await add.click();
		await expect(
			page.getByRole('alert').filter({ hasText: 'n’a pas pu être chargé' })
		).toContainText('réseau coupé');
		await page.unrouteAll({ behavior: 'wait' });
		await add.click();
		await expect(page.getByLabel('Titre', { exact: true })).toBeVisible({ timeout: 10_000 });
	});
});
