import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getModule } from '$lib/domain/content/content';
import { moduleQuestions } from '$lib/domain/content/questionnaire';
import { TEXT_LIMITS } from '$lib/domain/content/text-limits';
import { LeviersDB, SCHEMA_VERSIONS } from './db';
import { describeStorageError } from './errors';
import { Queries, toAnswers } from './queries';
import { RepositoryError } from './errors';
import { Repository } from './repository';

let db: LeviersDB;
let repo: Repository;
let queries: Queries;
let clock = 1_000;
let factory: IDBFactory;

beforeEach(() => {
	factory = new IDBFactory();
	db = new LeviersDB('test', { indexedDB: factory, IDBKeyRange });
	let n = 0;
	repo = new Repository(
		db,
		() => ++clock,
		() => `id-${++n}`
	);
	queries = new Queries(db);
});
afterEach(() => db.close());

const campaignInput = {
	authority: 'CC exemple',
	label: 'Diagnostic 2026',
	modules: ['dechets', 'cantines'] as const
};

describe('campaigns', () => {
	it('are created, renamed and listed with trimmed names', async () => {
		const c = await repo.createCampaign({
			...campaignInput,
			authority: '  CC exemple ',
			modules: ['dechets']
		});
		await repo.updateCampaign(c.id, {
			authority: 'CC renommée',
			label: 'D 2027',
			modules: ['dechets']
		});
		const list = await queries.listCampaigns();
		expect(list.map((x) => [x.authority, x.label])).toEqual([['CC renommée', 'D 2027']]);
	});

	it('refuse an empty name with a French message', async () => {
		await expect(
			repo.createCampaign({ ...campaignInput, modules: ['eau'], authority: ' ' })
		).rejects.toThrow('Indiquez le nom de la collectivité.');
	});

	it('are deleted with every diagnostic and answer, and nothing else', async () => {
		const a = await repo.createCampaign({ ...campaignInput, modules: ['dechets'] });
		const b = await repo.createCampaign({ ...campaignInput, modules: ['dechets'] });
		const da = await repo.openDiagnostic(a.id, 'dechets');
		const db2 = await repo.openDiagnostic(b.id, 'dechets');
		await repo.saveAnswer(da.id, 'q1', 3);
		await repo.saveAnswer(db2.id, 'q1', 2);
		await repo.deleteCampaign(a.id);
		expect((await queries.listCampaigns()).map((c) => c.id)).toEqual([b.id]);
		expect(await db.diagnostics.count()).toBe(1);
		expect((await db.answerSets.toArray()).map((s) => s.diagnosticId)).toEqual([db2.id]);
	});
});

describe('answers', () => {
	it('are saved one by one, keep their note, and bump the revision each time', async () => {
		const c = await repo.createCampaign({ ...campaignInput, modules: ['dechets'] });
		const d = await repo.openDiagnostic(c.id, 'dechets');
		expect(d).toMatchObject({ status: 'draft', revision: 0, origin: { kind: 'local' } });
		expect(d.questionnaireVersion).toBe(getModule('dechets')!.version);
		await repo.saveAnswer(d.id, 'q1', 2);
		await repo.saveNote(d.id, 'q1', 'Budget voté en mars');
		await repo.saveAnswer(d.id, 'q1', 3);
		await repo.saveNote(d.id, 'q2', 'À vérifier');
		const rows = await queries.answerRows(d.id);
		expect(toAnswers(rows)).toEqual({
			q1: { questionId: 'q1', value: 3, note: 'Budget voté en mars', changedAt: expect.any(Number) }
		});
		expect(rows.find((r) => r.questionId === 'q2')).toMatchObject({
			value: null,
			note: 'À vérifier'
		});
		expect((await queries.getDiagnostic(d.id))!.revision).toBe(4);
	});

	it('reopen the same diagnostic instead of creating another', async () => {
		const c = await repo.createCampaign({ ...campaignInput, modules: ['dechets'] });
		const first = await repo.openDiagnostic(c.id, 'dechets');
		const again = await repo.openDiagnostic(c.id, 'dechets');
		expect(again.id).toBe(first.id);
	});

	it('store cooperation answers as lists of services', async () => {
		const c = await repo.createCampaign({ ...campaignInput, modules: ['dechets'] });
		const d = await repo.openDiagnostic(c.id, 'dechets');
		await repo.saveAnswer(d.id, 'coop', ['cantines', 'marches']);
		expect(toAnswers(await queries.answerRows(d.id)).coop?.value).toEqual(['cantines', 'marches']);
	});

	it('written concurrently on different questions are all kept', async () => {
		const c = await repo.createCampaign({ ...campaignInput, modules: ['dechets'] });
		const d = await repo.openDiagnostic(c.id, 'dechets');
		await Promise.all(
			['a', 'b', 'c', 'd', 'e'].map((q, i) => repo.saveAnswer(d.id, q, (i % 5) as 0))
		);
		expect(Object.keys(toAnswers(await queries.answerRows(d.id))).sort()).toEqual([
			'a',
			'b',
			'c',
			'd',
			'e'
		]);
		expect((await queries.getDiagnostic(d.id))!.revision).toBe(5);
	});

	it('cannot be written to a diagnostic that no longer exists', async () => {
		await expect(repo.saveAnswer('missing', 'q', 1)).rejects.toBeInstanceOf(RepositoryError);
	});
});

