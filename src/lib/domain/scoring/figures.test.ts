import { describe, expect, it } from 'vitest';
import type { DiagnosticWithAnswers } from '../answers';
import { levers, modules } from '../content/content';
import { MODULE_IDS } from '../content/questionnaire';
import { buildExampleCampaign, type ExampleCampaign } from '../example/example';
import { seededRandom } from '../example/random';
import { scoreCampaign } from './campaign';
import { campaignFigures } from './figures';

const questionnaire = { modules, levers };

/** A variant of the example damaged at random: modules dropped, answers removed or wrong. */
function damaged(seed: number): ExampleCampaign {
	const random = seededRandom(seed);
	const { campaign, diagnostics } = buildExampleCampaign(modules, { seed });
	const kept = MODULE_IDS.filter(() => random() > 0.2);
	const out: DiagnosticWithAnswers[] = [];
	for (const d of diagnostics) {
		if (random() < 0.15) continue;
		const answers = { ...d.answers };
		for (const id of Object.keys(answers)) {
			const r = random();
			if (r < 0.15) delete answers[id];
			else if (r < 0.2) answers[id] = { ...answers[id]!, value: r < 0.17 ? 'na' : 'nsp' };
			else if (r < 0.22) answers[id] = { ...answers[id]!, value: [] };
			else if (r < 0.23) answers[id] = { ...answers[id]!, value: 'x' as never };
		}
		out.push({ ...d, answers });
		if (random() < 0.1) out.push({ ...d, id: `${d.id}-bis`, status: 'draft' });
	}
	return {
		campaign: { ...campaign, modules: random() < 0.7 ? campaign.modules : kept },
		diagnostics: out
	};
}

/** The figures the full scores give, in the shape of CampaignFigures. */
function fromScores({ campaign, diagnostics }: ExampleCampaign) {
	const s = scoreCampaign(campaign, diagnostics, questionnaire);
	return {
		levers: Object.fromEntries(Object.entries(s.levers).map(([l, x]) => [l, { mean: x.mean }])),
		transversality: { score: s.transversality.score },
		meconnaissance: s.meconnaissance
	};
}

describe('campaignFigures', () => {
	it('equals the full scores on the example and on 300 varied campaigns', () => {
		const campaigns = [
			buildExampleCampaign(modules),
			...Array.from({ length: 150 }, (_, i) => buildExampleCampaign(modules, { seed: i + 1 })),
			...Array.from({ length: 150 }, (_, i) => damaged(i + 1))
		];
		for (const c of campaigns) {
			// toEqual compares numbers with Object.is: equal to the last bit, not approximately.
			expect(campaignFigures(c.campaign, c.diagnostics, questionnaire)).toEqual(fromScores(c));
		}
	});

	it('equals the full scores without diagnostics, with one service, or without steering', () => {
		const { campaign, diagnostics } = buildExampleCampaign(modules);
		const cases: ExampleCampaign[] = [
			{ campaign, diagnostics: [] },
			{ campaign: { ...campaign, modules: ['eau'] }, diagnostics },
			{
				campaign: { ...campaign, modules: campaign.modules.filter((m) => m !== 'transversal') },
				diagnostics
			},
			{ campaign, diagnostics: diagnostics.map((d) => ({ ...d, answers: {} })) }
		];
		for (const c of cases)
			expect(campaignFigures(c.campaign, c.diagnostics, questionnaire)).toEqual(fromScores(c));
	});
});
