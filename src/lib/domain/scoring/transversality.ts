/**
 * Transversality of a campaign, 0–100, and its four components (method v2), each returned with
 * its value, its weight and a French sentence on what would raise it. Every component counts
 * practice, not form-filling: what is at least « Engagé ». Formulas: docs/methode.md.
 */
import { LEVER_IDS, type LeverId, type ModuleId } from '../content/questionnaire';
import { linkWeight, type CooperationPair } from './cooperation';
import { meanOf } from './stats';
import { transversalityHints } from './transversality-hints';
import {
	LINK_BASE,
	TRANSVERSALITY_COMPONENTS,
	type PractisedPair,
	TRANSVERSALITY_WEIGHTS,
	type TransversalityComponentId,
	type TransversalityInput
} from './transversality-input';

export {
	type PractisedPair,
	TRANSVERSALITY_COMPONENTS,
	TRANSVERSALITY_WEIGHTS,
	type TransversalityComponentId,
	type TransversalityInput
} from './transversality-input';

/** One component as the interface shows it. */
export interface TransversalityComponent {
	id: TransversalityComponentId;
	/** 0–100, or null when it cannot be measured (shown « non mesurée »; counts 0 in the score). */
	value: number | null;
	weight: number;
	/** What would raise it, in French, naming the services or levers concerned. */
	hint: string;
}

/** What the transversality rests on, shown with it. */
export interface TransversalityBasis {
	/** Expected services (the transversal module apart). */
	services: number;
	/** Of those, with a diagnostic that counts, complete, and with reliable scores. */
	answered: number;
	complete: number;
	reliable: number;
	/** Whether the transversal steering module is expected, and answered. */
	governanceExpected: boolean;
	governanceAnswered: boolean;
}

/** The transversality score and its components. */
export interface Transversality {
	/**
	 * Weighted sum of the components, a component not measured counting 0 (skipping questions
	 * never raises the score); null when `reason` says why.
	 */
	score: number | null;
	/** The highest score the measured components allow: 100, or less when `partial`. */
	maximum: number;
	/** Whether a component is not measured (the score is then shown as partial, « sur 80 »). */
	partial: boolean;
	reason: 'single-service' | 'no-scores' | null;
	components: Record<TransversalityComponentId, TransversalityComponent>;
	pairs: PractisedPair[];
	basis: TransversalityBasis;
}

/** Engagement lookups shared by the components: a service without diagnostic shows nothing (0). */
function engagements(input: TransversalityInput) {
	const byModule = new Map(input.scores.map((s) => [s.moduleId, s]));
	const lever = (m: ModuleId, l: LeverId): number | null => {
		const s = byModule.get(m);
		if (s) return s.levers[l].engagement;
		return input.index.modules.get(m)?.byLever.has(l) ? 0 : null;
	};
	const service = (m: ModuleId): number => byModule.get(m)?.engagement ?? 0;
	return { byModule, lever, service };
}

/** The practice of a pair: min of both ends' engagement, averaged over the levers they share. */
function pairPractice(a: ModuleId, b: ModuleId, view: EngagementView): number {
	let sum = 0;
	let n = 0;
	for (const l of LEVER_IDS) {
		const x = view.lever(a, l);
		const y = view.lever(b, l);
		if (x === null || y === null) continue;
		sum += Math.min(x, y);
		n++;
	}
	return n === 0 ? Math.min(view.service(a), view.service(b)) : sum / n;
}

/** The engagements the components read, from a campaign's scores or from its figures. */
export interface EngagementView {
	/** Expected services (the transversal module apart), in MODULE_IDS order. */
	services: readonly ModuleId[];
	/** 0–1 on a lever, 0 for a service without diagnostic, null when its module lacks the lever. */
	lever(m: ModuleId, l: LeverId): number | null;
	/** 0–1 over its scale questions, 0 without diagnostic or applicable question. */
	service(m: ModuleId): number;
}

