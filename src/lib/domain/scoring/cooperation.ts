/**
 * The cooperation network of a campaign: who declares working with whom, on which topic, and
 * whether the other side says so too.
 */
import type { DiagnosticWithAnswers } from '../answers';
import { indexQuestionnaire, type Questionnaire } from '../content/questionnaire-index';
import { MODULE_IDS, type ModuleId } from '../content/questionnaire';
import { externalPartnerLinks, type ExternalPartnerLink } from './external-partners';

/**
 * What a reciprocated and a one-sided link weigh (a missing link weighs 0), in the declared
 * density and in the transversality's cooperation.
 */
export const LINK_WEIGHTS = { reciprocated: 1, oneSided: 0.5 } as const;

/** The weight of a pair's link. */
export function linkWeight(kind: 'reciprocated' | 'one-sided'): number {
	return kind === 'reciprocated' ? LINK_WEIGHTS.reciprocated : LINK_WEIGHTS.oneSided;
}

/** One cooperation question through which a service declared a partner. */
export interface Declaration {
	questionId: string;
	topic: string;
}

/** A directed link: `from` declares working with `to`, through these questions. */
export interface CooperationLink {
	from: ModuleId;
	to: ModuleId;
	via: Declaration[];
}

/** An undirected pair of modules with at least one declaration; `a` precedes `b` in MODULE_IDS. */
export interface CooperationPair {
	a: ModuleId;
	b: ModuleId;
	kind: 'reciprocated' | 'one-sided';
	/** Who declared the link: both modules, or the single one for a one-sided link. */
	declaredBy: ModuleId[];
	/** Topics of the declarations, deduplicated, in declaration order. */
	topics: string[];
}

/**
 * The network, and its density over the services the campaign expects. Links and pairs join
 * modules only: the partners beyond the modules are listed apart (`external`) and never counted.
 */
export interface CooperationNetwork {
	/** Expected service modules (the transversal module excluded), in MODULE_IDS order. */
	services: ModuleId[];
	links: CooperationLink[];
	pairs: CooperationPair[];
	/** The partners beyond the modules each service names: shown, never counted. */
	external: ExternalPartnerLink[];
	/** Modules that answered at least one cooperation question (an empty list is an answer). */
	respondents: ModuleId[];
	/**
	 * 0–100: Σ link weights / number of pairs of expected services; null with fewer than two
	 * services or when no expected service answered a cooperation question. Links with the
	 * transversal module are listed but not counted.
	 */
	density: number | null;
}

const rank = (id: ModuleId) => MODULE_IDS.indexOf(id);

/** Builds the network from the cooperation answers of the diagnostics that count. */
export function cooperationNetwork(
	expected: readonly ModuleId[],
	counted: readonly DiagnosticWithAnswers[],
	questionnaire: Questionnaire
): CooperationNetwork {
	const index = indexQuestionnaire(questionnaire);
	const links = new Map<string, CooperationLink>();
	const respondents = new Set<ModuleId>();
	for (const d of [...counted].sort((x, y) => rank(x.moduleId) - rank(y.moduleId))) {
		const questions = [...(index.modules.get(d.moduleId)?.cooperation.values() ?? [])];
		for (const { question } of questions) {
			const value = d.answers[question.id]?.value;
			if (!Array.isArray(value)) continue;
			// Any list is an answer, « Aucun service » or external partners only included.
			respondents.add(d.moduleId);
			// Modules only: an external partner has no questionnaire to confirm the link.
			for (const to of MODULE_IDS) {
				if (to === d.moduleId || !value.includes(to)) continue;
				const key = `${d.moduleId}>${to}`;
				const link = links.get(key) ?? { from: d.moduleId, to, via: [] };
				link.via.push({ questionId: question.id, topic: question.topic });
				links.set(key, link);
			}
		}
	}
	const sorted = [...links.values()].sort(
		(x, y) => rank(x.from) - rank(y.from) || rank(x.to) - rank(y.to)
	);
	const pairs: CooperationPair[] = [];
	for (const a of MODULE_IDS)
		for (const b of MODULE_IDS) {
			if (rank(a) >= rank(b)) continue;
			const ab = links.get(`${a}>${b}`);
			const ba = links.get(`${b}>${a}`);
			if (!ab && !ba) continue;
			const topics = [...new Set([...(ab?.via ?? []), ...(ba?.via ?? [])].map((v) => v.topic))];
			const declaredBy = [ab ? a : null, ba ? b : null].filter((m): m is ModuleId => m !== null);
			pairs.push({ a, b, kind: ab && ba ? 'reciprocated' : 'one-sided', declaredBy, topics });
		}
	const services = MODULE_IDS.filter((id) => id !== 'transversal' && expected.includes(id));
	const possible = (services.length * (services.length - 1)) / 2;
	let weight = 0;
	for (const p of pairs)
		if (services.includes(p.a) && services.includes(p.b)) weight += linkWeight(p.kind);
	const measured = possible > 0 && services.some((m) => respondents.has(m));
	return {
		services,
		links: sorted,
		pairs,
		external: externalPartnerLinks(counted, index),
		respondents: MODULE_IDS.filter((m) => respondents.has(m)),
		density: measured ? (100 * weight) / possible : null
	};
}

/** The pair of two modules, in either order, or undefined when neither declared the other. */
export function pairOf(
	network: CooperationNetwork,
	x: ModuleId,
	y: ModuleId
): CooperationPair | undefined {
	return network.pairs.find((p) => (p.a === x && p.b === y) || (p.a === y && p.b === x));
}