describe('completion', () => {
	it('needs every question answered, counting na and nsp, and can be reopened', async () => {
		const c = await repo.createCampaign({ ...campaignInput, modules: ['cantines'] });
		const d = await repo.openDiagnostic(c.id, 'cantines');
		const questions = moduleQuestions(getModule('cantines')!);
		for (const q of questions.slice(1))
			await repo.saveAnswer(d.id, q.id, q.type === 'cooperation' ? [] : 'nsp');
		await expect(repo.setStatus(d.id, 'complete')).rejects.toThrow(
			'Il reste 1 question sans réponse.'
		);
		await repo.saveAnswer(d.id, questions[0]!.id, questions[0]!.type === 'cooperation' ? [] : 'na');
		await repo.setStatus(d.id, 'complete');
		expect((await queries.getDiagnostic(d.id))!.status).toBe('complete');
		await repo.setStatus(d.id, 'draft');
		expect((await queries.getDiagnostic(d.id))!.status).toBe('draft');
	});
});

describe('text limits (those of the exchange format)', () => {
	const x = (n: number) => 'x'.repeat(n);
	const { authority, label, respondentName, respondentRole, note } = TEXT_LIMITS;

	it('accept texts at their limit, counted once trimmed for names', async () => {
		const c = await repo.createCampaign({
			authority: `  ${x(authority)} `,
			label: x(label),
			modules: ['dechets']
		});
		const d = await repo.openDiagnostic(c.id, 'dechets');
		await repo.saveRespondent(d.id, { name: x(respondentName), role: ` ${x(respondentRole)} ` });
		await repo.saveNote(d.id, 'q1', x(note));
		expect((await queries.getCampaign(c.id))?.authority).toHaveLength(authority);
		expect((await queries.getDiagnostic(d.id))?.respondent).toEqual({
			name: x(respondentName),
			role: x(respondentRole)
		});
		expect((await queries.answerRows(d.id))[0]?.note).toHaveLength(note);
	});

	it('refuse a longer text with a French message naming the field and the limit', async () => {
		await expect(
			repo.createCampaign({ ...campaignInput, modules: ['eau'], authority: x(authority + 1) })
		).rejects.toThrow(
			'Le nom de la collectivité compte 201 caractères, pour une limite de 200\u202f: raccourcissez ce texte.'
		);
		const c = await repo.createCampaign({ ...campaignInput, modules: ['dechets'] });
		await expect(
			repo.updateCampaign(c.id, { ...campaignInput, modules: ['eau'], label: x(label + 1) })
		).rejects.toThrow(/^Le libellé de la démarche compte 201 caractères, pour une limite de 200/);
		const d = await repo.openDiagnostic(c.id, 'dechets');
		await expect(repo.saveRespondent(d.id, { name: x(respondentName + 1) })).rejects.toThrow(
			/^Le nom de la personne qui répond compte 201 caractères/
		);
		await expect(repo.saveRespondent(d.id, { role: x(respondentRole + 1) })).rejects.toThrow(
			/^La fonction de la personne qui répond compte 201 caractères/
		);
		await expect(repo.saveNote(d.id, 'q1', x(note + 1))).rejects.toThrow(
			/^La note compte 5\u202f001 caractères, pour une limite de 5\u202f000/
		);
		await expect(repo.saveNote(d.id, 'q1', x(note + 1))).rejects.toBeInstanceOf(RepositoryError);
		// Nothing was written by the refusals.
		expect((await queries.getCampaign(c.id))?.label).toBe(campaignInput.label);
		expect(await queries.getDiagnostic(d.id)).toMatchObject({ revision: 0 });
		expect(await queries.answerRows(d.id)).toEqual([]);
	});

	it('are checked on campaigns added whole (the example) and on imports', async () => {
		const c = {
			...campaignInput,
			id: 'c',
			modules: ['dechets' as const],
			createdAt: 1,
			updatedAt: 1
		};
		const d = {
			id: 'd',
			campaignId: 'c',
			moduleId: 'dechets' as const,
			questionnaireVersion: 1,
			status: 'draft' as const,
			revision: 1,
			createdAt: 1,
			updatedAt: 1,
			origin: { kind: 'local' as const }
		};
		const answers = {
			q1: { questionId: 'q1', value: 2 as const, note: x(note + 1), changedAt: 1 }
		};
		await expect(repo.addCampaign(c, [{ ...d, answers }])).rejects.toThrow(/^La note compte/);
		await expect(
			repo.applyImport({
				campaigns: [{ ...c, authority: x(authority + 1) }],
				extend: [],
				diagnostics: [],
				actions: []
			})
		).rejects.toThrow(/^Le nom de la collectivité compte/);
		expect(await queries.listCampaigns()).toEqual([]);
	});
});

