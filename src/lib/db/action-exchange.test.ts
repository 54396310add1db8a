import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import schema from '../../../docs/leviers-export.schema.json';
import v5 from '$lib/domain/exchange/fixtures/v5.json';
import { newAction } from '$lib/domain/plan/plan';
import { ACTION_TEXT_LIMITS } from '$lib/domain/plan/action';
import { resolveImport } from '$lib/domain/exchange/resolve';
import { ActionRepository } from './actions';
import { RepositoryError } from './errors';
import { testDevices } from './test-devices';

const { device } = testDevices();
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

async function deviceWithPlan() {
	const a = device();
	const plan = new ActionRepository(
		a.db,
		() => Date.UTC(2026, 4, 1),
		() => crypto.randomUUID()
	);
	const c = await a.repo.createCampaign({
		authority: 'CC exemple',
		label: 'Diagnostic 2026',
		modules: ['dechets', 'marches']
	});
	const action = await plan.addAction({
		...newAction('Créer une ressourcerie', plan.context(c.id), {
			levers: ['mutualisation'],
			pilot: 'dechets',
			partners: ['marches']
		}),
		dueDate: '2026-12-31',
		budget: 12000.5,
		steps: [{ id: 's1', text: 'Trouver un local', done: true }],
		followUps: [{ id: 'f1', date: '2026-05-02', text: 'Local visité.' }]
	});
	return { a, plan, c, action };
}

describe('actions travel with campaign exports and backups', () => {
	it('the version 5 fixture passes the published JSON Schema', () => {
		expect(validate(v5), JSON.stringify(validate.errors)).toBe(true);
		const wrongDay = { ...v5, actions: [{ ...v5.actions[0], dueDate: '31/12/2026' }] };
		expect(validate(wrongDay)).toBe(false);
	});

	it('a campaign export carries its plan; another device imports it whole', async () => {
		const { a, c, action } = await deviceWithPlan();
		const text = await a.export({ scope: 'campaign', campaignId: c.id });
		expect(JSON.parse(text).actions).toHaveLength(1);
		expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
		const b = device();
		const plan = await b.import(text);
		expect(plan.actions.map((x) => x.kind)).toEqual(['added']);
		const [copy] = await b.db.actions.toArray();
		expect(copy).toMatchObject({
			id: action.id,
			campaignId: c.id,
			title: 'Créer une ressourcerie',
			levers: ['mutualisation'],
			pilot: 'dechets',
			partners: ['marches'],
			dueDate: '2026-12-31',
			budget: 12000.5,
			steps: action.steps,
			followUps: action.followUps,
			revision: 1,
			origin: { kind: 'file', fileName: 'fichier.json' }
		});
		// Imported again: identical, nothing to write.
		const again = await b.preview(text);
		expect(again.ok && again.plan.actions.map((x) => x.kind)).toEqual(['skipped']);
	});

	it('a full backup carries every plan; one diagnostic’s export carries none', async () => {
		const { a, c, plan } = await deviceWithPlan();
		const other = await a.repo.createCampaign({
			authority: 'CC voisine',
			label: 'Diagnostic 2027',
			modules: ['eau']
		});
		await plan.addAction(newAction('Mutualiser les achats', plan.context(other.id)));
		expect(JSON.parse(await a.export({ scope: 'database' })).actions).toHaveLength(2);
		expect(
			JSON.parse(await a.export({ scope: 'campaign', campaignId: c.id })).actions
		).toHaveLength(1);
	});

	it('a newer copy replaces the older one on the device that sent it first', async () => {
		const { a, c, plan, action } = await deviceWithPlan();
		const b = device();
		await b.import(await a.export({ scope: 'campaign', campaignId: c.id }));
		const bPlan = new ActionRepository(b.db);
		await bPlan.updateAction(action.id, { status: 'realise' });
		const back = await a.import(await b.export({ scope: 'campaign', campaignId: c.id }));
		expect(back.actions.map((x) => x.kind)).toEqual(['updated']);
		expect((await plan.getAction(action.id))!.status).toBe('realise');
	});

	it('is all or nothing: an action changed since the preview stops the whole import', async () => {
		const { a, c, action } = await deviceWithPlan();
		const b = device();
		await b.import(await a.export({ scope: 'campaign', campaignId: c.id }));
		await new ActionRepository(b.db).updateAction(action.id, { status: 'bloque' });
		await new ActionRepository(a.db).updateAction(action.id, { status: 'realise' });
		const preview = await b.preview(await a.export({ scope: 'database' }));
		if (!preview.ok) throw new Error('preview');
		expect(preview.plan.actions.map((x) => x.kind)).toEqual(['conflict']);
		const writes = resolveImport(
			preview.plan,
			{
				campaigns: new Map(),
				conflicts: new Map(),
				actionConflicts: new Map([[action.id, 'file']])
			},
			{ device: await b.repo.deviceId(), newId: () => crypto.randomUUID(), now: 1 }
		);
		// Another tab changes the action meanwhile.
		await new ActionRepository(b.db).updateAction(action.id, { priority: 'basse' });
		const before = await b.dump();
		await expect(b.repo.applyImport(writes)).rejects.toThrow(RepositoryError);
		expect(await b.dump()).toBe(before);
	});

	it('an action with every text at its limit imports again unchanged, nothing set aside', async () => {
		const { a, c, plan, action } = await deviceWithPlan();
		const x = (n: number) => 'é'.repeat(n - 1) + 'a';
		const L = ACTION_TEXT_LIMITS;
		const full = await plan.updateAction(action.id, {
			title: x(L.title),
			description: x(L.description),
			objectives: x(L.objectives),
			responsible: { name: x(L.responsibleName), role: x(L.responsibleRole) },
			indicator: { name: x(L.indicatorName), target: 3, unit: x(L.indicatorUnit) },
			steps: [{ id: 's1', text: x(L.step), done: false }],
			followUps: [{ id: 'f1', date: '2026-05-02', text: x(L.followUp) }]
		});
		const b = device();
		const imported = await b.import(await a.export({ scope: 'campaign', campaignId: c.id }));
		expect(imported.actionsSetAside).toEqual([]);
		const copy = (await b.db.actions.get(action.id))!;
		for (const key of [
			'title',
			'description',
			'objectives',
			'responsible',
			'indicator',
			'steps',
			'followUps',
			'revision'
		] as const)
			expect(copy[key]).toEqual(full[key]);
	});

	it('a change of the plan counts for the backup reminder', async () => {
		const { a, action } = await deviceWithPlan();
		const before = await a.queries.backupFacts();
		await new ActionRepository(a.db, () => Date.UTC(2027, 0, 1)).updateAction(action.id, {
			status: 'realise'
		});
		const after = await a.queries.backupFacts();
		expect(after.lastChangeAt).toBe(Date.UTC(2027, 0, 1));
		expect(after.lastChangeAt).toBeGreaterThan(before.lastChangeAt ?? 0);
	});

	it('texts travel as typed: a copy sent back unchanged is identical, not a conflict', async () => {
		const { a, c, plan, action } = await deviceWithPlan();
		await plan.updateAction(action.id, { description: '  Avec la CCI.\n', partners: ['dechets'] });
		const b = device();
		await b.import(await a.export({ scope: 'campaign', campaignId: c.id }));
		const back = await a.preview(await b.export({ scope: 'campaign', campaignId: c.id }));
		expect(back.ok && back.plan.actions.map((x) => x.kind)).toEqual(['skipped']);
		expect((await b.db.actions.get(action.id))!.description).toBe('  Avec la CCI.\n');
	});
});
