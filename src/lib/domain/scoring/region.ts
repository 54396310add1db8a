/**
 * Aggregation of many campaigns (e.g. the authorities of a region, or a network of them): where
 * they stand lever by lever, and how transversal they are.
 */
import type { CampaignScores } from './campaign';
import { LEVER_IDS, type LeverId } from '../content/questionnaire';
import { meanOf } from './stats';

/** One figure across campaigns; every number is 0–100 or null. */
export interface Spread {
	mean: number | null;
	min: number | null;
	max: number | null;
	/** Campaigns where the figure is evaluated. */
	evaluated: number;
}

/** The summary of a set of campaigns. */
export interface RegionSummary {
	campaigns: number;
	/** Spread of the campaigns' lever means. */
	levers: Record<LeverId, Spread>;
	transversality: Spread;
	meconnaissance: Spread;
}

/** Mean, min and max of the non-null values. */
export function spreadOf(values: readonly (number | null)[]): Spread {
	const known = values.filter((v): v is number => v !== null);
	return {
		mean: meanOf(known),
		min: known.length ? Math.min(...known) : null,
		max: known.length ? Math.max(...known) : null,
		evaluated: known.length
	};
}

/** Aggregates campaign scores; each campaign counts the same, whatever its size. */
export function aggregateCampaigns(scores: readonly CampaignScores[]): RegionSummary {
	return {
		campaigns: scores.length,
		levers: Object.fromEntries(
			LEVER_IDS.map((l) => [l, spreadOf(scores.map((s) => s.levers[l].mean))])
		) as Record<LeverId, Spread>,
		transversality: spreadOf(scores.map((s) => s.transversality.score)),
		meconnaissance: spreadOf(scores.map((s) => s.meconnaissance))
	};
}
