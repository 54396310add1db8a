// The results pages read without Dexie (issue 16). What a person would notice: the same scores
// (the same diagnostics and answers) and the same plan, in the same order, as through Dexie.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, expect, it } from 'vitest';
import type { PlanAction } from '$lib/domain/plan/action';
import { ActionRepository } from './actions';
import { LeviersDB } from './db';
import { actionsOf, campaignDiagnostics } from './light-results';
import { DB_NAME } from './names';
import { Queries } from './queries';
import { Repository } from './repository';

const opened: LeviersDB[] = [];
afterEach(() => opened.splice(0).forEach((d) => d.close()));

function current(factory: IDBFactory) {
	const db = new LeviersDB(DB_NAME, { indexedDB: factory, IDBKeyRange });
	opened.push(db);
	return { db, repo: new Repository(db, () => 100), queries: new Queries(db) };
}

it('reads a campaign’s diagnostics and answers as Dexie does, and nothing without a database', async () => {
	const factory = new IDBFactory();
	expect(await campaignDiagnostics('c', factory)).toEqual([]);
	expect(await actionsOf('c', factory)).toEqual([]);
	expect(await factory.databases()).toEqual([]);
	const { repo, queries } = current(factory);
	const c = await repo.createCampaign({ authority: 'A', label: 'L', modules: ['dechets', 'eau'] });
	const other = await repo.createCampaign({ authority: 'B', label: 'M', modules: ['eau'] });
	const d = await repo.openDiagnostic(c.id, 'dechets');
	await repo.saveAnswer(d.id, 'q1', 2);
	await repo.saveNote(d.id, 'q2', 'Seulement une note');
	await repo.saveAnswer(d.id, 'q3', ['eau', 'autre']);
	await repo.saveOtherPartner(d.id, 'q3', 'La ressourcerie');
	const e = await repo.openDiagnostic(c.id, 'eau');
	await repo.saveAnswer(e.id, 'e1', 4);
	await repo.saveAnswer((await repo.openDiagnostic(other.id, 'eau')).id, 'e1', 1);

	const light = await campaignDiagnostics(c.id, factory);
	expect(light).toEqual(await queries.campaignDiagnostics(c.id));
	const byModule = new Map(light.map((x) => [x.moduleId, x]));
	expect(light).toHaveLength(2);
	expect(Object.keys(byModule.get('dechets')!.answers).sort()).toEqual(['q1', 'q3']);
	expect(Object.keys(byModule.get('eau')!.answers)).toEqual(['e1']);
	expect(byModule.get('dechets')!.answers['q3']).toMatchObject({ otherPartner: 'La ressourcerie' });
});

it('reads a plan oldest first, ties in Dexie’s order, and only the campaign’s', async () => {
	const factory = new IDBFactory();
	const { db } = current(factory);
	const action = (id: string, campaignId: string, createdAt: number) =>
		({ id, campaignId, createdAt, updatedAt: createdAt }) as unknown as PlanAction;
	await db.actions.bulkAdd([
		action('z', 'c', 30),
		action('b', 'c', 10),
		action('a', 'c', 30),
		action('m', 'x', 5),
		action('k', 'c', 20)
	]);
	const light = await actionsOf('c', factory);
	expect(light.map((a) => a.id)).toEqual(['b', 'k', 'a', 'z']);
	expect(light).toEqual(await new ActionRepository(db).actionsOf('c'));
});
