import { describe, expect, it } from 'vitest';
import v4 from './fixtures/v4.json';
import v5 from './fixtures/v5.json';
import { modules } from '../content/content';
import type { PlanAction } from '../plan/action';
import { exportAction } from './action-records';
import { describeActionSetAside } from './action-set-aside-text';
import { FORMAT_VERSION } from './format';
import { planImport, type LocalState } from './plan';
import { actionCounts } from './plan-actions';
import { readExportText } from './read';
import { resolveImport } from './resolve';
import { buildExport, serializeExport } from './write';

const ME = 'ce-poste';
const SENDER = v5.device;
const ACTION = v5.actions[0]!.id;
const UNKNOWN = v5.actions[1]!.id;

function read(data: unknown) {
	const r = readExportText(JSON.stringify(data));
	if (!r.ok) throw new Error(r.problem.message);
	return r;
}

let ids = 0;
function preview(data: unknown, local: Partial<LocalState> = {}) {
	const r = read(data);
	return planImport(
		r.file,
		{ device: ME, campaigns: [], diagnostics: new Map(), ...local },
		{
			modules,
			fileName: 'plan.json',
			now: Date.UTC(2026, 5, 11),
			version: r.version,
			rejected: r.rejected,
			rejectedActions: r.rejectedActions,
			newId: () => `n${++ids}`
		}
	);
}

/** The device's copy of the fixture's first action, as an import stores it. */
function stored(): PlanAction {
	const plan = preview(v5);
	return plan.actions.find((a) => a.incoming.id === ACTION)!.incoming;
}

const withAction = (change: Record<string, unknown>, i = 0) => ({
	...v5,
	actions: v5.actions.map((a, j) => (j === i ? { ...a, ...change } : a))
});

describe('format 5 carries the plan d’action', () => {
	it('reads the fixture: both actions, the unknown lever and service kept and listed', () => {
		const { file, version, rejectedActions } = read(v5);
		expect(version).toBe(FORMAT_VERSION);
		expect(rejectedActions).toEqual([]);
		expect(file.actions).toEqual(v5.actions);
		const plan = preview(v5);
		expect(actionCounts(plan.actions)).toEqual({ added: 2, updated: 0, skipped: 0, conflict: 0 });
		const unknown = plan.actions.find((a) => a.incoming.id === UNKNOWN)!;
		expect(unknown.incoming.levers).toEqual(['sobriete-numerique', 'sensibilisation']);
		expect(unknown.incoming.pilot).toBe('mobilites');
		expect(unknown.unknown).toEqual({ levers: ['sobriete-numerique'], services: ['mobilites'] });
		expect(plan.actions.find((a) => a.incoming.id === ACTION)!.unknown).toEqual({
			levers: [],
			services: []
		});
		expect(plan.actionsSetAside).toEqual([]);
	});

	it('writes every field back as it read it (round trip through the device)', () => {
		const plan = preview(v5);
		const actions = plan.actions.map((a) => a.incoming);
		const file = buildExport({
			scope: 'campaign',
			campaigns: plan.campaigns.map((c) => c.incoming),
			diagnostics: [],
			actions,
			device: SENDER,
			app: { name: 'Leviers', version: 'test' },
			now: Date.UTC(2026, 5, 12)
		});
		expect(file.version).toBe(5);
		expect(file.actions).toEqual(v5.actions);
		const again = readExportText(serializeExport(file));
		expect(again.ok && again.file.actions).toEqual(v5.actions);
	});

	it('reads a version 4 file as one with no actions', () => {
		const plan = preview(v4);
		expect(plan.version).toBe(4);
		expect(plan.actions).toEqual([]);
		expect(plan.diagnostics.length).toBe(2);
	});
});

