/**
 * The example campaign built from the shipped content: complete, varied, and scored without
 * any answer left out. The only engine test that reads the real questionnaires.
 */
import { describe, expect, it } from 'vitest';
import { scoreCampaign } from '../scoring/campaign';
import { levers, modules } from '../content/content';
import { pairOf } from '../scoring/cooperation';
import { buildExampleCampaign } from './example';
import { MODULE_IDS, moduleQuestions } from '../content/questionnaire';
import { recommend } from '../scoring/recommendations';
import { obligationChecklist } from '../scoring/obligations';
import { indexQuestionnaire } from '../content/questionnaire-index';
import { OBLIGATION_VALUES, isExternalPartner } from '../answers';

const isObligationValue = (v: unknown): boolean =>
	(OBLIGATION_VALUES as readonly unknown[]).includes(v);

const questionnaire = { modules, levers };
const { campaign, diagnostics } = buildExampleCampaign(modules);
const scores = scoreCampaign(campaign, diagnostics, questionnaire);
const rec = recommend(scores, questionnaire);
const obligationIds = new Set(
	modules.flatMap((m) => moduleQuestions(m).filter((q) => q.type === 'obligation')).map((q) => q.id)
);

describe('the example campaign on the shipped content', () => {
	it('answers every question of the complete diagnostics, and all but the last three of the draft', () => {
		for (const d of diagnostics) {
			const questions = moduleQuestions(modules.find((m) => m.id === d.moduleId)!);
			const missing = questions.filter((q) => !(q.id in d.answers)).length;
			expect(missing, d.moduleId).toBe(d.status === 'draft' ? 3 : 0);
		}
		expect(diagnostics.filter((d) => d.status === 'draft').map((d) => d.moduleId)).toEqual(['eau']);
		// Every answer is read, obligations included.
		expect(scores.issues).toEqual([]);
		expect(scores.selection.counted).toHaveLength(7);
	});

	it('is varied: every value of the scale, notes on about one answer in five, unsure urbanisme', () => {
		const scale = diagnostics
			.flatMap((d) => Object.values(d.answers))
			.filter((a) => !Array.isArray(a.value));
		for (const v of [0, 1, 2, 3, 4, 'na', 'nsp']) expect(scale.map((a) => a.value)).toContain(v);
		const share = scale.filter((a) => a.note).length / scale.length;
		expect(share).toBeGreaterThan(0.12);
		expect(share).toBeLessThan(0.28);
		const meconnaissance = Object.fromEntries(
			scores.diagnostics.map((d) => [d.moduleId, d.meconnaissance ?? 0])
		);
		expect(Math.max(...Object.values(meconnaissance))).toBe(meconnaissance.urbanisme);
	});

	it('follows the profiles: déchets and cantines mature, marchés average, eau weak', () => {
		const maturity = Object.fromEntries(
			scores.diagnostics.map((d) => [d.moduleId, d.maturity ?? 0])
		);
		expect(Math.min(maturity.dechets!, maturity.cantines!)).toBeGreaterThan(maturity.marches!);
		expect(maturity.marches!).toBeGreaterThan(maturity.eau!);
	});

	it('has reciprocated and one-sided links, external partners, and a transversality with five measured components', () => {
		expect(pairOf(scores.network, 'dechets', 'cantines')?.kind).toBe('reciprocated');
		expect(pairOf(scores.network, 'economie', 'urbanisme')).toMatchObject({
			kind: 'one-sided',
			declaredBy: ['economie']
		});
		// Partners beyond the modules are shown, never scored: the same density with or without them.
		const communes = scores.network.external.filter((l) => l.partner === 'communes-membres');
		expect(communes.map((l) => l.from)).toEqual(['economie', 'dechets', 'urbanisme']);
		expect(scores.network.external.flatMap((l) => l.names)).toEqual([
			'Syndicat de traitement des déchets',
			'Producteurs du projet alimentaire territorial'
		]);
		const withoutExternal = diagnostics.map((d) => ({
			...d,
			answers: Object.fromEntries(
				Object.entries(d.answers).map(([id, a]) => [
					id,
					Array.isArray(a.value) ? { ...a, value: a.value.filter((p) => !isExternalPartner(p)) } : a
				])
			)
		}));
		const modulesOnly = scoreCampaign(campaign, withoutExternal, questionnaire);
		expect(modulesOnly.network.external).toEqual([]);
		expect(modulesOnly.network.density).toBe(scores.network.density);
		expect(modulesOnly.transversality.score).toBe(scores.transversality.score);
		const t = scores.transversality;
		expect(Object.values(t.components).every((c) => c.value !== null)).toBe(true);
		expect(t.score).toBeGreaterThan(20);
		expect(t.score).toBeLessThan(80);
	});

	it('recommends levers with evidence, actions, pairs and the source quote, and three actions per service', () => {
		expect(rec.levers.length).toBeGreaterThanOrEqual(5);
		for (const l of rec.levers.slice(0, 3)) {
			expect(l.evidence.length).toBeGreaterThan(0);
			expect(l.actions.length).toBeGreaterThanOrEqual(2);
			expect(l.bringTogether.length).toBeGreaterThan(0);
			expect(l.source?.quote.length).toBeGreaterThan(20);
		}
		expect(rec.services.map((s) => s.moduleId)).toEqual([...MODULE_IDS]);
		expect(rec.services.every((s) => s.actions.length === 3)).toBe(true);
	});

	it('answers its obligations with the new values: some unmet, some unknown, none with a level', () => {
		const obligations = diagnostics.flatMap((d) =>
			Object.values(d.answers).filter((a) => obligationIds.has(a.questionId))
		);
		expect(obligations).toHaveLength(obligationIds.size);
		const values = obligations.map((a) => a.value);
		for (const v of ['conforme', 'en-cours', 'non-conforme', 'nsp'])
			expect(values, `au moins une obligation « ${v} »`).toContain(v);
		expect(values.every((v) => typeof v === 'string' && isObligationValue(v))).toBe(true);
		// Read as the checklist reads them: the campaign has obligations to act on.
		const index = indexQuestionnaire(questionnaire);
		const lists = diagnostics.map((d) => obligationChecklist(d, index.modules.get(d.moduleId)));
		expect(lists.reduce((n, c) => n + c.unmet, 0)).toBeGreaterThanOrEqual(1);
		expect(lists.reduce((n, c) => n + c.unknown, 0)).toBeGreaterThanOrEqual(1);
		expect(lists.reduce((n, c) => n + c.met, 0)).toBeGreaterThanOrEqual(1);
	});

	it('answers no scale question with an obligation value', () => {
		const scaleIds = new Set(
			modules.flatMap((m) => moduleQuestions(m).filter((q) => q.type === 'scale')).map((q) => q.id)
		);
		const scale = diagnostics.flatMap((d) =>
			Object.values(d.answers).filter((a) => scaleIds.has(a.questionId))
		);
		expect(scale.length).toBeGreaterThan(50);
		expect(
			scale.filter((a) => isObligationValue(a.value) && a.value !== 'na' && a.value !== 'nsp')
		).toEqual([]);
	});
});
