/**
 * Scoring and recommendations in Node: the example campaign (median of many runs, ≤ 2 ms) and a
 * region of 100, 1,000 and 10,000 campaigns of seven modules, scored and aggregated (issue 16:
 * 1,000 ≤ 200 ms) as the « Réseau » page does (scoreHub in sync/hub.ts): each campaign's figures
 * (campaignFigures: equal to scoreCampaign's, without the details a region does not read), then
 * the summary. Nothing is kept from one timed run to the next but the questionnaire's indexes.
 */
import { scoreCampaign } from '../src/lib/domain/scoring/campaign';
import { levers, modules } from '../src/lib/domain/content/content';
import { buildExampleCampaign } from '../src/lib/domain/example/example';
import { recommend } from '../src/lib/domain/scoring/recommendations';
import { aggregateCampaigns } from '../src/lib/domain/scoring/region';
import { campaignFigures } from '../src/lib/domain/scoring/figures';
import { figure, timeSync, type Figure } from './stats';

const questionnaire = { modules, levers };

/** Runs the two scoring benchmarks. */
export async function run(): Promise<Figure[]> {
	const example = buildExampleCampaign(modules);
	const one = timeSync(
		() => {
			const scores = scoreCampaign(example.campaign, example.diagnostics, questionnaire);
			return recommend(scores, questionnaire);
		},
		2000,
		100
	);

	// A region: variants of the example (profiles shifted, links varied), built outside the
	// timing, each with its own ids; 100, 1,000 and 10,000 campaigns (issue 16: how it grows).
	const region = (count: number) =>
		Array.from({ length: count }, (_, i) =>
			buildExampleCampaign(modules, { seed: i + 1, authority: `Collectivité ${i + 1}` })
		);
	const sized = (count: number, runs: number) => {
		const campaigns = region(count);
		return timeSync(
			() =>
				aggregateCampaigns(
					campaigns.map((c) => campaignFigures(c.campaign, c.diagnostics, questionnaire))
				),
			runs,
			runs > 5 ? 3 : 1
		);
	};
	const name = (count: number) =>
		`scoring: region, ${count.toLocaleString('en')} campaigns × 7 modules, scored + aggregated`;
	// Budgets from issue 16 (1,000 ≤ 200 ms), the others in proportion.
	return [
		figure('scoring: example campaign, scores + recommendations', one, 2),
		figure(name(100), sized(100, 41), 20),
		figure(name(1000), sized(1000, 21), 200),
		figure(name(10_000), sized(10_000, 5), 2000)
	];
}
