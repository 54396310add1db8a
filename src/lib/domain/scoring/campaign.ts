/**
 * Scores of a whole campaign: the diagnostic that counts per module, lever scores across modules,
 * méconnaissance, the cooperation network and transversality, computed once for the interface.
 */
import type { Campaign, DiagnosticWithAnswers } from '../answers';
import { cooperationNetwork, type CooperationNetwork } from './cooperation';
import { indexQuestionnaire, type Questionnaire } from '../content/questionnaire-index';
import { LEVER_IDS, type LeverId, type ModuleId } from '../content/questionnaire';
import {
	meconnaissanceOf,
	scoreDiagnostic,
	type AnswerIssue,
	type DiagnosticScores
} from './scoring';
import { campaignChecklist, type ObligationChecklist } from './obligations';
import { selectDiagnostics, type DiagnosticSelection } from './selection';
import { leverRecord } from './lever-sums';
import { transversality, type Transversality } from './transversality';

/** One lever across the modules of a campaign; every number is 0–100 or null. */
export interface CampaignLeverScore {
	/** Mean of the modules' lever scores (each module counts the same). */
	mean: number | null;
	min: number | null;
	max: number | null;
	/** Means of the two ADEME-like series: réalisé (3–4) and engagé ou réalisé (2–4). */
	done: number | null;
	engaged: number | null;
	/** Modules with a score on the lever, in MODULE_IDS order. */
	evaluated: ModuleId[];
	/** The two lowest-scored modules (ties: MODULE_IDS order). */
	weakest: ModuleId[];
}

/** Everything the interface shows about a campaign. */
export interface CampaignScores {
	campaign: Campaign;
	selection: DiagnosticSelection;
	/** Scores of the diagnostics that count, in MODULE_IDS order. */
	diagnostics: DiagnosticScores[];
	levers: Record<LeverId, CampaignLeverScore>;
	/** Pooled over the diagnostics that count: 100 × Σ "Je ne sais pas" / Σ (levels + nsp). */
	meconnaissance: number | null;
	network: CooperationNetwork;
	transversality: Transversality;
	/**
	 * The legal obligations of every expected service (those without a diagnostic as unknown):
	 * « Conformité réglementaire : met sur applicable obligations remplies ». Worth no points.
	 */
	obligations: ObligationChecklist;
	/** Answers left out of the scores (unknown question, invalid value), for the interface. */
	issues: AnswerIssue[];
}

/** Lever scores across modules, from the scores of the diagnostics that count. */
export function campaignLeverScores(
	scores: readonly DiagnosticScores[]
): Record<LeverId, CampaignLeverScore> {
	const levers = leverRecord<CampaignLeverScore>();
	for (const lever of LEVER_IDS) levers[lever] = leverAcrossModules(scores, lever);
	return levers;
}

/** One lever across modules; loops rather than array methods, as it runs 9 times per campaign. */
function leverAcrossModules(scores: readonly DiagnosticScores[], lever: LeverId) {
	const evaluated: ModuleId[] = [];
	let sum = 0;
	let min = Infinity;
	let max = -Infinity;
	let done = 0;
	let doneCount = 0;
	let engaged = 0;
	let engagedCount = 0;
	// The two lowest, the first met winning ties (as a stable sort would order them).
	let first = -1;
	let second = -1;
	for (let i = 0; i < scores.length; i++) {
		const l = scores[i]!.levers[lever];
		const score = l.score;
		if (score === null) continue;
		evaluated.push(scores[i]!.moduleId);
		sum += score;
		min = Math.min(min, score);
		max = Math.max(max, score);
		if (l.done !== null) {
			done += l.done;
			doneCount++;
		}
		if (l.engaged !== null) {
			engaged += l.engaged;
			engagedCount++;
		}
		if (first < 0 || score < (scores[first]!.levers[lever].score as number)) {
			second = first;
			first = i;
		} else if (second < 0 || score < (scores[second]!.levers[lever].score as number)) second = i;
	}
	const n = evaluated.length;
	const weakest: ModuleId[] = [];
	if (first >= 0) weakest.push(scores[first]!.moduleId);
	if (second >= 0) weakest.push(scores[second]!.moduleId);
	return {
		mean: n === 0 ? null : sum / n,
		min: n === 0 ? null : min,
		max: n === 0 ? null : max,
		done: doneCount === 0 ? null : done / doneCount,
		engaged: engagedCount === 0 ? null : engaged / engagedCount,
		evaluated,
		weakest
	};
}

/** Overall méconnaissance: "Je ne sais pas" pooled over every answer of the diagnostics. */
export function overallMeconnaissance(scores: readonly DiagnosticScores[]): number | null {
	return meconnaissanceOf({
		levels: scores.reduce((n, s) => n + s.counts.levels, 0),
		unknown: scores.reduce((n, s) => n + s.counts.unknown, 0)
	});
}

/**
 * Scores a campaign: a pure function of the campaign, its diagnostics (in any order) and the
 * questionnaire. Diagnostics of another campaign or of a module not expected are reported in
 * `selection.ignored`, never scored.
 */
export function scoreCampaign(
	campaign: Campaign,
	diagnostics: readonly DiagnosticWithAnswers[],
	questionnaire: Questionnaire
): CampaignScores {
	const selection = selectDiagnostics(campaign, diagnostics, questionnaire);
	const scores = selection.counted.map((d) => scoreDiagnostic(d, questionnaire));
	const network = cooperationNetwork(selection.expected, selection.counted, questionnaire);
	const complete = selection.counted.filter((d) => d.status === 'complete').map((d) => d.moduleId);
	return {
		campaign,
		selection,
		diagnostics: scores,
		levers: campaignLeverScores(scores),
		meconnaissance: overallMeconnaissance(scores),
		network,
		obligations: campaignChecklist(
			selection.expected,
			new Map(scores.map((s) => [s.moduleId, s.obligations])),
			indexQuestionnaire(questionnaire).modules
		),
		transversality: transversality({
			expected: selection.expected,
			scores,
			complete,
			network,
			index: indexQuestionnaire(questionnaire)
		}),
		issues: scores.flatMap((s) => s.issues)
	};
}
