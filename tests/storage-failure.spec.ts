/**
 * Storage failures on a real disk: the browser profile lives on a small tmpfs that is filled
 * to the last byte, then freed; the browser is restarted to make LevelDB read its log again,
 * which is when a torn log deletes the database.
 */
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchProfile } from './chromium';
import {
	createCampaign,
	createExample,
	expectAllSaved,
	openModule,
	readModule,
	scale,
	type TestQuestion
} from './helpers';

const dechets = readModule('dechets');
const scales = dechets.questions.filter((q) => q.type === 'scale');

function tryMount(dir: string): string | null {
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=60m', 'tmpfs', dir], { stdio: 'pipe' });
		return null;
	} catch (e) {
		return (e as Error).message;
	}
}

function freeBytes(dir: string): number {
	const s = statfsSync(dir);
	return s.bavail * s.bsize;
}

let fills = 0;

/**
 * Fills the filesystem to the last page, and again when called again: each call writes new
 * files. fallocate takes all but 64 kB (the browser may write between the measure and the call:
 * asking for every free byte then failed with ENOSPC), retried on what is left when it fails,
 * then `dd` writes page after page until ENOSPC. The earlier version wrote at most 1 MB with
 * `dd` after a failed fallocate, and truncated its own file when called again: the disk then
 * had room for ten more answers (failed once in CI, and 2 runs in 17 here).
 */
function fillDisk(dir: string): void {
	for (let round = 0; round < 3 && freeBytes(dir) > 0; round++) {
		for (let attempt = 0; attempt < 8; attempt++) {
			const size = freeBytes(dir) - 64 * 1024;
			if (size <= 0) break;
			const file = join(dir, `fill-${++fills}`);
			try {
				execFileSync('fallocate', ['-l', String(size), file], { stdio: 'pipe' });
				break;
			} catch {
				rmSync(file, { force: true });
			}
		}
		try {
			execFileSync('dd', ['if=/dev/zero', `of=${join(dir, `fill-${++fills}`)}`, 'bs=4096'], {
				stdio: 'pipe'
			});
		} catch {
			// dd stops with ENOSPC: that is the point.
		}
	}
	expect(freeBytes(dir), 'le disque de test est plein').toBe(0);
}

/**
 * Answers one question after another with « 4 · Exemplaire » until the banner shows, the disk
 * filled again before each click: the browser may delete files of its own once the disk is full
 * (400 kB freed after the fill, seen once in five runs), and ten small writes then fitted.
 */
async function answerUntilHalted(
	page: Page,
	dir: string,
	banner: Locator,
	questions: TestQuestion[]
): Promise<TestQuestion[]> {
	const clicked: TestQuestion[] = [];
	for (const q of questions) {
		fillDisk(dir);
		await scale(page, q).getByLabel('4 · Exemplaire').check();
		clicked.push(q);
		if (await banner.isVisible()) break;
		await page.waitForTimeout(500);
		if (await banner.isVisible()) break;
	}
	await expect(banner).toBeVisible();
	return clicked;
}

function freeDisk(dir: string): void {
	for (const f of readdirSync(dir)) if (f.startsWith('fill')) rmSync(join(dir, f));
}

