/**
 * Transversality of a campaign, 0–100, and its five components, each returned with its value,
 * its weight and a French sentence on what would raise it. Formulas: docs/methode.md.
 */
import type { CooperationNetwork } from './cooperation';
import { LEVER_IDS, type LeverId, type ModuleId } from '../content/questionnaire';
import type { QuestionnaireIndex } from '../content/questionnaire-index';
import { ENGAGED_THRESHOLD, type DiagnosticScores } from './scoring';
import { evenness, meanOf } from './stats';
import { transversalityHints } from './transversality-hints';

/** The weights of the five components, in one place; they sum to 1. */
export const TRANSVERSALITY_WEIGHTS = {
	coverage: 0.15,
	cooperation: 0.25,
	sharedLevers: 0.25,
	governance: 0.2,
	balance: 0.15
} as const;

/** One of the five components: couverture, coopération, leviers partagés, gouvernance, équilibre. */
export type TransversalityComponentId = keyof typeof TRANSVERSALITY_WEIGHTS;

/** The components in display order. */
export const TRANSVERSALITY_COMPONENTS = Object.keys(
	TRANSVERSALITY_WEIGHTS
) as TransversalityComponentId[];

/** One component as the interface shows it. */
export interface TransversalityComponent {
	id: TransversalityComponentId;
	/** 0–100, or null when it cannot be measured (shown as such; counts 0 in the score). */
	value: number | null;
	weight: number;
	/** What would raise it, in French, naming the services or levers concerned. */
	hint: string;
}

/** The transversality score and its components. */
export interface Transversality {
	/**
	 * Weighted mean of the components, a null component counting 0, except gouvernance when the
	 * campaign has no transversal module (its weight is then spread over the others); null when
	 * `reason` says why.
	 */
	score: number | null;
	reason: 'single-service' | 'no-scores' | null;
	components: Record<TransversalityComponentId, TransversalityComponent>;
}

/** What the transversality is computed from (all already derived by campaign.ts). */
export interface TransversalityInput {
	expected: readonly ModuleId[];
	/** The diagnostics that count, one per module. */
	scores: readonly DiagnosticScores[];
	/** Modules whose diagnostic that counts is complete. */
	complete: readonly ModuleId[];
	network: CooperationNetwork;
}

/** Component values, without hints: see transversality() for the whole. */
export function transversalityComponents(
	input: TransversalityInput
): Record<TransversalityComponentId, number | null> {
	const { expected, scores, complete, network } = input;
	const byModule = new Map(scores.map((s) => [s.moduleId, s]));
	const services = network.services;
	const coverage =
		expected.length === 0
			? null
			: (100 * expected.filter((m) => complete.includes(m)).length) / expected.length;
	const shares: (number | null)[] = LEVER_IDS.map((lever: LeverId) => {
		const evaluated = services
			.map((m) => byModule.get(m)?.levers[lever].score ?? null)
			.filter((s): s is number => s !== null);
		if (evaluated.length === 0) return null;
		return (100 * evaluated.filter((s) => s >= ENGAGED_THRESHOLD).length) / evaluated.length;
	});
	const governance = !expected.includes('transversal')
		? null
		: byModule.has('transversal')
			? (byModule.get('transversal')?.maturity ?? null)
			: 0;
	return {
		coverage,
		cooperation: network.density,
		sharedLevers: meanOf(shares),
		governance,
		balance: evenness(services.map((m) => byModule.get(m)?.maturity ?? 0))
	};
}

/** Transversality of a campaign: the five components and their weighted mean. */
export function transversality(
	input: TransversalityInput,
	index: QuestionnaireIndex
): Transversality {
	const values = transversalityComponents(input);
	const hints = transversalityHints(input, values, index);
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
	// A component not measured for lack of answers counts 0: skipping questions must not raise the
	// score. Only gouvernance without a transversal module in the campaign is left out.
	let sum = 0;
	let weights = 0;
	for (const id of TRANSVERSALITY_COMPONENTS) {
		if (id === 'governance' && !input.expected.includes('transversal')) continue;
		sum += TRANSVERSALITY_WEIGHTS[id] * (values[id] ?? 0);
		weights += TRANSVERSALITY_WEIGHTS[id];
	}
	return { score: reason || weights === 0 ? null : sum / weights, reason, components };
}
