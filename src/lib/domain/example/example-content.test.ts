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

const questionnaire = { modules, levers };
const { campaign, diagnostics } = buildExampleCampaign(modules);
const scores = scoreCampaign(campaign, diagnostics, questionnaire);
const rec = recommend(scores, questionnaire);

describe('the example campaign on the shipped content', () => {
	it('answers every question of the complete diagnostics, and all but the last three of the draft', () => {
		for (const d of diagnostics) {
			const questions = moduleQuestions(modules.find((m) => m.id === d.moduleId)!);
			const missing = questions.filter((q) => !(q.id in d.answers)).length;
			expect(missing, d.moduleId).toBe(d.status === 'draft' ? 3 : 0);
		}
		expect(diagnostics.filter((d) => d.status === 'draft').map((d) => d.moduleId)).toEqual(['eau']);
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

	it('has reciprocated and one-sided links, and a transversality with five measured components', () => {
		expect(pairOf(scores.network, 'dechets', 'cantines')?.kind).toBe('reciprocated');
		expect(pairOf(scores.network, 'economie', 'urbanisme')).toMatchObject({
			kind: 'one-sided',
			declaredBy: ['economie']
		});
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
});
