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
import { meanOf } from './stats';
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
	const entries = LEVER_IDS.map((lever): [LeverId, CampaignLeverScore] => {
		const rows = scores
			.filter((s) => s.levers[lever].score !== null)
			.map((s) => ({ moduleId: s.moduleId, ...s.levers[lever] }));
		const values = rows.map((r) => r.score as number);
		const weakest = [...rows]
			.sort((a, b) => (a.score as number) - (b.score as number))
			.slice(0, 2)
			.map((r) => r.moduleId);
		return [
			lever,
			{
				mean: meanOf(values),
				min: values.length ? Math.min(...values) : null,
				max: values.length ? Math.max(...values) : null,
				done: meanOf(rows.map((r) => r.done)),
				engaged: meanOf(rows.map((r) => r.engaged)),
				evaluated: rows.map((r) => r.moduleId),
				weakest
			}
		];
	});
	return Object.fromEntries(entries) as Record<LeverId, CampaignLeverScore>;
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
