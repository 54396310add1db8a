import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { selectDiagnostics } from '$lib/domain/scoring/selection';
import { questionnaire } from '$lib/domain/content/content';
import { LeviersDB } from './db';
import { Queries } from './queries';
import { Repository } from './repository';

let factory: IDBFactory;
let db: LeviersDB;
let repo: Repository;
let queries: Queries;
let clock = 1_000;

/** Another tab: its own connection and repository on the same database. */
function otherTab(): { db: LeviersDB; repo: Repository } {
	const other = new LeviersDB('test', { indexedDB: factory, IDBKeyRange });
	return { db: other, repo: new Repository(other, () => ++clock) };
}

beforeEach(() => {
	factory = new IDBFactory();
	db = new LeviersDB('test', { indexedDB: factory, IDBKeyRange });
	repo = new Repository(db, () => ++clock);
	queries = new Queries(db);
});
afterEach(() => db.close());

const input = { authority: 'CC exemple', label: 'Diagnostic 2026', modules: ['dechets' as const] };

describe('a diagnostic is created by its first write, not by opening its page', () => {
	it('reads nothing and stores nothing before the first answer', async () => {
		const c = await repo.createCampaign(input);
		expect(await queries.fillingState(c.id, 'dechets')).toEqual({
			diagnostic: undefined,
			rows: []
		});
		expect(await db.diagnostics.count()).toBe(0);

		await repo.saveAnswer({ campaignId: c.id, moduleId: 'dechets' }, 'dechets-plpdma-pilotage', 3);
		const { diagnostic, rows } = await queries.fillingState(c.id, 'dechets');
		expect(diagnostic).toMatchObject({ campaignId: c.id, moduleId: 'dechets', revision: 1 });
		expect(rows.map((r) => [r.questionId, r.value])).toEqual([['dechets-plpdma-pilotage', 3]]);
	});

	it('a first note or respondent creates it too', async () => {
		const c = await repo.createCampaign(input);
		const ref = { campaignId: c.id, moduleId: 'dechets' as const };
		await repo.saveRespondent(ref, { name: 'A. Martin' });
		await repo.saveNote(ref, 'dechets-plpdma-pilotage', 'à voir');
		const all = await db.diagnostics.toArray();
		expect(all).toHaveLength(1);
		expect(all[0]).toMatchObject({ respondent: { name: 'A. Martin' }, revision: 2 });
	});

	it('two tabs answering a new module at once make one diagnostic, with both answers', async () => {
		const c = await repo.createCampaign(input);
		const tab = otherTab();
		const ref = { campaignId: c.id, moduleId: 'dechets' as const };
		await Promise.all([
			repo.saveAnswer(ref, 'dechets-plpdma-pilotage', 3),
			tab.repo.saveAnswer(ref, 'dechets-plpdma-commission', 1)
		]);
		tab.db.close();
		const { diagnostic, rows } = await queries.fillingState(c.id, 'dechets');
		expect(await db.diagnostics.count()).toBe(1);
		expect(diagnostic?.revision).toBe(2);
		expect(rows).toHaveLength(2);
	});

	it('refuses to write for a campaign that is gone, and creates nothing', async () => {
		await expect(
			repo.saveAnswer({ campaignId: 'gone', moduleId: 'dechets' }, 'dechets-plpdma-pilotage', 3)
		).rejects.toThrow('Cette démarche n’existe pas sur cet appareil.');
		expect(await db.diagnostics.count()).toBe(0);
	});
});

describe('an empty draft (made by an older version when a page was opened) never counts', () => {
	it('is neither scored nor exported', async () => {
		const c = await repo.createCampaign({ ...input, modules: ['dechets', 'eau'] });
		await repo.openDiagnostic(c.id, 'eau');
		await repo.saveAnswer({ campaignId: c.id, moduleId: 'dechets' }, 'dechets-plpdma-pilotage', 2);
		const selection = selectDiagnostics(c, await queries.campaignDiagnostics(c.id), questionnaire);
		expect(selection.counted.map((d) => d.moduleId)).toEqual(['dechets']);
		expect([...selection.superseded, ...selection.ignored]).toEqual([]);
		const data = await queries.exportData({ scope: 'campaign', campaignId: c.id });
		expect(data.diagnostics.map((d) => d.moduleId)).toEqual(['dechets']);
		expect(await db.diagnostics.count()).toBe(2);
	});
});

describe('cooperation ticks are merged inside the transaction', () => {
	it('ticks made at the same moment in two tabs are all kept', async () => {
		const c = await repo.createCampaign(input);
		const ref = { campaignId: c.id, moduleId: 'dechets' as const };
		const q = 'dechets-coop-chantiers';
		await repo.saveAnswer(ref, q, ['eau']);
		const tab = otherTab();
		await Promise.all([
			repo.toggleCooperation(ref, q, 'marches', true),
			tab.repo.toggleCooperation(ref, q, 'economie', true),
			tab.repo.toggleCooperation(ref, q, 'eau', false)
		]);
		tab.db.close();
		const { rows } = await queries.fillingState(c.id, 'dechets');
		// In module order, whatever the order the writes ran in.
		expect(rows.find((r) => r.questionId === q)?.value).toEqual(['economie', 'marches']);
	});

	it('unticking the last partner leaves no answer; ticking one replaces « Aucun service »', async () => {
		const c = await repo.createCampaign(input);
		const ref = { campaignId: c.id, moduleId: 'dechets' as const };
		const q = 'dechets-coop-chantiers';
		await repo.saveAnswer(ref, q, []);
		await repo.toggleCooperation(ref, q, 'eau', true);
		expect((await queries.fillingState(c.id, 'dechets')).rows[0]?.value).toEqual(['eau']);
		await repo.toggleCooperation(ref, q, 'eau', false);
		expect((await queries.fillingState(c.id, 'dechets')).rows[0]?.value).toBeNull();
	});
});
