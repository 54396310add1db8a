// The database of the previous release (tests/fixtures/db-previous-release.json, dumped by
// scripts/dump-db.mjs from the build of that release after loading the example campaign and
// answering a few things) is recreated as that release left it, then opened by this build: its
// answers must be on the filling page, carried by the shipped mappings, and its retired answers
// listed. Expectations come from the dump and the mapping files, not from question texts.
import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { readModule, scale } from './helpers';

interface Dump {
	release: string;
	name: string;
	version: number;
	stores: Record<
		string,
		{
			keyPath: string | string[];
			autoIncrement: boolean;
			indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
			records: Record<string, unknown>[];
		}
	>;
}
interface Row {
	diagnosticId: string;
	questionId: string;
	value: unknown;
	note?: string;
}
type Action =
	| { action: 'keep' }
	| { action: 'rename' | 'obligation'; to: string }
	| { action: 'merge'; into: string }
	| { action: 'retire' };

const dump = JSON.parse(readFileSync('tests/fixtures/db-previous-release.json', 'utf8')) as Dump;
const v1 = JSON.parse(readFileSync('questionnaires/migrations/v1-questions.json', 'utf8')) as {
	modules: Record<string, { questions: { id: string; text: string }[] }>;
};
const diagnostics = dump.stores.diagnostics!.records as { id: string; moduleId: string }[];
const campaignId = (dump.stores.campaigns!.records[0] as { id: string }).id;
const rows = dump.stores.answers!.records as unknown as Row[];

/** The shipped mapping of a module from v1, or every question kept when it has none. */
function mappingOf(moduleId: string): (id: string) => Action {
	const file = `questionnaires/migrations/${moduleId}-1-2.json`;
	if (!existsSync(file)) return () => ({ action: 'keep' });
	const { questions } = JSON.parse(readFileSync(file, 'utf8')) as {
		questions: Record<string, Action>;
	};
	return (id) => questions[id] ?? { action: 'keep' };
}

const HAND_NOTE = 'Saisi à la main avant la mise à jour';
const SCALE = ['0 · Rien', '1 · En réflexion', '2 · Engagé', '3 · Réalisé', '4 · Exemplaire'];
const scaleLabel = (v: unknown) =>
	typeof v === 'number' ? SCALE[v]! : v === 'na' ? 'Non concerné' : 'Je ne sais pas';

/** What the filling page of a module must show: answers on their new question, retired ones. */
function expectations(moduleId: string) {
	const d = diagnostics.find((x) => x.moduleId === moduleId)!;
	const map = mappingOf(moduleId);
	const mine = rows.filter((r) => r.diagnosticId === d.id);
	const current = readModule(moduleId);
	const merged = new Set(
		mine.map((r) => map(r.questionId)).flatMap((a) => ('into' in a ? [a.into] : []))
	);
	const carried = mine.flatMap((r) => {
		const a = map(r.questionId);
		const target = a.action === 'keep' ? r.questionId : a.action === 'rename' ? a.to : null;
		const question = current.questions.find((q) => q.id === target);
		return question?.type === 'scale' && !merged.has(question.id) && r.value !== null
			? [{ question, label: scaleLabel(r.value) }]
			: [];
	});
	const texts = new Map(v1.modules[moduleId]!.questions.map((q) => [q.id, q.text]));
	const retired = mine
		.filter((r) => ['merge', 'retire'].includes(map(r.questionId).action))
		.map((r) => texts.get(r.questionId)!);
	return { carried, retired };
}

// The module with answers both carried and retired (déchets, answered by hand, when it has some).
const chosen =
	['dechets', ...diagnostics.map((d) => d.moduleId)].find(
		(m) => expectations(m).retired.length > 0 && expectations(m).carried.length > 0
	) ?? 'dechets';

