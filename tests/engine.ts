/**
 * The scoring engine, run in Node on the shipped content, so that end-to-end tests compare what
 * the pages show with what the engine computes. src/lib/domain is pure TypeScript; content.ts
 * imports JSON (which Playwright's loader does not take), so the questionnaire is read here.
 */
import { readFileSync } from 'node:fs';
import type { DiagnosticWithAnswers } from '../src/lib/domain/answers';
import { scoreCampaign, type CampaignScores } from '../src/lib/domain/scoring/campaign';
import { buildExampleCampaign, type ExampleCampaign } from '../src/lib/domain/example/example';
import {
	MODULE_IDS,
	parseLevers,
	parseModule,
	type ParseResult
} from '../src/lib/domain/content/questionnaire';
import { recommend, type Recommendations } from '../src/lib/domain/scoring/recommendations';

function orThrow<T>(r: ParseResult<T>): T {
	if (!r.ok) throw new Error(`Contenu invalide\u202f: ${JSON.stringify(r.problems)}`);
	return r.value;
}
const read = (name: string): unknown =>
	JSON.parse(readFileSync(`questionnaires/${name}.json`, 'utf8'));

/** The shipped questionnaire, as content.ts builds it. */
export const questionnaire = {
	modules: MODULE_IDS.map((id) => orThrow(parseModule(`${id}.json`, read(id)))),
	levers: orThrow(parseLevers('levers.json', read('levers')))
};

/** The example campaign as the home button creates it (ids and dates do not change scores). */
export function exampleCampaign(): ExampleCampaign {
	return buildExampleCampaign(questionnaire.modules);
}

/** Scores and recommendations of a campaign, computed by the engine. */
export function engineResults(
	example: ExampleCampaign,
	diagnostics: DiagnosticWithAnswers[] = example.diagnostics
): { scores: CampaignScores; recommendations: Recommendations } {
	const scores = scoreCampaign(example.campaign, diagnostics, questionnaire);
	return { scores, recommendations: recommend(scores, questionnaire) };
}

/** Rounded as the pages show scores. */
export const shown = (value: number | null): string =>
	value === null ? 'non évalué' : Math.round(value).toLocaleString('fr-FR');
