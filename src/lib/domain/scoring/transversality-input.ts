/**
 * What the transversality is made of and computed from, shared by its score
 * (transversality.ts) and its hints (transversality-hints.ts).
 */
import type { ModuleId } from '../content/questionnaire';
import type { QuestionnaireIndex } from '../content/questionnaire-index';
import type { CooperationNetwork, CooperationPair } from './cooperation';
import type { DiagnosticScores } from './scoring';

/**
 * The weights of the four components (method v2), in one place; they sum to 1. Cooperation
 * weighs most: working together is what transversality means in the source document.
 */
export const TRANSVERSALITY_WEIGHTS = {
	sharedLevers: 0.25,
	cooperation: 0.35,
	diffusion: 0.2,
	governance: 0.2
} as const;

/** One of the four components: leviers partagés, coopération, diffusion, gouvernance. */
export type TransversalityComponentId = keyof typeof TRANSVERSALITY_WEIGHTS;

/** The components in display order. */
export const TRANSVERSALITY_COMPONENTS = Object.keys(
	TRANSVERSALITY_WEIGHTS
) as TransversalityComponentId[];

/**
 * What a declared link is worth before practice: a link between two services that practise
 * nothing still counts a little (declaring is a first step), one between two services engaged on
 * every lever they share counts fully. value = base + (1 − base) × practice.
 */
export const LINK_BASE = 0.2;

/** What the transversality is computed from (all already derived by campaign.ts). */
export interface TransversalityInput {
	expected: readonly ModuleId[];
	/** The diagnostics that count, one per module. */
	scores: readonly DiagnosticScores[];
	/** Modules whose diagnostic that counts is complete. */
	complete: readonly ModuleId[];
	network: CooperationNetwork;
	index: QuestionnaireIndex;
}

/** A pair of services of the campaign that declared working together, with its worth. */
export interface PractisedPair extends CooperationPair {
	/** 0–1: the lower engagement of the two ends, averaged over the levers they share. */
	practice: number;
	/** What the pair adds to the cooperation: link weight × (base + (1 − base) × practice). */
	worth: number;
}
