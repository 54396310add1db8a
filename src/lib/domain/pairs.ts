/**
 * Which services to bring together on a lever: pairs of services concerned by the lever whose
 * cooperation link is missing or declared by one side only.
 */
import type { CooperationNetwork } from './cooperation';
import { pairOf } from './cooperation';
import { MODULE_IDS, type LeverId, type ModuleId } from './questionnaire';
import type { QuestionnaireIndex } from './questionnaire-index';
import { comparable } from './stats';

/** At most this many pairs are suggested per lever. */
export const MAX_PAIRS_PER_LEVER = 3;

/** A pair of services to bring together; `a` precedes `b` in MODULE_IDS. */
export interface PairSuggestion {
	a: ModuleId;
	b: ModuleId;
	/** create: neither declares the other; reciprocate: only `declaredBy` does. */
	kind: 'create' | 'reciprocate';
	declaredBy: ModuleId | null;
	/** A cooperation topic tied to the lever (declared, else asked in either module), or null. */
	topic: string | null;
	/** |score of a − score of b| on the lever, 0–100 (a module without score counts 0). */
	scoreGap: number;
}

const rank = (m: ModuleId) => MODULE_IDS.indexOf(m);

/**
 * Suggests pairs among `modules` (the services concerned by the lever; the transversal module is
 * left out, it is the whole authority). Order: a topic tied to the lever first, then the larger
 * score gap (a service ahead can show the way), then half-built links, then MODULE_IDS order.
 */
export function pairsToBringTogether(
	lever: LeverId,
	modules: readonly ModuleId[],
	score: (m: ModuleId) => number | null,
	network: CooperationNetwork,
	index: QuestionnaireIndex
): PairSuggestion[] {
	const services = [...modules]
		.filter((m) => m !== 'transversal')
		.sort((x, y) => rank(x) - rank(y));
	const tied = (m: ModuleId, questionId: string) =>
		index.modules.get(m)?.cooperation.get(questionId)?.levers.has(lever) ?? false;
	const asked = (m: ModuleId) =>
		[...(index.modules.get(m)?.cooperation.values() ?? [])].find((q) => q.levers.has(lever))
			?.question.topic;
	const out: { suggestion: PairSuggestion; tied: boolean }[] = [];
	for (const [i, a] of services.entries())
		for (const b of services.slice(i + 1)) {
			const pair = pairOf(network, a, b);
			if (pair?.kind === 'reciprocated') continue;
			const declaredBy = pair?.declaredBy[0] ?? null;
			const other = declaredBy === a ? b : a;
			const declared =
				network.links.find((l) => l.from === declaredBy && l.to === other)?.via ?? [];
			const tiedDeclared = declared.find(
				(v) => declaredBy !== null && tied(declaredBy, v.questionId)
			);
			const topic = tiedDeclared?.topic ?? asked(a) ?? asked(b) ?? declared[0]?.topic ?? null;
			const kind = pair ? 'reciprocate' : 'create';
			const scoreGap = Math.abs((score(a) ?? 0) - (score(b) ?? 0));
			out.push({
				suggestion: { a, b, kind, declaredBy, topic, scoreGap },
				tied: tiedDeclared !== undefined || asked(a) !== undefined || asked(b) !== undefined
			});
		}
	return out
		.sort(
			(x, y) =>
				Number(y.tied) - Number(x.tied) ||
				comparable(y.suggestion.scoreGap) - comparable(x.suggestion.scoreGap) ||
				Number(y.suggestion.kind === 'reciprocate') - Number(x.suggestion.kind === 'reciprocate') ||
				rank(x.suggestion.a) - rank(y.suggestion.a) ||
				rank(x.suggestion.b) - rank(y.suggestion.b)
		)
		.slice(0, MAX_PAIRS_PER_LEVER)
		.map((x) => x.suggestion);
}