describe('actions merge by revision and history, as diagnostics do', () => {
	const local = (a: PlanAction): Partial<LocalState> => ({
		campaigns: preview(v5).campaigns.map((c) => c.incoming),
		actions: new Map([[a.id, a]])
	});
	const kindOf = (data: unknown, mine: PlanAction) =>
		preview(data, local(mine)).actions.find((a) => a.incoming.id === ACTION)!;

	it('an identical copy is skipped', () => {
		expect(kindOf(v5, stored())).toMatchObject({ kind: 'skipped', reason: 'identical' });
	});

	it('a newer copy replaces the device’s', () => {
		const newer = withAction({
			status: 'realise',
			revision: 6,
			lineage: [{ device: SENDER, revision: 6 }]
		});
		const item = kindOf(newer, stored());
		expect(item.kind).toBe('updated');
		const writes = resolveImport(
			preview(newer, local(stored())),
			{ campaigns: new Map(), conflicts: new Map() },
			{ device: ME, newId: () => 'x', now: 0 }
		);
		const w = writes.actions.find((x) => x.action.id === ACTION)!;
		expect(w).toMatchObject({ replaces: 4, action: { status: 'realise', revision: 6 } });
	});

	it('an older copy is skipped', () => {
		const mine = { ...stored(), status: 'realise' as const, revision: 5 };
		expect(kindOf(v5, mine)).toMatchObject({ kind: 'skipped', reason: 'older' });
	});

	it('copies changed on both sides are a conflict; the user’s decision is applied', () => {
		// The device changed it after revision 4 (its own checkpoint); the sender too.
		const mine = { ...stored(), status: 'bloque' as const, revision: 5 };
		const theirs = withAction({
			status: 'realise',
			revision: 5,
			lineage: [{ device: SENDER, revision: 5 }]
		});
		const plan = preview(theirs, local(mine));
		expect(plan.actions.find((a) => a.incoming.id === ACTION)!.kind).toBe('conflict');
		const resolve = (decision?: 'file' | 'both') =>
			resolveImport(
				plan,
				{
					campaigns: new Map(),
					conflicts: new Map(),
					actionConflicts: new Map(decision ? [[ACTION, decision]] : [])
				},
				{ device: ME, newId: () => 'copie', now: 42 }
			).actions.filter((w) => w.action.title === mine.title);
		expect(resolve()).toEqual([]);
		const [taken] = resolve('file');
		expect(taken).toMatchObject({ replaces: 5, action: { status: 'realise', revision: 6 } });
		expect(taken!.action.lineage!.at(-1)).toEqual({ device: ME, revision: 6 });
		expect(resolve('both')).toMatchObject([
			{ replaces: null, action: { id: 'copie', status: 'realise' } }
		]);
	});
});

describe('bad actions in a file', () => {
	it('shortens texts over their limit and says so, marking the copy partial', () => {
		const plan = preview(withAction({ title: 'T'.repeat(250), description: 'D'.repeat(6000) }, 0));
		const item = plan.actions.find((a) => a.incoming.id === ACTION)!;
		expect(item.incoming.title.length).toBe(200);
		expect(item.incoming.description!.length).toBe(5000);
		expect(item.incoming.revision).toBe(5);
		expect(item.incoming.lineage!.at(-1)!.device).toMatch(/^partial_/);
		const texts = plan.actionsSetAside.map(describeActionSetAside);
		expect(texts).toEqual([
			`Le titre de l’action («\u202f${'T'.repeat(80)}\u202f») dépasse 200 caractères\u202f: seuls les 200 premiers sont importés.`,
			`La description de l’action («\u202f${'T'.repeat(80)}\u202f») dépasse 5\u202f000 caractères\u202f: seuls les 5\u202f000 premiers sont importés.`
		]);
	});

	it('sets aside an action with an impossible date or a negative budget, in French, and imports the rest', () => {
		const badDate = preview(withAction({ dueDate: '2026-02-30' }));
		expect(badDate.actions.map((a) => a.incoming.id)).toEqual([UNKNOWN]);
		expect(badDate.diagnostics.length).toBe(2);
		expect(badDate.actionsSetAside.map(describeActionSetAside)).toEqual([
			'L’action «\u202fMettre en place une clause de réemploi dans les marchés de travaux\u202f» (n° 1 du fichier) n’est pas valide («\u202fdueDate\u202f»\u202f: date attendue au format 2026-11-26)\u202f: elle n’est pas importée, le reste du fichier peut l’être.'
		]);
		const negative = preview(withAction({ budget: -5 }));
		expect(negative.actions.map((a) => a.incoming.id)).toEqual([UNKNOWN]);
		expect(describeActionSetAside(negative.actionsSetAside[0]!)).toMatch(
			/Le budget prévisionnel doit être un montant positif, en euros\.\)/
		);
	});

	it('sets aside an action whose campaign is neither in the file nor on the device', () => {
		const plan = preview(withAction({ campaignId: 'ailleurs' }));
		expect(plan.actions.map((a) => a.incoming.id)).toEqual([UNKNOWN]);
		expect(describeActionSetAside(plan.actionsSetAside[0]!)).toBe(
			'L’action «\u202fMettre en place une clause de réemploi dans les marchés de travaux\u202f» renvoie à une démarche absente du fichier et de cet appareil\u202f: elle n’est pas importée.'
		);
	});

	it('sets aside an action whose id this device holds in another of its campaigns', () => {
		const mine = { ...stored(), campaignId: 'autre-demarche' };
		const campaign = preview(v5).campaigns[0]!.incoming;
		const plan = preview(v5, {
			campaigns: [campaign, { ...campaign, id: 'autre-demarche' }],
			actions: new Map([[ACTION, mine]])
		});
		expect(plan.actions.map((a) => a.incoming.id)).toEqual([UNKNOWN]);
		expect(describeActionSetAside(plan.actionsSetAside[0]!)).toMatch(
			/porte l’identifiant d’une action d’une autre démarche de cet appareil/
		);
	});

	it('exports an action with this device’s changes in its history', () => {
		const a = { ...stored(), revision: 7 };
		expect(exportAction(a, ME).lineage).toEqual([
			...v5.actions[0]!.lineage,
			{ device: ME, revision: 7 }
		]);
	});
});
