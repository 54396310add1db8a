/**
 * Which services to bring together on a lever: pairs of services concerned by the lever whose
 * cooperation link is missing or declared by one side only, each with the topic to meet on.
 */
import { pairOf, type CooperationNetwork } from './cooperation';
import { MODULE_IDS, type LeverId, type ModuleId } from './questionnaire';
import type { IndexedCooperationQuestion, QuestionnaireIndex } from './questionnaire-index';
import { comparable } from './stats';

/** At most this many pairs are suggested per lever. */
export const MAX_PAIRS_PER_LEVER = 3;

/** Why a topic suits a pair and a lever. */
export interface TopicBasis {
	/** Both questionnaires ask about this topic: the content sees it as a meeting point. */
	shared: boolean;
	/** 0–1: the lever's share of the tag weights of the topic's theme (the higher of the two). */
	affinity: number;
	/** The one-sided link was declared on this topic. */
	declared: boolean;
}

/** A pair of services to bring together; `a` precedes `b` in MODULE_IDS. */
export interface PairSuggestion {
	a: ModuleId;
	b: ModuleId;
	/** create: neither declares the other; reciprocate: only `declaredBy` does. */
	kind: 'create' | 'reciprocate';
	declaredBy: ModuleId | null;
	/** The cooperation topic to meet on, or null when neither module asks about cooperation. */
	topic: string | null;
	basis: TopicBasis;
	/** |score of a − score of b| on the lever, 0–100 (a module without score counts 0). */
	scoreGap: number;
}

const rank = (m: ModuleId) => MODULE_IDS.indexOf(m);

/** Orders topic bases: shared first, then higher affinity, then declared. */
export function compareBases(x: TopicBasis, y: TopicBasis): number {
	return (
		Number(y.shared) - Number(x.shared) ||
		comparable(y.affinity) - comparable(x.affinity) ||
		Number(y.declared) - Number(x.declared)
	);
}

function bestTopic(
	a: ModuleId,
	b: ModuleId,
	lever: LeverId,
	declared: ReadonlySet<string>,
	index: QuestionnaireIndex
): { topic: string | null; basis: TopicBasis } {
	const questions = (m: ModuleId) => [...(index.modules.get(m)?.cooperation.values() ?? [])];
	const aff = (q?: IndexedCooperationQuestion) => q?.levers.get(lever) ?? 0;
	let best: { topic: string | null; basis: TopicBasis } = {
		topic: null,
		basis: { shared: false, affinity: 0, declared: false }
	};
	for (const m of [a, b]) {
		const other = questions(m === a ? b : a);
		for (const q of questions(m)) {
			const twin = other.find((o) => o.question.topic === q.question.topic);
			const affinity = Math.max(aff(q), aff(twin));
			const basis: TopicBasis = {
				shared: twin !== undefined,
				affinity,
				declared:
					declared.has(q.question.id) || (twin !== undefined && declared.has(twin.question.id))
			};
			// Strictly better only: ties keep the first topic (module a first, then question order).
			if (best.topic === null || compareBases(basis, best.basis) < 0)
				best = { topic: q.question.topic, basis };
		}
	}
	return best;
}

/**
 * Suggests pairs among `modules` (the services concerned by the lever; the transversal module is
 * left out, it is the whole authority). Order: the topic's basis (shared by both questionnaires,
 * then affinity with the lever, then already declared), then the larger score gap (a service
 * ahead can show the way), then half-built links first, then MODULE_IDS order.
 */
export function pairsToBringTogether(
	lever: LeverId,
	modules: readonly ModuleId[],
	score: (m: ModuleId) => number | null,
	network: CooperationNetwork,
	index: QuestionnaireIndex
): PairSuggestion[] {
	const services = modules.filter((m) => m !== 'transversal').sort((x, y) => rank(x) - rank(y));
	const out: PairSuggestion[] = [];
	for (const [i, a] of services.entries())
		for (const b of services.slice(i + 1)) {
			const pair = pairOf(network, a, b);
			if (pair?.kind === 'reciprocated') continue;
			const declaredBy = pair?.declaredBy[0] ?? null;
			const to = declaredBy === a ? b : a;
			const link = network.links.find((l) => l.from === declaredBy && l.to === to);
			const declared = new Set(link?.via.map((v) => v.questionId));
			const { topic, basis } = bestTopic(a, b, lever, declared, index);
			const kind = pair ? 'reciprocate' : 'create';
			const scoreGap = Math.abs((score(a) ?? 0) - (score(b) ?? 0));
			out.push({ a, b, kind, declaredBy, topic, basis, scoreGap });
		}
	return out
		.sort(
			(x, y) =>
				compareBases(x.basis, y.basis) ||
				comparable(y.scoreGap) - comparable(x.scoreGap) ||
				Number(y.kind === 'reciprocate') - Number(x.kind === 'reciprocate') ||
				rank(x.a) - rank(y.a) ||
				rank(x.b) - rank(y.b)
		)
		.slice(0, MAX_PAIRS_PER_LEVER);
}
