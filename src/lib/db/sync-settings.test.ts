import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newAction } from '$lib/domain/plan/plan';
import { ActionRepository } from './actions';
import { LeviersDB } from './db';
import { Repository } from './repository';
import { SyncSettingsStore, type SyncSettings } from './sync-settings';
import { SyncWrites } from './sync-writes';
import { flatRows } from './answer-sets';

let db: LeviersDB;
let repo: Repository;
let plan: ActionRepository;
let settings: SyncSettingsStore;
let writes: SyncWrites;
let clock = 1_000;

beforeEach(() => {
	db = new LeviersDB('test', { indexedDB: new IDBFactory(), IDBKeyRange });
	let n = 0;
	const now = () => ++clock;
	const newId = () => `id-${++n}`;
	repo = new Repository(db, now, newId);
	plan = new ActionRepository(db, now, newId);
	settings = new SyncSettingsStore(db);
	writes = new SyncWrites(db);
});
afterEach(() => db.close());

async function synced(role: SyncSettings['role']) {
	const c = await repo.createCampaign({
		authority: 'CC exemple',
		label: 'Diagnostic 2026',
		modules: ['dechets']
	});
	await settings.save({
		campaignId: c.id,
		server: 'https://couch.example.fr',
		database: 'leviers',
		username: 'marie',
		password: 'secret',
		role,
		paused: false,
		createdAt: 1
	});
	return c;
}

describe('deletions on a synchronised campaign', () => {
	it('records an action deleted by the coordinator, in the deletion’s transaction', async () => {
		const c = await synced('coordinator');
		const a = await plan.addAction(newAction('Créer une ressourcerie', plan.context(c.id)));
		const b = await plan.addAction(newAction('Former les agents', plan.context(c.id)));
		await plan.deleteAction(a.id);
		await plan.deleteAction(b.id);
		await plan.deleteAction(b.id); // twice: recorded once
		expect(await settings.deletions(c.id)).toEqual([`action:${a.id}`, `action:${b.id}`]);
		await settings.forgetDeletions(c.id, [`action:${a.id}`]);
		expect(await settings.deletions(c.id)).toEqual([`action:${b.id}`]);
	});

	it('keeps deletions not sent yet when synchronisation stops, to send them if it starts again', async () => {
		const c = await synced('coordinator');
		const a = await plan.addAction(newAction('Créer une ressourcerie', plan.context(c.id)));
		await plan.deleteAction(a.id);
		await settings.remove(c.id);
		expect(await settings.of(c.id)).toBeNull();
		expect(await settings.deletions(c.id)).toEqual([`action:${a.id}`]);
	});

	it('remembers what the user kept until it is written, across reloads', async () => {
		const c = await synced('service');
		await settings.keep(c.id, ['action:a', 'diagnostic:d']);
		await settings.keep(c.id, ['action:a']);
		expect(await new SyncSettingsStore(db).kept(c.id)).toEqual(['action:a', 'diagnostic:d']);
		await settings.forgetKept(c.id, ['diagnostic:d']);
		expect(await settings.kept(c.id)).toEqual(['action:a']);
		await repo.deleteCampaign(c.id);
		expect(await settings.kept(c.id)).toEqual([]);
	});

	it('reads the ids of a damaged list instead of dropping them all', async () => {
		const c = await synced('coordinator');
		await db.meta.put({ key: `sync-deleted:${c.id}`, value: ['action:a', 5, null, 'action:b'] });
		expect(await settings.deletions(c.id)).toEqual(['action:a', 'action:b']);
		await db.meta.put({ key: `sync-deleted:${c.id}`, value: 'pas une liste' });
		expect(await settings.deletions(c.id)).toEqual([]);
	});

	it('deletes an action deleted elsewhere without recording a deletion to send', async () => {
		const c = await synced('coordinator');
		const a = await plan.addAction(newAction('Créer une ressourcerie', plan.context(c.id)));
		await writes.deleteAction(a.id);
		expect(await plan.getAction(a.id)).toBeUndefined();
		expect(await settings.deletions(c.id)).toEqual([]);
	});

	it('records nothing for a service head (the server would refuse) nor without sync', async () => {
		const c = await synced('service');
		const a = await plan.addAction(newAction('Créer une ressourcerie', plan.context(c.id)));
		await plan.deleteAction(a.id);
		expect(await plan.getAction(a.id)).toBeUndefined();
		expect(await settings.deletions(c.id)).toEqual([]);
		await settings.remove(c.id);
		const other = await plan.addAction(newAction('Former les agents', plan.context(c.id)));
		// (no settings left: nothing recorded)
		await plan.deleteAction(other.id);
		expect(await settings.deletions(c.id)).toEqual([]);
	});

	it('forgets the settings and recorded deletions with the campaign, in its transaction', async () => {
		const c = await synced('coordinator');
		const a = await plan.addAction(newAction('Créer une ressourcerie', plan.context(c.id)));
		await plan.deleteAction(a.id);
		await repo.deleteCampaign(c.id);
		expect(await settings.of(c.id)).toBeNull();
		expect(await settings.deletions(c.id)).toEqual([]);
		expect(await db.meta.count()).toBe(0);
	});

	it('deletes one diagnostic with its answers and nothing else', async () => {
		const c = await synced('coordinator');
		const d = await repo.openDiagnostic(c.id, 'dechets');
		await repo.saveAnswer(d.id, 'dec-01', 2);
		expect(flatRows(await db.answerSets.toArray())).toHaveLength(1);
		await writes.deleteDiagnostic(d.id);
		expect(await db.diagnostics.count()).toBe(0);
		expect(await db.answerSets.count()).toBe(0);
		expect(await db.campaigns.count()).toBe(1);
	});
});

describe('a campaign changed on another device', () => {
	it('takes the newer name and modules, keeps its own when it changed later', async () => {
		const c = await synced('service');
		const newer = {
			...c,
			authority: 'CC renommée',
			modules: ['dechets', 'cantines'] as const,
			updatedAt: c.updatedAt + 10
		};
		expect(
			await writes.refreshCampaign({ ...newer, modules: [...newer.modules] }, c.updatedAt)
		).toBe(true);
		expect(await db.campaigns.get(c.id)).toMatchObject({
			authority: 'CC renommée',
			modules: ['dechets', 'cantines'],
			updatedAt: c.updatedAt + 10,
			createdAt: c.createdAt
		});
		const older = { ...c, authority: 'Ancien nom', updatedAt: c.updatedAt + 5 };
		expect(await writes.refreshCampaign(older, c.updatedAt)).toBe(false);
		expect((await db.campaigns.get(c.id))?.authority).toBe('CC renommée');
		// A copy dated a day ahead of this device's clock (a wrong clock, a forged date) is not
		// taken: it would revert every rename made here.
		const ahead = { ...c, authority: 'Venue du futur', updatedAt: c.updatedAt + 86_400_000 };
		expect(await writes.refreshCampaign(ahead, c.updatedAt + 20)).toBe(false);
		expect((await db.campaigns.get(c.id))?.authority).toBe('CC renommée');
	});
});
