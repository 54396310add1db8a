import { describe, expect, it } from 'vitest';
import { modules } from '../content/content';
import { moduleQuestions, type Module } from '../content/questionnaire';
import type { MappingFile } from '../migration/mapping';
import { migrateDiagnostic, type DiagnosticMigration } from '../migration/migrate';
import v1Questions from '../../../../questionnaires/migrations/v1-questions.json';
import v4 from './fixtures/v4.json';
import type { DiagnosticSnapshot, ExportFile } from './format';
import { planImport, type LocalState } from './plan';
import { readExportText } from './read';
import { buildExport, serializeExport } from './write';

// Content v1 of the waste and canteen modules, rebuilt from the frozen list of v1 questions (each
// question cloned from a shipped one of the same kind), so that this test does not depend on the
// shipped content's version; then a "v2" of the waste module made by hand: one question renamed,
// one gone, the rest kept. The import must carry a file answered against v1 before checking it.
const templates = modules.flatMap(moduleQuestions);
function v1Module(id: 'dechets' | 'cantines'): Module {
	const base = modules.find((m) => m.id === id)!;
	const frozen = (
		v1Questions.modules as Record<string, { questions: { id: string; type: string }[] }>
	)[id]!.questions;
	const questions = frozen.map((f) => ({ ...templates.find((q) => q.type === f.type)!, id: f.id }));
	return { ...base, version: 1, themes: [{ ...base.themes[0]!, questions }] };
}
const dechets = v1Module('dechets');
const modulesV1 = modules.map((m) =>
	m.id === 'dechets' ? dechets : m.id === 'cantines' ? v1Module('cantines') : m
);
const ids = moduleQuestions(dechets).map((q) => q.id);
const renamed = 'dechets-actions-associations';
const gone = 'dechets-compostage-acteurs-ess';
const dechetsV2: Module = {
	...dechets,
	version: 2,
	themes: dechets.themes.map((t) => ({
		...t,
		questions: t.questions
			.filter((q) => q.id !== gone)
			.map((q) => (q.id === renamed ? { ...q, id: `${renamed}-v2` } : q))
	}))
};
const modulesV2 = modulesV1.map((m) => (m.id === 'dechets' ? dechetsV2 : m));
const mapping: MappingFile = {
	module: 'dechets',
	from: 1,
	to: 2,
	questions: Object.fromEntries(
		ids.map((id) => [
			id,
			id === renamed
				? { action: 'rename', to: `${renamed}-v2` }
				: id === gone
					? { action: 'retire', reason: 'Demandé ailleurs.' }
					: { action: 'keep' }
		])
	)
};
const texts = new Map([
	[1, new Map([[gone, 'Le compostage associe-t-il des acteurs de l’ESS ?']])]
]);
const migrate: DiagnosticMigration = (d) =>
	d.moduleId === 'dechets'
		? migrateDiagnostic(
				d,
				2,
				[mapping],
				texts,
				moduleQuestions(dechetsV2).map((q) => q.id)
			)
		: d;

const NOW = Date.UTC(2026, 10, 26, 10);
const empty: LocalState = { device: 'ce-poste', campaigns: [], diagnostics: new Map() };

function read(data: unknown): ExportFile {
	const r = readExportText(JSON.stringify(data));
	if (!r.ok) throw new Error(r.problem.details.join('\n'));
	return r.file;
}
const plan = (file: ExportFile, local = empty, withMigration = true) =>
	planImport(file, local, {
		modules: withMigration ? modulesV2 : modulesV1,
		fileName: 'f.json',
		now: NOW,
		version: 4,
		...(withMigration ? { migrate } : {})
	});

