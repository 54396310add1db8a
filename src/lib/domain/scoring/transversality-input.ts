/**
 * What the transversality is made of and computed from, shared by its score
 * (transversality.ts) and its hints (transversality-hints.ts).
 */
import type { ModuleId } from '../content/questionnaire';
import type { CooperationNetwork } from './cooperation';
import type { DiagnosticScores } from './scoring';

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

/** What the transversality is computed from (all already derived by campaign.ts). */
export interface TransversalityInput {
	expected: readonly ModuleId[];
	/** The diagnostics that count, one per module. */
	scores: readonly DiagnosticScores[];
	/** Modules whose diagnostic that counts is complete. */
	complete: readonly ModuleId[];
	network: CooperationNetwork;
}
