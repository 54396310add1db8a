/**
 * Recommendations of a campaign: the levers to pull first, each with its evidence, its actions
 * for the services concerned, the services to bring together and its source quote; and the
 * first three actions of each service. Deterministic: see docs/methode.md for every tie-break.
 */
import type { CampaignScores } from './campaign';
import { leverEvidence, type LeverEvidence } from './evidence';
import { pairCandidates, pairsToBringTogether, type PairSuggestion } from './pairs';
import { leverPriorities, type LeverPriority } from './priority';
import type { ModuleId, SourceQuote } from '../content/questionnaire';
import { indexQuestionnaire, type Questionnaire } from '../content/questionnaire-index';
import { serviceActions, type ServiceAction } from './service-actions';
import { checklistOf, obligationsToAct, type ObligationItem } from './obligations';

/** Below this lever score (mean level 3, Réalisé) a module is a target of the lever's actions. */
const ACTION_TARGET_BELOW = 75;

/** One action of the lever, with the services it concerns first. */
export interface LeverAction {
	text: string;
	/** Modules below Réalisé on the lever (or unscored), weakest first. */
	modules: ModuleId[];
}

/** A recommended lever. */
export interface LeverRecommendation extends LeverPriority {
	/** 1 for the lever to pull first. */
	rank: number;
	label: string;
	title: string;
	evidence: LeverEvidence[];
	actions: LeverAction[];
	bringTogether: PairSuggestion[];
	/** The verbatim passage of the source document; null if the lever is missing from the content. */
	source: SourceQuote | null;
}

/** The advice of one service: its obligations to act on first, then its first practices. */
export interface ServiceAdvice {
	moduleId: ModuleId;
	/** Unmet, unknown, then in-progress obligations (display order within each). */
	obligations: ObligationItem[];
	actions: ServiceAction[];
}

/** The recommendations of a campaign. */
export interface Recommendations {
	/**
	 * Obligations to act on, before any lever: unmet first, then unknown (including those of
	 * expected services that have not answered), then in progress; MODULE_IDS order within each.
	 */
	obligations: ObligationItem[];
	/** Levers with a positive priority, in priority order. */
	levers: LeverRecommendation[];
	/** The advice of each module that counts, in MODULE_IDS order. */
	services: ServiceAdvice[];
}

/** Recommends levers and actions from a campaign's scores and the questionnaire. */
export function recommend(scores: CampaignScores, questionnaire: Questionnaire): Recommendations {
	const index = indexQuestionnaire(questionnaire);
	const priorities = leverPriorities(scores);
	const counted = new Map(scores.selection.counted.map((d) => [d.moduleId, d]));
	const scored = new Map(scores.diagnostics.map((d) => [d.moduleId, d]));
	const candidates = pairCandidates(scores.network, index);

	const levers = priorities
		.filter((p) => p.priority > 0)
		.map((p, i): LeverRecommendation => {
			const lever = index.levers.get(p.lever);
			const score = (m: ModuleId) => scored.get(m)?.levers[p.lever].score ?? null;
			const evidence = leverEvidence(p.lever, p.modules, counted, scored, index);
			const below = evidence.filter((e) => e.score === null || e.score < ACTION_TARGET_BELOW);
			const targets = (below.length ? below : evidence.filter((e) => (e.score ?? 0) < 100)).map(
				(e) => e.moduleId
			);
			return {
				...p,
				rank: i + 1,
				label: lever?.label ?? p.lever,
				title: lever?.title ?? p.lever,
				evidence,
				actions: (lever?.actions ?? []).map((text) => ({ text, modules: targets })),
				bringTogether: pairsToBringTogether(p.lever, p.modules, score, candidates),
				source: lever?.source ?? null
			};
		});

	const services = scores.selection.counted.map((d) => ({
		moduleId: d.moduleId,
		obligations: obligationsToAct(scored.get(d.moduleId)?.obligations ?? checklistOf([])),
		actions: serviceActions(d, priorities, index)
	}));
	return { obligations: obligationsToAct(scores.obligations), levers, services };
}