/**
 * The four component values and the practised pairs: `pairs` are the network's pairs (any
 * module), `measured` whether the network's density is measured, `steering` the engagement of the
 * steering module when it is expected and answered. Shared by the full scores and the figures.
 */
export function componentValues<P extends Pick<CooperationPair, 'a' | 'b' | 'kind'>>(
	view: EngagementView,
	networkPairs: readonly P[],
	measured: boolean,
	steering: number | null
) {
	const { services } = view;
	const perLever = LEVER_IDS.map((l) => {
		let sum = 0;
		let n = 0;
		for (const m of services) {
			const x = view.lever(m, l);
			if (x === null) continue;
			sum += x;
			n++;
		}
		return n < 2 ? null : sum / n;
	});
	const shared = meanOf(perLever);
	const pairs = networkPairs
		.filter((p) => services.includes(p.a) && services.includes(p.b))
		.map((p) => {
			const practice = pairPractice(p.a, p.b, view);
			const weight = linkWeight(p.kind);
			return { ...p, practice, worth: weight * (LINK_BASE + (1 - LINK_BASE) * practice) };
		});
	const possible = (services.length * (services.length - 1)) / 2;
	const cooperation =
		!measured || possible === 0 ? null : (100 * pairs.reduce((s, p) => s + p.worth, 0)) / possible;
	const diffusion =
		services.length === 0
			? null
			: (100 * services.reduce((s, m) => s + Math.min(1, 2 * view.service(m)), 0)) /
				services.length;
	const values: Record<TransversalityComponentId, number | null> = {
		sharedLevers: shared === null ? null : 100 * shared,
		cooperation,
		diffusion,
		governance: steering === null ? null : 100 * steering
	};
	return { values, pairs };
}

/** The weighted sum of the components (a component not measured counts 0) and its maximum. */
export function weightedSum(values: Record<TransversalityComponentId, number | null>) {
	let sum = 0;
	let maximum = 0;
	for (const id of TRANSVERSALITY_COMPONENTS) {
		sum += TRANSVERSALITY_WEIGHTS[id] * (values[id] ?? 0);
		if (values[id] !== null) maximum += 100 * TRANSVERSALITY_WEIGHTS[id];
	}
	return { sum, maximum };
}

/** Component values, the practised pairs and the basis, without hints. */
function measure(input: TransversalityInput) {
	const { expected, complete, network } = input;
	const { byModule, lever, service } = engagements(input);
	const services = network.services;
	const steering = byModule.get('transversal');
	const { values, pairs } = componentValues(
		{ services, lever, service },
		network.pairs,
		network.density !== null,
		expected.includes('transversal') ? (steering?.engagement ?? null) : null
	);
	const basis: TransversalityBasis = {
		services: services.length,
		answered: services.filter((m) => byModule.has(m)).length,
		complete: services.filter((m) => complete.includes(m)).length,
		reliable: services.filter((m) => byModule.get(m)?.reliability === 'ok').length,
		governanceExpected: expected.includes('transversal'),
		governanceAnswered: steering !== undefined
	};
	return { values, pairs: pairs as PractisedPair[], basis };
}

/** Transversality of a campaign: the four components and their weighted sum. */
export function transversality(input: TransversalityInput): Transversality {
	const { values, pairs, basis } = measure(input);
	const hints = transversalityHints(input, values, pairs);
	const components = Object.fromEntries(
		TRANSVERSALITY_COMPONENTS.map((id) => [
			id,
			{ id, value: values[id], weight: TRANSVERSALITY_WEIGHTS[id], hint: hints[id] }
		])
	) as Record<TransversalityComponentId, TransversalityComponent>;
	const reason =
		input.network.services.length < 2
			? 'single-service'
			: input.scores.every((s) => s.maturity === null)
				? 'no-scores'
				: null;
	const { sum, maximum } = weightedSum(values);
	return {
		score: reason ? null : sum,
		maximum,
		partial: maximum < 100 - 1e-9,
		reason,
		components,
		pairs,
		basis
	};
}
