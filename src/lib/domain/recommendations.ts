/**
 * Recommendations of a campaign: the levers to pull first, each with its evidence, its actions
 * for the services concerned, the services to bring together and its source quote; and the
 * first three actions of each service. Deterministic: see docs/methode.md for every tie-break.
 */
import type { Level } from './answers';
import type { CampaignScores } from './campaign';
import { pairsToBringTogether, type PairSuggestion } from './pairs';
import { leverPriorities, type LeverPriority } from './priority';
import { MODULE_IDS, type ModuleId, type SourceQuote } from './questionnaire';
import { indexQuestionnaire, type Questionnaire } from './questionnaire-index';
import { isScaleValue } from './scoring';
import { serviceActions, type ServiceAction } from './service-actions';

/** At most this many answers are quoted per module as evidence. */
export const EVIDENCE_ANSWERS_PER_MODULE = 3;

/** Below this lever score (mean level 3, Réalisé) a module is a target of the lever's actions. */
export const ACTION_TARGET_BELOW = 75;

/** An answer that drives a lever's gap. */
export interface EvidenceAnswer {
	questionId: string;
	text: string;
	value: Level | 'nsp';
	weight: number;
	note?: string;
}

/** Why a lever is recommended, for one module. */
export interface LeverEvidence {
	moduleId: ModuleId;
	score: number | null;
	done: number | null;
	engaged: number | null;
	/** Lowest answers first ("Je ne sais pas" ranks with Rien), then heavier weight, then order. */
	answers: EvidenceAnswer[];
}

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

/** The recommendations of a campaign. */
export interface Recommendations {
	/** Levers with a positive priority, in priority order. */
	levers: LeverRecommendation[];
	/** The first actions of each module that counts, in MODULE_IDS order. */
	services: { moduleId: ModuleId; actions: ServiceAction[] }[];
}

/** Recommends levers and actions from a campaign's scores and the questionnaire. */
export function recommend(scores: CampaignScores, questionnaire: Questionnaire): Recommendations {
	const index = indexQuestionnaire(questionnaire);
	const priorities = leverPriorities(scores);
	const counted = new Map(scores.selection.counted.map((d) => [d.moduleId, d]));
	const scored = new Map(scores.diagnostics.map((d) => [d.moduleId, d]));
	const rank = (m: ModuleId) => MODULE_IDS.indexOf(m);

	const levers = priorities
		.filter((p) => p.priority > 0)
		.map((p, i): LeverRecommendation => {
			const lever = index.levers.get(p.lever);
			const score = (m: ModuleId) => scored.get(m)?.levers[p.lever].score ?? null;
			const evidence = p.modules
				.map((moduleId): LeverEvidence => {
					const l = scored.get(moduleId)!.levers[p.lever];
					const diagnostic = counted.get(moduleId)!;
					const answers: (EvidenceAnswer & { order: number })[] = [];
					for (const { question, order } of index.modules.get(moduleId)?.scale.values() ?? []) {
						const tag = question.levers.find((t) => t.lever === p.lever);
						const answer = diagnostic.answers[question.id];
						const value = answer?.value;
						if (!tag || !isScaleValue(value) || value === 'na' || value === 4) continue;
						const note = answer?.note?.trim();
						answers.push({
							questionId: question.id,
							text: question.text,
							value,
							weight: tag.weight,
							order,
							...(note ? { note } : {})
						});
					}
					const level = (a: EvidenceAnswer) => (a.value === 'nsp' ? 0 : a.value);
					answers.sort((a, b) => level(a) - level(b) || b.weight - a.weight || a.order - b.order);
					return {
						moduleId,
						score: l.score,
						done: l.done,
						engaged: l.engaged,
						answers: answers
							.slice(0, EVIDENCE_ANSWERS_PER_MODULE)
							.map(({ order, ...a }) => (void order, a))
					};
				})
				.sort((a, b) => (a.score ?? -1) - (b.score ?? -1) || rank(a.moduleId) - rank(b.moduleId));
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
				bringTogether: pairsToBringTogether(p.lever, p.modules, score, scores.network, index),
				source: lever?.source ?? null
			};
		});

	const services = scores.selection.counted.map((d) => ({
		moduleId: d.moduleId,
		actions: serviceActions(d, priorities, index)
	}));
	return { levers, services };
}