test.describe('a full disk', () => {
	let root = '';
	let mountProblem: string | null = null;

	test.beforeAll(() => {
		root = mkdtempSync(join(tmpdir(), 'leviers-disk-'));
		mountProblem = tryMount(root);
	});
	test.afterAll(() => {
		if (!mountProblem) execFileSync('umount', ['-l', root]);
		rmSync(root, { recursive: true, force: true });
	});

	test('stops writing, keeps the screen, and loses nothing stored before', async ({ baseURL }) => {
		test.skip(
			mountProblem !== null,
			`Cette machine ne peut pas monter un petit système de fichiers (mount tmpfs, à lancer en root)\u202f: ${mountProblem}`
		);
		test.setTimeout(120_000);
		const profile = join(root, 'profile');
		const launch = () => launchProfile(profile, baseURL);
		let context: BrowserContext | undefined = await launch();
		try {
			let page: Page = context.pages()[0] ?? (await context.newPage());
			const example = await createExample(page);
			const url = await createCampaign(page, 'Commune au disque plein');
			await openModule(page, url, dechets.title);
			const [q1, q2] = scales;
			await scale(page, q1!).getByLabel('2 · Engagé').check();
			await scale(page, q2!).getByLabel('3 · Réalisé').check();
			await expectAllSaved(page);
			const fillUrl = page.url();

			// A small write can still fit in the last page of a file: click on until one fails.
			const banner = page.getByRole('alert').filter({ hasText: 'Enregistrement suspendu' });
			const clicked = await answerUntilHalted(page, root, banner, scales.slice(2, 12));
			await expect(banner).toContainText('reste affiché sur cette page');
			await expect(page.getByRole('main')).not.toContainText(/[Rr]echargez/);
			await expect(page.getByRole('main')).not.toContainText('sont conservées');
			// One more click while writes are halted: shown, not written.
			const next = scales[clicked.length + 2]!;
			await scale(page, next).getByLabel('1 · En réflexion').check();
			for (const q of clicked)
				await expect(scale(page, q).getByLabel('4 · Exemplaire')).toBeChecked();
			await expect(scale(page, next).getByLabel('1 · En réflexion')).toBeChecked();

			// Still full: « Réessayer » says so and writes nothing.
			fillDisk(root);
			await banner.getByRole('button', { name: 'Réessayer' }).click();
			await expect(banner).toContainText('Il n’y a toujours pas assez de place');

			freeDisk(root);
			await banner.getByRole('button', { name: 'Réessayer' }).click();
			// It writes some megabytes to check for space first: seconds on a slow machine.
			await expect(banner).toHaveCount(0, { timeout: 30_000 });
			await expectAllSaved(page);
			const last = scales[clicked.length + 3]!;
			await scale(page, last).getByLabel('Je ne sais pas').check();
			await expectAllSaved(page);

			// Restart the browser: this is when a torn log made Chromium delete the database.
			await context.close();
			context = await launch();
			page = context.pages()[0] ?? (await context.newPage());
			await page.goto(fillUrl);
			await expect(scale(page, q1!).getByLabel('2 · Engagé')).toBeChecked();
			await expect(scale(page, q2!).getByLabel('3 · Réalisé')).toBeChecked();
			for (const q of clicked)
				await expect(scale(page, q).getByLabel('4 · Exemplaire')).toBeChecked();
			await expect(scale(page, next).getByLabel('1 · En réflexion')).toBeChecked();
			await expect(scale(page, last).getByLabel('Je ne sais pas')).toBeChecked();
			await page.goto(example);
			await expect(
				page.getByRole('heading', { level: 1, name: 'Communauté de communes exemple' })
			).toBeVisible();
		} finally {
			await context?.close();
			freeDisk(root);
			// The next test starts on an empty small disk.
			rmSync(profile, { recursive: true, force: true });
		}
	});
	test('halted, the disk freed, the browser restarted without « Réessayer »: nothing lost', async ({
		baseURL
	}) => {
		// Red team (helper, stop 25): the page read the database again after the failure, each
		// open appended to LevelDB's log behind the torn record, and the restart then deleted
		// the database (2 runs in 3 on 08025cc). The database now stays closed until « Réessayer ».
		test.skip(
			mountProblem !== null,
			`Cette machine ne peut pas monter un petit système de fichiers (mount tmpfs, à lancer en root)\u202f: ${mountProblem}`
		);
		test.setTimeout(120_000);
		const launch = () => launchProfile(join(root, 'profile-restart'), baseURL);
		let context: BrowserContext | undefined = await launch();
		try {
			let page: Page = context.pages()[0] ?? (await context.newPage());
			const url = await createCampaign(page, 'Commune redémarrée');
			await openModule(page, url, dechets.title);
			const [q1, q2] = scales;
			await scale(page, q1!).getByLabel('2 · Engagé').check();
			await scale(page, q2!).getByLabel('3 · Réalisé').check();
			await expectAllSaved(page);
			const fillUrl = page.url();

			const alertOf = (p: Page) =>
				p.getByRole('alert').filter({ hasText: 'Enregistrement suspendu' });
			await answerUntilHalted(page, root, alertOf(page), scales.slice(2, 12));
			await page.waitForTimeout(1000);
			freeDisk(root);
			// The halt is remembered in localStorage, which Chromium writes to disk only once
			// there is room again (measured: within 3 s; closed before, the browser forgets it).
			await page.waitForTimeout(3000);
			// Two starts of the browser, each visiting the app: the second found the database
			// deleted when the first had read it (3 runs in 3 on 6e326ba). Nothing is read now
			// before « Réessayer », which the banner says.
			for (let start = 0; start < 2; start++) {
				await context.close();
				context = await launch();
				page = context.pages()[0] ?? (await context.newPage());
				await page.goto(fillUrl);
				await expect(alertOf(page)).toContainText('ne relit pas non plus');
				await expect(page.getByRole('radio')).toHaveCount(0);
			}
			await alertOf(page).getByRole('button', { name: 'Réessayer' }).click();
			// Space checked, a clean log started; the page offers to load again, and reads.
			await page.getByRole('button', { name: 'Recharger la page' }).click({ timeout: 30_000 });
			await expect(scale(page, q1!).getByLabel('2 · Engagé')).toBeChecked({ timeout: 30_000 });
			await expect(scale(page, q2!).getByLabel('3 · Réalisé')).toBeChecked();
			await expect(alertOf(page)).toHaveCount(0);
		} finally {
			await context?.close();
			freeDisk(root);
		}
	});
});

test('site data erased under the page: says so and offers to restore a backup', async ({
	page
}) => {
	const url = await createCampaign(page, 'Commune effacée');
	await openModule(page, url, dechets.title);
	const [q1, q2] = scales;
	await scale(page, q1!).getByLabel('2 · Engagé').check();
	await expectAllSaved(page);

	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Storage.clearDataForOrigin', {
		origin: new URL(page.url()).origin,
		storageTypes: 'indexeddb,local_storage'
	});
	await scale(page, q2!).getByLabel('3 · Réalisé').check();
	const banner = page.getByRole('alert').filter({ hasText: 'ont été effacées' });
	await expect(banner).toBeVisible();
	await expect(page.getByRole('button', { name: 'Réessayer' })).toHaveCount(0);
	await banner.getByRole('link', { name: 'restaurer depuis un fichier de sauvegarde' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(/Importer/);
});
