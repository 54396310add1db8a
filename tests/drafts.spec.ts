import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchProfile } from './chromium';
import { createCampaign, expectAllSaved, openModule, readModule, scale } from './helpers';

const dechets = readModule('dechets');
const modules = ['economie', 'dechets', 'eau', 'urbanisme', 'cantines', 'marches', 'transversal'];

/** What IndexedDB holds, read straight from the browser's store. */
function storedRows(page: Page, store: 'diagnostics' | 'answerSets'): Promise<unknown[]> {
	return page.evaluate(
		(name) =>
			new Promise<unknown[]>((resolve, reject) => {
				const open = indexedDB.open('leviers');
				open.onerror = () => reject(new Error(String(open.error)));
				open.onsuccess = () => {
					const request = open.result.transaction(name).objectStore(name).getAll();
					request.onsuccess = () => {
						resolve(request.result as unknown[]);
						open.result.close();
					};
					request.onerror = () => reject(new Error(String(request.error)));
				};
			}),
		store
	);
}

/** Kills every process of the browser using `profile` with SIGKILL, as a crash would. */
function killBrowser(profile: string): void {
	// No shell: pgrep leaves itself out, and nothing else matches the profile's path.
	const pids = execFileSync('pgrep', ['-f', '--', `--user-data-dir=${profile}`], {
		encoding: 'utf8'
	});
	for (const pid of pids.split('\n').filter(Boolean)) process.kill(Number(pid), 'SIGKILL');
}

test('hovering every module link of a new campaign makes no draft', async ({ page }) => {
	const url = await createCampaign(page);
	for (const id of modules) {
		const title = readModule(id).title;
		const link = page.getByRole('link', { name: title, exact: true });
		// Hover preloads the page's data (data-sveltekit-preload-data="hover"): wait for it.
		const loaded = page.waitForResponse((r) => r.url().includes('/_app/') && r.ok(), {
			timeout: 2_000
		});
		await link.hover();
		await loaded.catch(() => {});
		await page.mouse.move(0, 0);
	}
	await page.waitForTimeout(500);
	expect(await storedRows(page, 'diagnostics')).toEqual([]);
	await page.reload();
	for (const id of modules)
		await expect(page.getByRole('row', { name: new RegExp(readModule(id).title) })).toContainText(
			'Pas commencé'
		);

	// Opening a module without answering does not make one either.
	await openModule(page, url, dechets.title);
	await expect(page.getByText('Pas commencé')).toBeVisible();
	expect(await storedRows(page, 'diagnostics')).toEqual([]);
	await page.goto(`${url}/resultats`);
	await expect(page.getByText(/brouillon/i)).toHaveCount(0);
});

test('partners ticked at the same moment in two tabs are all kept', async ({ context }) => {
	const a = await context.newPage();
	const url = await createCampaign(a);
	await openModule(a, url, dechets.title);
	const b = await context.newPage();
	await b.goto(a.url());
	const q = dechets.questions.find((x) => x.id === 'dechets-coop-chantiers')!;
	const group = (page: Page) => page.getByRole('group', { name: q.text });
	const titles = [readModule('eau').title, readModule('marches').title];
	await expect(group(b).getByLabel(titles[1]!)).toBeVisible();
	await Promise.all([
		group(a).getByLabel(titles[0]!).check(),
		group(b).getByLabel(titles[1]!).check()
	]);
	await expectAllSaved(a);
	await expectAllSaved(b);
	for (const page of [a, b]) {
		await page.reload();
		for (const t of titles) await expect(group(page).getByLabel(t)).toBeChecked();
	}
	expect(await storedRows(a, 'diagnostics')).toHaveLength(1);
});

