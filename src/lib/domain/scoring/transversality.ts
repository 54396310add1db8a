/**
 * Transversality of a campaign, 0–100, and its five components, each returned with its value,
 * its weight and a French sentence on what would raise it. Formulas: docs/methode.md.
 */
import { LEVER_IDS, type LeverId } from '../content/questionnaire';
import type { QuestionnaireIndex } from '../content/questionnaire-index';
import { ENGAGED_THRESHOLD } from './scoring';
import { evenness, meanOf } from './stats';
import { transversalityHints } from './transversality-hints';
import {
	TRANSVERSALITY_COMPONENTS,
	TRANSVERSALITY_WEIGHTS,
	type TransversalityComponentId,
	type TransversalityInput
} from './transversality-input';

export {
	TRANSVERSALITY_COMPONENTS,
	TRANSVERSALITY_WEIGHTS,
	type TransversalityComponentId,
	type TransversalityInput
} from './transversality-input';

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

/** Component values, without hints: see transversality() for the whole. */
function transversalityComponents(
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