/** Recreates the dumped database, raw IndexedDB, on a blank page of the app's origin. */
async function restoreDump(page: Page): Promise<void> {
	await page.route('**/previous-release-blank', (route) =>
		route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>vide</title>' })
	);
	await page.goto('/previous-release-blank');
	await page.evaluate(async (data: Dump) => {
		await new Promise<void>((resolve, reject) => {
			const request = indexedDB.open(data.name, data.version);
			request.onerror = () => reject(request.error);
			request.onupgradeneeded = () => {
				const db = request.result;
				for (const [name, store] of Object.entries(data.stores)) {
					const created = db.createObjectStore(name, {
						keyPath: store.keyPath,
						autoIncrement: store.autoIncrement
					});
					for (const i of store.indexes)
						created.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
					for (const record of store.records) created.add(record);
				}
			};
			request.onsuccess = () => {
				request.result.close();
				resolve();
			};
		});
	}, dump);
}

test('the database of the previous release opens with its answers carried and retired ones listed', async ({
	page
}) => {
	expect(dump.version).toBe(20);
	await restoreDump(page);
	const module = readModule(chosen);
	const { carried, retired } = expectations(chosen);
	expect(carried.length).toBeGreaterThan(0);

	await page.goto(`/campagnes/${campaignId}/${chosen}`);
	await expect(page.getByRole('heading', { level: 1, name: module.title })).toBeVisible();
	for (const { question, label } of carried.slice(0, 5))
		await expect(scale(page, question).getByLabel(label)).toBeChecked();

	// The note typed by hand before the update follows its answer.
	const typed = rows.find((r) => r.note === HAND_NOTE)!;
	const action = mappingOf('dechets')(typed.questionId);
	if (chosen === 'dechets' && action.action !== 'retire') {
		const target =
			action.action === 'keep' ? typed.questionId : 'to' in action ? action.to : action.into;
		const n = module.questions.findIndex((q) => q.id === target) + 1;
		await expect(page.getByLabel(`Note sur la question ${n}`, { exact: true })).toHaveValue(
			new RegExp(HAND_NOTE)
		);
	}
	// The app upgraded the database (Dexie's version 3 and above, times 10).
	const databases = await page.evaluate(() => indexedDB.databases());
	expect(databases.find((d) => d.name === 'leviers')?.version).toBeGreaterThanOrEqual(30);

	const section = page.getByRole('region', {
		name: 'Réponses de la version précédente (non comptées)'
	});
	if (retired.length === 0) {
		await expect(section).toHaveCount(0);
		return;
	}
	await expect(section.getByRole('listitem')).toHaveCount(retired.length);
	for (const text of retired) await expect(section.getByText(text, { exact: true })).toBeVisible();
});

test('the database of the previous release is migrated even when indexedDB.databases() does not list it', async ({
	page
}) => {
	await restoreDump(page);
	// A stale list: the rules are not loaded before opening, the upgrade must load them itself.
	await page.addInitScript(() => {
		IDBFactory.prototype.databases = () => Promise.resolve([]);
	});
	const module = readModule(chosen);
	const { carried } = expectations(chosen);
	await page.goto(`/campagnes/${campaignId}/${chosen}`);
	await expect(page.getByRole('heading', { level: 1, name: module.title })).toBeVisible();
	for (const { question, label } of carried.slice(0, 5))
		await expect(scale(page, question).getByLabel(label)).toBeChecked();
	const version = await page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const request = indexedDB.open('leviers');
				request.onsuccess = () => {
					resolve(request.result.version);
					request.result.close();
				};
				request.onerror = () => reject(request.error);
			})
	);
	expect(version).toBeGreaterThanOrEqual(30);
});

test('the home page lists the campaigns of the previous release’s database, upgraded first', async ({
	page
}) => {
	// The home page reads without Dexie only a database of this release's schema: this one goes
	// through Dexie, which upgrades it, then shows its campaigns.
	await restoreDump(page);
	const campaigns = dump.stores.campaigns!.records as { authority: string }[];
	expect(campaigns.length).toBeGreaterThan(0);
	await page.goto('/');
	for (const { authority } of campaigns)
		await expect(page.getByRole('link', { name: authority }).first()).toBeVisible();
	const databases = await page.evaluate(() => indexedDB.databases());
	expect(databases.find((d) => d.name === 'leviers')?.version).toBe(50);
});