test('a note typed without a pause survives a killed browser, but for the last 2 s', async ({
	baseURL
}) => {
	test.setTimeout(120_000);
	const profile = mkdtempSync(join(tmpdir(), 'leviers-kill-'));
	const launch = () => launchProfile(profile, baseURL);
	try {
		let context = await launch();
		const page = context.pages()[0] ?? (await context.newPage());
		const url = await createCampaign(page);
		await openModule(page, url, dechets.title);
		const fillUrl = page.url();
		const q = dechets.questions[0]!;
		await page
			.getByRole('listitem')
			.filter({ has: page.getByRole('heading', { name: q.text }) })
			.getByText('Note', { exact: true })
			.click();
		const text = Array.from({ length: 33 }, (_, i) => `mot${String(i).padStart(2, '0')} ok `)
			.join('')
			.slice(0, 330);
		const started = Date.now();
		await page
			.getByLabel('Note sur la question 1', { exact: true })
			.pressSequentially(text, { delay: 40 });
		const perChar = (Date.now() - started) / text.length;
		// The browser process dies at once: no unload, no pagehide, no flush.
		killBrowser(profile);
		await context.close().catch(() => {});

		context = await launch();
		const again = context.pages()[0] ?? (await context.newPage());
		await again.goto(fillUrl);
		const sets = (await storedRows(again, 'answerSets')) as { rows: { note?: string }[] }[];
		const rows = sets.flatMap((set) => set.rows);
		const stored = rows[0]?.note ?? '';
		// At most the last 2 s of typing (plus the write in flight) may be missing.
		const allowed = Math.ceil(2_500 / perChar);
		expect(text.startsWith(stored)).toBe(true);
		expect(stored.length).toBeGreaterThanOrEqual(text.length - allowed);
		const shown = await again.getByLabel('Note sur la question 1', { exact: true }).inputValue();
		expect(shown.length).toBeGreaterThanOrEqual(stored.length);
		expect(text.startsWith(shown)).toBe(true);
		await context.close();
	} finally {
		rmSync(profile, { recursive: true, force: true });
	}
});

test('an « Autre » text typed in a tab that crashed survives a module link hovered earlier in another tab', async ({
	context
}) => {
	// Red team of issue 16: the drafts were compared with the page's load, which SvelteKit may
	// have preloaded at a hover long before (« Autre » not ticked then): the text was dropped.
	const coop = dechets.questions.find((q) => q.type === 'cooperation')!;
	const first = dechets.questions.find((q) => q.type === 'scale')!;
	const a = await context.newPage();
	const url = await createCampaign(a, 'Commune survolée');
	await openModule(a, url, dechets.title);
	await scale(a, first).getByLabel('2 · Engagé').check();
	await expectAllSaved(a);
	const fillUrl = a.url();
	await a.goto(url);
	// Tab A: the pointer passes over the module's link (data-sveltekit-preload-data="hover").
	await a.getByRole('link', { name: dechets.title, exact: true }).hover();
	await a.waitForTimeout(1000);
	await a.mouse.move(0, 0);
	// Tab B: « Autre » ticked (saved), then its text typed and the tab's process killed before
	// the save: what typing leaves in localStorage (draft-backup.ts) is written here instead.
	const b = await context.newPage();
	await b.goto(fillUrl);
	const others = b
		.getByRole('group', { name: coop.text })
		.getByRole('group', { name: 'Autres partenaires' });
	await others.getByRole('checkbox', { name: 'Autre (préciser)' }).check();
	await expectAllSaved(b);
	const campaignId = new URL(fillUrl).pathname.split('/')[2]!;
	const diagnosticId = ((await storedRows(b, 'diagnostics'))[0] as { id: string }).id;
	await b.evaluate(({ key, draft }) => localStorage.setItem(key, JSON.stringify(draft)), {
		key: `leviers-brouillon:${campaignId}/dechets:otherPartner:${coop.id}`,
		draft: { text: 'Régie X', at: Date.now(), diagnosticId }
	});
	await b.close();
	// Tab A: the module opened by its link: the typed text is offered back.
	await a.getByRole('link', { name: dechets.title, exact: true }).click();
	await expect(a.getByRole('heading', { level: 1, name: dechets.title })).toBeVisible();
	const othersA = a
		.getByRole('group', { name: coop.text })
		.getByRole('group', { name: 'Autres partenaires' });
	await expect(othersA.getByRole('checkbox', { name: 'Autre (préciser)' })).toBeChecked();
	await expect(a.getByLabel('Précisez l’autre partenaire')).toHaveValue('Régie X');
});