describe('an old file imports under the new questionnaire', () => {
	it('carries the answers, keeps the retired one, reports it, sets nothing aside', () => {
		const p = plan(read(v4));
		expect(p.setAside).toEqual([]);
		expect(p.migrated).toEqual([
			{ diagnosticId: v4.diagnostics[0]!.id, moduleId: 'dechets', from: 1, to: 2, retired: 1 }
		]);
		const d = p.diagnostics[0]!.incoming;
		expect(d.questionnaireVersion).toBe(2);
		expect(d.status).toBe('complete');
		expect(d.revision).toBe(v4.diagnostics[0]!.revision);
		const values = new Map(d.answers.map((a) => [a.questionId, a.value]));
		expect(values.get(`${renamed}-v2`)).toBe('nsp');
		expect(values.has(renamed)).toBe(false);
		expect(d.retired).toEqual([
			{
				questionId: gone,
				text: 'Le compostage associe-t-il des acteurs de l’ESS ?',
				value: 2,
				changedAt: expect.any(Number),
				fromVersion: 1,
				reason: 'Demandé ailleurs.'
			}
		]);
		expect(d.answers.length + d.retired!.length).toBe(v4.diagnostics[0]!.answers.length);
	});

	it('without the mapping the same file loses two answers and reopens (what the migration prevents)', () => {
		const p = planImport(read(v4), empty, {
			modules: modulesV2,
			fileName: 'f.json',
			now: NOW,
			version: 4
		});
		expect(p.setAside.map((s) => [s.reason, s.questionId])).toEqual([
			['unknown-question', renamed],
			['unknown-question', gone],
			['incomplete', undefined]
		]);
	});

	it('a device that migrated its copy and one that imports the old file hold the same data', () => {
		// The device had imported the v1 file before the update, then migrated it in its database.
		const before = plan(read(v4), empty, false).diagnostics.map((x) => x.incoming);
		const migrated = before.map((d) => migrate(d));
		const campaign = plan(read(v4)).campaigns[0]!.incoming;
		const local: LocalState = {
			device: 'ce-poste',
			campaigns: [campaign],
			diagnostics: new Map(migrated.map((d) => [d.id, d]))
		};
		const p = plan(read(v4), local);
		expect(p.diagnostics.map((x) => x.kind === 'skipped' && x.reason)).toEqual([
			'identical',
			'identical'
		]);
	});

	it('exports the retired answers and imports them back unchanged', () => {
		const d = plan(read(v4)).diagnostics[0]!.incoming as DiagnosticSnapshot;
		const file = buildExport({
			scope: 'diagnostic',
			campaigns: plan(read(v4)).campaigns.map((c) => c.incoming),
			diagnostics: [d],
			device: 'ce-poste',
			app: { name: 'Leviers', version: 'test' },
			now: NOW
		});
		const again = plan(read(JSON.parse(serializeExport(file)))).diagnostics[0]!.incoming;
		expect(again.retired).toEqual(d.retired);
		expect(again.answers).toEqual(d.answers);
	});
});

describe('cooperation answers of version 4', () => {
	const coop = (value: unknown, otherPartner?: string) => {
		const data = structuredClone(v4);
		const a = data.diagnostics[1]!.answers.find(
			(x) => x.question === 'cantines-coop-approvisionnement'
		)! as Record<string, unknown>;
		a.value = value;
		if (otherPartner === undefined) delete a.otherPartner;
		else a.otherPartner = otherPartner;
		const p = plan(read(data));
		const stored = p.diagnostics[1]!.incoming.answers.find(
			(x) => x.questionId === 'cantines-coop-approvisionnement'
		);
		return { stored, aside: p.setAside.map((s) => s.reason) };
	};

	it('name external partners, with the « Autre » text', () => {
		const { stored, aside } = coop(['dechets', 'communes-membres', 'autre'], ' Syndicat ');
		expect(aside).toEqual([]);
		expect(stored).toMatchObject({
			value: ['dechets', 'communes-membres', 'autre'],
			otherPartner: 'Syndicat'
		});
	});

	it('drop an « Autre » text without "autre"', () => {
		const { stored } = coop(['dechets'], 'Syndicat');
		expect(stored).not.toHaveProperty('otherPartner');
	});

	it('set aside an unknown partner and the diagnostic’s own module', () => {
		expect(coop(['dechets', 'inconnu']).aside).toEqual(['invalid-value']);
		expect(coop(['cantines']).aside).toEqual(['invalid-value']);
	});

	it('refuse an « Autre » text over its limit (the diagnostic is set aside)', () => {
		const data = structuredClone(v4) as Record<string, unknown> & typeof v4;
		(data.diagnostics[1]!.answers[0] as Record<string, unknown>).otherPartner = 'x'.repeat(121);
		const r = readExportText(JSON.stringify(data));
		expect(r.ok && r.rejected.map((x) => x.position)).toEqual([2]);
	});
});
