/**
 * The few figures of a campaign that a region reads (lever means, transversality, méconnaissance),
 * computed without the rest of the scores: no lever details, checklist, hints, network lists or
 * issues. Scoring thousands of campaigns for the « Réseau » page spent most of its time building
 * and collecting objects nobody read. Same arithmetic, same order as scoreCampaign: equal figures
 * (figures.test.ts checks it).
 */
import type { Campaign, DiagnosticWithAnswers } from '../answers';
import { indexQuestionnaire, type Questionnaire } from '../content/questionnaire-index';
import { LEVER_IDS, MODULE_IDS, type LeverId, type ModuleId } from '../content/questionnaire';
import { LeverSums, leverRecord, scalePlan } from './lever-sums';
import { leverEngagementAt, leverScoreAt, meconnaissanceOf, MIN_LEVEL_ANSWERS } from './scoring';
import { selectDiagnostics } from './selection';
import { componentValues, weightedSum } from './transversality';

/** What the region summary and a campaign's position read; CampaignScores has them too. */
export interface CampaignFigures {
	levers: Record<LeverId, { mean: number | null }>;
	transversality: { score: number | null };
	meconnaissance: number | null;
}

const sums = new LeverSums();
const LEVERS = LEVER_IDS.length;
const MODULES = MODULE_IDS.length;
const RANK = new Map<ModuleId, number>(MODULE_IDS.map((m, i) => [m, i]));

/** The figures of a campaign, equal to those scoreCampaign gives. */
export function campaignFigures(
	campaign: Campaign,
	diagnostics: readonly DiagnosticWithAnswers[],
	questionnaire: Questionnaire
): CampaignFigures {
	const index = indexQuestionnaire(questionnaire);
	const { expected, counted } = selectDiagnostics(campaign, diagnostics, questionnaire);
	// Per module (MODULE_IDS rank): answered, lever engagements, service engagement (null: none).
	const answered: boolean[] = new Array<boolean>(MODULES).fill(false);
	const engagement = new Array<number | null>(MODULES * LEVERS).fill(null);
	const service = new Array<number | null>(MODULES).fill(null);
	const scoreSum = new Float64Array(LEVERS);
	const scoreCount = new Int32Array(LEVERS);
	let levels = 0;
	let unknown = 0;
	let anyMaturity = false;
	for (const d of counted) {
		const m = RANK.get(d.moduleId)!;
		sums.add(d, scalePlan(index.modules.get(d.moduleId)));
		answered[m] = true;
		for (let i = 0; i < LEVERS; i++) {
			engagement[m * LEVERS + i] = leverEngagementAt(sums, i);
			const score = leverScoreAt(sums, i);
			if (score === null) continue;
			scoreSum[i]! += score;
			scoreCount[i]!++;
		}
		const applicable = sums.levels + sums.unknownAnswers + sums.unanswered;
		service[m] = applicable === 0 ? null : sums.engagedQuestions / applicable;
		levels += sums.levels;
		unknown += sums.unknownAnswers;
		if (sums.levels >= MIN_LEVEL_ANSWERS) anyMaturity = true;
	}
	const levers = leverRecord<{ mean: number | null }>();
	LEVER_IDS.forEach((l, i) => {
		levers[l] = { mean: scoreCount[i] === 0 ? null : scoreSum[i]! / scoreCount[i]! };
	});

	const services = MODULE_IDS.filter((id) => id !== 'transversal' && expected.includes(id));
	const view = {
		services,
		lever: (m: ModuleId, l: LeverId) => {
			const r = RANK.get(m)!;
			if (answered[r]) return engagement[r * LEVERS + LEVER_IDS.indexOf(l)]!;
			return index.modules.get(m)?.byLever.has(l) ? 0 : null;
		},
		service: (m: ModuleId) => service[RANK.get(m)!] ?? 0
	};
	const { pairs, respondents } = declaredPairs(counted, questionnaire);
	const measured = services.length >= 2 && services.some((m) => respondents.has(m));
	const steering = expected.includes('transversal') ? service[RANK.get('transversal')!]! : null;
	const { values } = componentValues(view, pairs, measured, steering);
	const reason = services.length < 2 || !anyMaturity;
	return {
		levers,
		transversality: { score: reason ? null : weightedSum(values).sum },
		meconnaissance: meconnaissanceOf({ levels, unknown })
	};
}

/** The pairs of modules with a declared link (as cooperationNetwork's, without the lists). */
function declaredPairs(counted: readonly DiagnosticWithAnswers[], questionnaire: Questionnaire) {
	const index = indexQuestionnaire(questionnaire);
	const linked: boolean[] = new Array<boolean>(MODULES * MODULES).fill(false);
	const respondents = new Set<ModuleId>();
	for (const d of counted) {
		const from = RANK.get(d.moduleId)!;
		for (const { question } of index.modules.get(d.moduleId)?.cooperationList ?? []) {
			const value = d.answers[question.id]?.value;
			if (!Array.isArray(value)) continue;
			respondents.add(d.moduleId);
			for (let to = 0; to < MODULES; to++)
				if (to !== from && value.includes(MODULE_IDS[to]!)) linked[from * MODULES + to] = true;
		}
	}
	const pairs: { a: ModuleId; b: ModuleId; kind: 'reciprocated' | 'one-sided' }[] = [];
	for (let a = 0; a < MODULES; a++)
		for (let b = a + 1; b < MODULES; b++) {
			const ab = linked[a * MODULES + b];
			const ba = linked[b * MODULES + a];
			if (ab || ba)
				pairs.push({
					a: MODULE_IDS[a]!,
					b: MODULE_IDS[b]!,
					kind: ab && ba ? 'reciprocated' : 'one-sided'
				});
		}
	return { pairs, respondents };
}
