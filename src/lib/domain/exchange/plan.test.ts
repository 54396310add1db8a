import { describe, expect, it } from 'vitest';
import { migrateToCurrent } from '../migration/shipped';
import type { Campaign } from '../answers';
import { modules } from '../content/content';
import v2 from './fixtures/v2.json';
import type { DiagnosticSnapshot, ExportFile } from './format';
import { planCounts, planImport, type LocalState } from './plan';
import { readExportText } from './read';
import { resolveImport, type ImportDecisions } from './resolve';
import { describeSetAside } from './set-aside-text';

const NOW = Date.UTC(2026, 10, 26, 10);
const FILE_DEVICE = v2.device;
const ME = 'ce-poste';

function fixture(change?: (f: typeof v2) => void): ExportFile {
	const data = structuredClone(v2);
	change?.(data);
	const r = readExportText(JSON.stringify(data));
	if (!r.ok) throw new Error(r.problem.details.join('\n'));
	return r.file;
}

const empty: LocalState = { device: ME, campaigns: [], diagnostics: new Map() };
const plan = (file: ExportFile, local = empty) =>
	planImport(file, local, {
		modules,
		migrate: migrateToCurrent,
		fileName: 'dechets.json',
		now: NOW,
		version: 2
	});

/** The device's copies of the fixture's diagnostics, changed by `change`. */
function deviceWith(change: (d: DiagnosticSnapshot) => DiagnosticSnapshot): LocalState {
	const added = plan(fixture()).diagnostics.map((p) => change({ ...p.incoming }));
	const campaign = plan(fixture()).campaigns[0]!.incoming;
	return { device: ME, campaigns: [campaign], diagnostics: new Map(added.map((d) => [d.id, d])) };
}
const none: ImportDecisions = { campaigns: new Map(), conflicts: new Map() };
const context = { device: ME, newId: () => 'copie-1', now: NOW };

