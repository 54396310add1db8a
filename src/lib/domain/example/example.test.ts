import { describe, expect, it } from 'vitest';
import { scoreCampaign } from '../scoring/campaign';
import { buildExampleCampaign } from './example';
import { coop, fixtureLevers, module, scale } from '../testing/fixtures';
import { pairOf } from '../scoring/cooperation';
import { LEVER_IDS, MODULE_IDS, type Module } from '../content/questionnaire';

// Seven modules of realistic size (12 scale questions in two themes, 2 cooperation questions),
// independent of the shipped content.
const modules: Module[] = MODULE_IDS.map((id) =>
	module(id, id, [
		[
			...Array.from({ length: 6 }, (_, i) =>
				scale(`${id}-q${i}`, { [LEVER_IDS[i % 9]!]: 1 + (i % 3) })
			),
			coop(`${id}-coop1`, `thème 1 de ${id}`)
		],
		[
			...Array.from({ length: 6 }, (_, i) =>
				scale(`${id}-r${i}`, { [LEVER_IDS[(i + 4) % 9]!]: 2 })
			),
			coop(`${id}-coop2`, `thème 2 de ${id}`)
		]
	])
);
const questionnaire = { modules, levers: fixtureLevers };
const { campaign, diagnostics } = buildExampleCampaign(modules);
const values = diagnostics.flatMap((d) => Object.values(d.answers).map((a) => a.value));

describe('buildExampleCampaign', () => {
	it('builds the seven diagnostics of "Communauté de communes exemple", one in draft', () => {
		expect(campaign).toMatchObject({
			authority: 'Communauté de communes exemple',
			label: 'Diagnostic 2026',
			modules: [...MODULE_IDS]
		});
		expect(diagnostics.map((d) => d.moduleId)).toEqual([...MODULE_IDS]);
		expect(diagnostics.filter((d) => d.status === 'draft').map((d) => d.moduleId)).toEqual(['eau']);
		expect(diagnostics.every((d) => d.campaignId === campaign.id)).toBe(true);
		expect(diagnostics.every((d) => d.respondent?.name && d.respondent.role)).toBe(true);
	});

	it('is deterministic, and uses the id generator and the clock it is given', () => {
		expect(buildExampleCampaign(modules)).toEqual({ campaign, diagnostics });
		let n = 0;
		const now = Date.UTC(2030, 0, 1);
		const other = buildExampleCampaign(modules, { newId: () => `id-${n++}`, now });
		expect(other.campaign.id).toBe('id-0');
		expect(new Set(other.diagnostics.map((d) => d.id)).size).toBe(7);
		expect(other.diagnostics.every((d) => d.createdAt < now && d.updatedAt < now)).toBe(true);
	});

	it('answers with varied values, some "Non concerné" and "Je ne sais pas", notes on about one in five', () => {
		for (const v of [0, 1, 2, 3, 4, 'na', 'nsp']) expect(values).toContain(v);
		const urbanisme = diagnostics.find((d) => d.moduleId === 'urbanisme')!;
		expect(
			Object.values(urbanisme.answers).filter((a) => a.value === 'nsp').length
		).toBeGreaterThanOrEqual(3);
		const scaleAnswers = diagnostics
			.flatMap((d) => Object.values(d.answers))
			.filter((a) => !Array.isArray(a.value));
		const share = scaleAnswers.filter((a) => a.note).length / scaleAnswers.length;
		expect(share).toBeGreaterThan(0.1);
		expect(share).toBeLessThan(0.3);
	});

	it('follows the service profiles: déchets and cantines mature, eau weak', () => {
		const scores = scoreCampaign(campaign, diagnostics, questionnaire);
		const maturity = Object.fromEntries(scores.diagnostics.map((d) => [d.moduleId, d.maturity!]));
		expect(Math.min(maturity.dechets!, maturity.cantines!)).toBeGreaterThan(maturity.marches!);
		expect(maturity.marches!).toBeGreaterThan(maturity.eau!);
		expect(scores.issues).toEqual([]);
	});

	it('declares déchets ⇄ cantines reciprocated and économie → urbanisme one-sided', () => {
		const { network } = scoreCampaign(campaign, diagnostics, questionnaire);
		expect(pairOf(network, 'dechets', 'cantines')?.kind).toBe('reciprocated');
		expect(pairOf(network, 'economie', 'urbanisme')).toMatchObject({
			kind: 'one-sided',
			declaredBy: ['economie']
		});
	});

	it('gives a different but complete campaign for another seed', () => {
		const variant = buildExampleCampaign(modules, { seed: 7 });
		expect(variant.diagnostics).toHaveLength(7);
		expect(variant.diagnostics.map((d) => d.answers)).not.toEqual(
			diagnostics.map((d) => d.answers)
		);
	});
});
