import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_OTHER_PARTNER } from '$lib/domain/answers';
import { LeviersDB } from './db';
import { Queries } from './queries';
import { RepositoryError } from './errors';
import { Repository } from './repository';

let db: LeviersDB;
let repo: Repository;
let queries: Queries;

beforeEach(() => {
	db = new LeviersDB('test', { indexedDB: new IDBFactory(), IDBKeyRange });
	let clock = 1_000;
	let n = 0;
	repo = new Repository(
		db,
		() => ++clock,
		() => `id-${++n}`
	);
	queries = new Queries(db);
});
afterEach(() => db.close());

const Q = 'd-coop-biodechets';

async function fresh() {
	const c = await repo.createCampaign({ authority: 'CC', label: 'D', modules: ['dechets'] });
	return { campaignId: c.id, moduleId: 'dechets' as const };
}

async function row(ref: Awaited<ReturnType<typeof fresh>>) {
	const { rows } = await queries.fillingState(ref.campaignId, ref.moduleId);
	return rows.find((r) => r.questionId === Q);
}

describe('external partners and the «\u202fAutre\u202f» text', () => {
	it('are stored with the services, the text durably, and read again', async () => {
		const ref = await fresh();
		await repo.toggleCooperation(ref, Q, 'autre', true);
		await repo.toggleCooperation(ref, Q, 'communes-membres', true);
		await repo.toggleCooperation(ref, Q, 'eau', true);
		await repo.saveOtherPartner(ref, Q, 'Syndicat de rivière ');
		expect(await row(ref)).toMatchObject({
			value: ['eau', 'communes-membres', 'autre'],
			otherPartner: 'Syndicat de rivière '
		});
		db.close();
		await db.open();
		expect((await row(ref))?.otherPartner).toBe('Syndicat de rivière ');
		// The scores read it too (the matrix shows it).
		const [d] = await queries.campaignDiagnostics(ref.campaignId);
		expect(d?.answers[Q]?.otherPartner).toBe('Syndicat de rivière ');
	});

	it('clear the text when «\u202fAutre\u202f» is unticked, or the answer cleared', async () => {
		const ref = await fresh();
		await repo.toggleCooperation(ref, Q, 'autre', true);
		await repo.saveOtherPartner(ref, Q, 'CCAS');
		await repo.toggleCooperation(ref, Q, 'patrimoine', true);
		expect((await row(ref))?.otherPartner).toBe('CCAS');
		await repo.toggleCooperation(ref, Q, 'autre', false);
		expect(await row(ref)).toMatchObject({ value: ['patrimoine'] });
		expect((await row(ref))?.otherPartner).toBeUndefined();
		// Ticked again, « Autre » starts empty; « Aucun service » clears it too.
		await repo.toggleCooperation(ref, Q, 'autre', true);
		expect((await row(ref))?.otherPartner).toBeUndefined();
		await repo.saveOtherPartner(ref, Q, 'CCAS');
		await repo.saveAnswer(ref, Q, []);
		expect((await row(ref))?.otherPartner).toBeUndefined();
	});

	it('keep no text without «\u202fAutre\u202f», nor a blank one', async () => {
		const ref = await fresh();
		await repo.saveAnswer(ref, Q, ['eau']);
		await repo.saveOtherPartner(ref, Q, 'CCAS');
		expect((await row(ref))?.otherPartner).toBeUndefined();
		await repo.toggleCooperation(ref, Q, 'autre', true);
		await repo.saveOtherPartner(ref, Q, '   ');
		expect((await row(ref))?.otherPartner).toBeUndefined();
	});

	it('bound the text to 120 characters, with a French refusal', async () => {
		const ref = await fresh();
		await repo.toggleCooperation(ref, Q, 'autre', true);
		await repo.saveOtherPartner(ref, Q, 'x'.repeat(MAX_OTHER_PARTNER));
		expect((await row(ref))?.otherPartner).toHaveLength(120);
		const refused = repo.saveOtherPartner(ref, Q, 'y'.repeat(MAX_OTHER_PARTNER + 1));
		await expect(refused).rejects.toBeInstanceOf(RepositoryError);
		await expect(refused).rejects.toThrow(
			'Le partenaire «\u202fAutre\u202f» compte 121 caractères, pour une limite de 120\u202f: raccourcissez ce texte.'
		);
		expect((await row(ref))?.otherPartner).toHaveLength(120);
	});
});