describe('planImport', () => {
	it('adds everything to an empty device and records where each diagnostic came from', () => {
		const p = plan(fixture());
		expect(planCounts(p)).toEqual({ added: 2, updated: 0, skipped: 0, conflict: 0 });
		expect(p.campaigns.map((c) => [c.incoming.authority, c.local, c.diagnostics])).toEqual([
			['Communauté de communes du Val d’Exemple', null, 2]
		]);
		expect(p.diagnostics[0]!.incoming.origin).toEqual({
			kind: 'file',
			fileName: 'dechets.json',
			importedAt: NOW,
			device: FILE_DEVICE
		});
		expect(p.setAside).toEqual([]);
		const note = p.diagnostics[1]!.incoming.answers.find((a) => a.value === null);
		expect(note?.note).toBe('À vérifier avec la cuisine centrale');
	});

	it('skips identical copies, whatever their histories', () => {
		const p = plan(
			fixture(),
			deviceWith((d) => ({ ...d, lineage: [] }))
		);
		expect(p.diagnostics.map((d) => d.kind === 'skipped' && d.reason)).toEqual([
			'identical',
			'identical'
		]);
	});

	it('updates a copy the file’s history went through, skips one that went further', () => {
		const older = deviceWith((d) => ({
			...d,
			revision: 4,
			lineage: [{ device: FILE_DEVICE, revision: 4 }],
			answers: d.answers.slice(0, 3)
		}));
		expect(plan(fixture(), older).diagnostics.map((d) => d.kind)).toEqual(['updated', 'updated']);
		// This device changed its copy after the file was written: the file is older.
		const newer = deviceWith((d) => ({
			...d,
			revision: d.revision + 3,
			answers: d.answers.slice(1),
			lineage: [{ device: FILE_DEVICE, revision: d.revision }]
		}));
		expect(plan(fixture(), newer).diagnostics.map((d) => d.kind === 'skipped' && d.reason)).toEqual(
			['older', 'older']
		);
	});

	it('reports a conflict when both sides changed since their common revision', () => {
		const diverged = deviceWith((d) => ({
			...d,
			revision: 6,
			lineage: [{ device: FILE_DEVICE, revision: 4 }],
			status: 'draft',
			answers: d.answers.slice(0, 5)
		}));
		const p = plan(fixture(), diverged);
		expect(planCounts(p).conflict).toBe(2);

		const keepMine = resolveImport(p, none, context);
		expect(keepMine.diagnostics).toEqual([]);

		const conflicts = new Map([
			[v2.diagnostics[0]!.id, 'file' as const],
			[v2.diagnostics[1]!.id, 'both' as const]
		]);
		const w = resolveImport(p, { campaigns: new Map(), conflicts }, context);
		const [taken, copy] = w.diagnostics;
		expect(taken!.diagnostic.revision).toBe(20);
		expect(taken!.diagnostic.lineage).toEqual([
			{ device: FILE_DEVICE, revision: 19 },
			{ device: ME, revision: 20 }
		]);
		expect(taken!.replaces).toBe(6);
		expect(copy!.diagnostic.id).toBe('copie-1');
		expect(copy!.replaces).toBeNull();
	});

	it('sets aside what the questionnaire cannot hold, and says where it was', () => {
		const file = fixture((f) => {
			const [d] = f.diagnostics as { answers: { question: string; value: unknown }[] }[];
			d!.answers[0]!.question = '__proto__';
			d!.answers[1]!.value = ['cantines']; // a list on a scale question
			d!.answers[8]!.value = ['dechets']; // its own module as a partner
			d!.answers[9]!.value = ['piscine'];
			d!.answers.push({ ...d!.answers[2]!, value: 1 });
			const other = { ...structuredClone(f.diagnostics[1]!), id: 'autre', module: 'piscine' };
			const orphan = { ...structuredClone(f.diagnostics[1]!), id: 'orphelin', campaignId: 'x' };
			const bad = { ...structuredClone(f.diagnostics[1]!), id: 'histoire', revision: 99 };
			f.diagnostics.push(other, orphan, bad, structuredClone(f.diagnostics[1]!));
			f.campaigns[0]!.modules.push('piscine');
		});
		const p = plan(file);
		expect(planCounts(p).added).toBe(2);
		// 19 answers: 6 retired by the v1 → v2 mapping (kept apart), 5 set aside below.
		expect(p.diagnostics[0]!.incoming.answers).toHaveLength(8);
		expect(p.setAside.map((s) => [s.reason, s.questionId ?? s.diagnosticId ?? s.moduleId])).toEqual(
			[
				['unknown-campaign-module', 'piscine'],
				['unknown-question', '__proto__'],
				['invalid-value', 'dechets-plpdma-commission'],
				['invalid-value', 'dechets-coop-biodechets-cantines'],
				['invalid-value', 'dechets-coop-dechets-verts'],
				['duplicate-answer', 'dechets-zone-reemploi'],
				['unknown-module', 'autre'],
				['unknown-campaign', 'orphelin'],
				['history', 'histoire'],
				['duplicate', v2.diagnostics[1]!.id]
			]
		);
	});

	it('shortens a text over its limit to the limit, and says so instead of refusing the file', () => {
		const long = (f: typeof v2) => {
			f.campaigns[0]!.authority = 'A'.repeat(250);
			f.campaigns[0]!.label = ` ${'L'.repeat(199)} x`; // cut after the space, which goes too
			f.diagnostics[0]!.respondent = { name: 'N'.repeat(201), role: 'Responsable' };
			// Cut at 5,000 code units, the emoji would be split in two: it goes whole.
			(f.diagnostics[0]!.answers[0] as { note?: string }).note = `${'n'.repeat(4999)}🌾`;
		};
		const p = plan(fixture(long));
		expect(planCounts(p).added).toBe(2);
		expect(p.campaigns[0]!.incoming).toMatchObject({
			authority: 'A'.repeat(200),
			label: 'L'.repeat(199)
		});
		const d = p.diagnostics[0]!.incoming;
		expect(d.respondent).toEqual({ name: 'N'.repeat(200), role: 'Responsable' });
		expect(d.answers.find((a) => a.questionId === 'dechets-plpdma-pilotage')?.note).toBe(
			'n'.repeat(4999)
		);
		expect(p.setAside.map((s) => [s.reason, s.field])).toEqual([
			['too-long', 'authority'],
			['too-long', 'label'],
			['too-long', 'note'],
			['too-long', 'respondentName']
		]);
		expect(p.setAside.map((s) => describeSetAside(s, modules))).toEqual([
			'Le nom de la collectivité d’une démarche dépasse 200 caractères\u202f: seuls les 200 premiers sont importés.',
			'Le libellé d’une démarche dépasse 200 caractères\u202f: seuls les 200 premiers sont importés.',
			`La note de la question «\u202f${modules[1]!.themes[0]!.questions[0]!.text.slice(0, 80)}\u202f» (Déchets) dépasse 5\u202f000 caractères\u202f: seuls les 5\u202f000 premiers sont importés.`,
			'Le nom de la personne qui répond (Déchets) dépasse 200 caractères\u202f: seuls les 200 premiers sont importés.'
		]);
		// A campaign the device has keeps its own name: the file's, too long, is not reported.
		const known = { ...p.campaigns[0]!.incoming, authority: 'Nom local', label: 'D' };
		const joined = plan(fixture(long), { ...empty, campaigns: [known] });
		expect(joined.setAside.map((s) => s.field)).toEqual(['note', 'respondentName']);
	});

	it('sets aside a diagnostic whose id this device holds in another of its campaigns', () => {
		// A forged (or mistaken) id must not take the diagnostic from the campaign it is in.
		const device = deviceWith((d) => ({ ...d, campaignId: 'autre-demarche' }));
		const other = { ...device.campaigns[0]!, id: 'autre-demarche' };
		const local = { ...device, campaigns: [...device.campaigns, other] };
		const p = plan(fixture(), local);
		expect(planCounts(p)).toEqual({ added: 0, updated: 0, skipped: 0, conflict: 0 });
		expect(p.setAside.map((s) => s.reason)).toEqual(['other-campaign', 'other-campaign']);
		expect(describeSetAside(p.setAside[0]!, modules)).toMatch(
			/porte l’identifiant d’un diagnostic d’une autre démarche de cet appareil\u202f: il n’est pas importé/
		);
		// Into a campaign this device does not know, the file may be one attached here before
		// (its campaign id is not this device's): the copies are compared as usual, shown in the
		// preview for the user to confirm, and stay in the campaign they are in.
		const changed = deviceWith((d) => ({
			...d,
			campaignId: 'autre-demarche',
			respondent: { name: 'Quelqu’un d’autre' }
		}));
		const p2 = plan(fixture(), { ...changed, campaigns: [other] });
		expect(p2.setAside.map((s) => s.reason)).toEqual([]);
		const ids = p2.diagnostics.map((d) => d.incoming.id);
		const w = resolveImport(
			p2,
			{
				campaigns: new Map([[p2.campaigns[0]!.incoming.id, { kind: 'create' }]]),
				conflicts: new Map(ids.map((id) => [id, 'file' as const]))
			},
			context
		);
		expect(w.diagnostics.map((d) => d.diagnostic.campaignId)).toEqual([
			'autre-demarche',
			'autre-demarche'
		]);
	});
});

