/**
 * Scoring and recommendations in Node: the example campaign (median of many runs, ≤ 2 ms) and a
 * region of 1,000 campaigns of seven modules, scored and aggregated (≤ 500 ms).
 */
import { scoreCampaign } from '../src/lib/domain/scoring/campaign';
import { levers, modules } from '../src/lib/domain/content/content';
import { buildExampleCampaign } from '../src/lib/domain/example/example';
import { recommend } from '../src/lib/domain/scoring/recommendations';
import { aggregateCampaigns } from '../src/lib/domain/scoring/region';
import { quantile, timeSync, type Figure } from './stats';

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

	// A region: 1,000 variants of the example (profiles shifted, links varied), built outside
	// the timing, each with its own ids.
	const region = Array.from({ length: 1000 }, (_, i) =>
		buildExampleCampaign(modules, { seed: i + 1, authority: `Collectivité ${i + 1}` })
	);
	const all = timeSync(
		() =>
			aggregateCampaigns(
				region.map((c) => scoreCampaign(c.campaign, c.diagnostics, questionnaire))
			),
		21,
		3
	);
	const figure = (name: string, samples: number[], budget: number): Figure => ({
		name,
		median: quantile(samples, 0.5),
		p95: quantile(samples, 0.95),
		budget,
		on: 'median'
	});
	return [
		figure('scoring: example campaign, scores + recommendations', one, 2),
		figure('scoring: region, 1,000 campaigns × 7 modules, scored + aggregated', all, 500)
	];
}