describe('schema upgrade', () => {
	it('opens a version 1 database with the current schema and finds every answer', async () => {
		const name = 'upgrade';
		const v1 = new Dexie(name, { indexedDB: factory, IDBKeyRange });
		v1.version(1).stores(SCHEMA_VERSIONS[1]!.stores);
		await v1
			.table('campaigns')
			.add({ id: 'c', authority: 'A', label: 'L', modules: ['eau'], createdAt: 1, updatedAt: 1 });
		await v1.table('diagnostics').add({
			id: 'd',
			campaignId: 'c',
			moduleId: 'eau',
			questionnaireVersion: 1,
			status: 'draft',
			revision: 2,
			createdAt: 1,
			updatedAt: 2,
			origin: { kind: 'local' }
		});
		await v1.table('answers').bulkAdd([
			{ diagnosticId: 'd', questionId: 'q1', value: 4, note: 'ok', changedAt: 5 },
			{ diagnosticId: 'd', questionId: 'q2', value: 'nsp', changedAt: 9 }
		]);
		v1.close();

		const current = new LeviersDB(name, { indexedDB: factory, IDBKeyRange });
		await current.open();
		expect(current.verno).toBeGreaterThanOrEqual(2);
		const rows = await new Queries(current).answerRows('d');
		expect(toAnswers(rows)).toEqual({
			q1: { questionId: 'q1', value: 4, note: 'ok', changedAt: 5 },
			q2: { questionId: 'q2', value: 'nsp', changedAt: 9 }
		});
		// Gathered in one record by version 5, with the dates the backup reminder reads.
		expect(await current.answerSets.where('last').above(6).primaryKeys()).toEqual(['d']);
		expect(await current.answerSets.where('first').below(6).primaryKeys()).toEqual(['d']);
		current.close();
	});
});

describe('storage errors', () => {
	it('fail with a French message when IndexedDB is missing', async () => {
		const broken = new LeviersDB('none', { indexedDB: undefined, IDBKeyRange: undefined });
		const error = await broken.open().then(
			() => null,
			(e: unknown) => e
		);
		expect(error).not.toBeNull();
		expect(describeStorageError(error).message).toMatch(
			/IndexedDB indisponible|n’a pas pu être ouverte/
		);
	});

	it('explain a full disk', () => {
		const quota = new DOMException('full', 'QuotaExceededError');
		expect(describeStorageError({ name: 'AbortError', inner: quota }).message).toContain(
			'stockage de l’appareil est plein'
		);
	});

	it('explain an upgrade that ran out of space as no change of the user’s', () => {
		const quota = new DOMException('full', 'QuotaExceededError');
		// What every query gets once the open failed (Dexie wraps the open's error).
		const { message } = describeStorageError({ name: 'DatabaseClosedError', inner: quota });
		expect(message).toContain('n’a pas pu mettre vos données à jour');
		expect(message).not.toContain('ce changement');
	});
});