describe('campaign decisions', () => {
	const mine: Campaign = {
		id: 'ma-demarche',
		authority: 'CC exemple',
		label: 'Diagnostic 2026',
		modules: ['dechets'],
		createdAt: 1,
		updatedAt: 1
	};

	it('creates an unknown campaign by default, with the modules of its diagnostics', () => {
		const p = plan(fixture(), { ...empty, campaigns: [mine] });
		const w = resolveImport(p, none, context);
		expect(w.campaigns.map((c) => [c.id, c.modules])).toEqual([
			[v2.campaigns[0]!.id, ['dechets', 'cantines', 'transversal']]
		]);
		expect(w.diagnostics.every((d) => d.diagnostic.campaignId === v2.campaigns[0]!.id)).toBe(true);
	});

	it('attaches the diagnostics to an existing campaign, adding the modules it lacks', () => {
		const p = plan(fixture(), { ...empty, campaigns: [mine] });
		const campaigns = new Map([
			[v2.campaigns[0]!.id, { kind: 'attach' as const, campaignId: mine.id }]
		]);
		const w = resolveImport(p, { campaigns, conflicts: new Map() }, context);
		expect(w.campaigns).toEqual([]);
		expect(w.diagnostics.map((d) => d.diagnostic.campaignId)).toEqual([mine.id, mine.id]);
		expect(w.extend).toEqual([{ campaignId: mine.id, modules: ['dechets', 'cantines'] }]);
	});

	it('joins a campaign the device already has', () => {
		const known = { ...mine, id: v2.campaigns[0]!.id, authority: 'Nom local' };
		const p = plan(fixture(), { ...empty, campaigns: [known] });
		expect(p.campaigns[0]!.local?.authority).toBe('Nom local');
		const w = resolveImport(p, none, context);
		expect(w.campaigns).toEqual([]);
		expect(w.extend).toEqual([{ campaignId: known.id, modules: ['cantines'] }]);
	});
});
