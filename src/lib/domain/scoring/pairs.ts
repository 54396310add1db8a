/**
 * Which services to bring together on a lever: pairs of services concerned by the lever whose
 * cooperation link is missing or declared by one side only, each with the topic to meet on.
 */
import { pairOf, type CooperationNetwork } from './cooperation';
import { MODULE_IDS, type LeverId, type ModuleId } from '../content/questionnaire';
import type {
	IndexedCooperationQuestion,
	QuestionnaireIndex
} from '../content/questionnaire-index';
import { comparable } from './stats';

/** At most this many pairs are suggested per lever. */
const MAX_PAIRS_PER_LEVER = 3;

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
function compareBases(x: TopicBasis, y: TopicBasis): number {
	return (
		Number(y.shared) - Number(x.shared) ||
		comparable(y.affinity) - comparable(x.affinity) ||
		Number(y.declared) - Number(x.declared)
	);
}

/** A topic two services could meet on, independent of the lever. */
interface TopicCandidate {
	topic: string;
	shared: boolean;
	declared: boolean;
	/** The questions asking about it, in either module. */
	questions: IndexedCooperationQuestion[];
}

/** A pair of services whose link is missing or one-sided, with its possible topics. */
export interface PairCandidate {
	a: ModuleId;
	b: ModuleId;
	kind: PairSuggestion['kind'];
	declaredBy: ModuleId | null;
	topics: TopicCandidate[];
}

/**
 * The pairs of the network's services that are not reciprocated, computed once per campaign;
 * topics in the order module a's questions, then b's (a topic both ask about is listed once).
 */
export function pairCandidates(
	network: CooperationNetwork,
	index: QuestionnaireIndex
): PairCandidate[] {
	const out: PairCandidate[] = [];
	for (const [i, a] of network.services.entries())
		for (const b of network.services.slice(i + 1)) {
			const pair = pairOf(network, a, b);
			if (pair?.kind === 'reciprocated') continue;
			const declaredBy = pair?.declaredBy[0] ?? null;
			const to = declaredBy === a ? b : a;
			const link = network.links.find((l) => l.from === declaredBy && l.to === to);
			const declared = new Set(link?.via.map((v) => v.questionId));
			const topics = new Map<string, TopicCandidate & { modules: ModuleId[] }>();
			for (const m of [a, b])
				for (const q of index.modules.get(m)?.cooperationList ?? []) {
					const t = topics.get(q.question.topic) ?? {
						topic: q.question.topic,
						shared: false,
						declared: false,
						questions: [],
						modules: []
					};
					if (!t.modules.includes(m)) t.modules.push(m);
					t.shared = t.modules.length === 2;
					t.declared ||= declared.has(q.question.id);
					t.questions.push(q);
					topics.set(q.question.topic, t);
				}
			const kind = pair ? 'reciprocate' : 'create';
			out.push({ a, b, kind, declaredBy, topics: [...topics.values()] });
		}
	return out;
}

function bestTopic(
	candidate: PairCandidate,
	lever: LeverId
): Pick<PairSuggestion, 'topic' | 'basis'> {
	let best: Pick<PairSuggestion, 'topic' | 'basis'> = {
		topic: null,
		basis: { shared: false, affinity: 0, declared: false }
	};
	for (const t of candidate.topics) {
		let affinity = 0;
		for (const q of t.questions) affinity = Math.max(affinity, q.levers.get(lever) ?? 0);
		const basis = { shared: t.shared, affinity, declared: t.declared };
		// Strictly better only: ties keep the first topic (module a first, then question order).
		if (best.topic === null || compareBases(basis, best.basis) < 0)
			best = { topic: t.topic, basis };
	}
	return best;
}

/**
 * Suggests pairs among `modules` (the services concerned by the lever; the transversal module is
 * never a candidate, it is the whole authority). Order: the topic's basis (shared by both
 * questionnaires, then affinity with the lever, then already declared), then the larger score gap
 * (a service ahead can show the way), then half-built links first, then MODULE_IDS order.
 */
export function pairsToBringTogether(
	lever: LeverId,
	modules: readonly ModuleId[],
	score: (m: ModuleId) => number | null,
	candidates: readonly PairCandidate[]
): PairSuggestion[] {
	const out: PairSuggestion[] = [];
	for (const c of candidates) {
		if (!modules.includes(c.a) || !modules.includes(c.b)) continue;
		const scoreGap = Math.abs((score(c.a) ?? 0) - (score(c.b) ?? 0));
		out.push({
			a: c.a,
			b: c.b,
			kind: c.kind,
			declaredBy: c.declaredBy,
			...bestTopic(c, lever),
			scoreGap
		});
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
