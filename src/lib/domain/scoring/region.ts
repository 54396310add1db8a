/**
 * Aggregation of many campaigns (e.g. the authorities of a region, or a network of them): where
 * they stand lever by lever, and how transversal they are.
 */
import type { CampaignFigures } from './figures';
import { LEVER_IDS, type LeverId } from '../content/questionnaire';
import { meanOf } from './stats';

/** One figure across campaigns; every number is 0–100 or null. */
export interface Spread {
	mean: number | null;
	min: number | null;
	max: number | null;
	/** Median and quartiles, interpolated between ranks (as a spreadsheet's QUARTILE.INC). */
	median: number | null;
	q1: number | null;
	q3: number | null;
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

/**
 * The q-quantile (0–1) of values sorted in increasing order, interpolated linearly between the
 * two nearest ranks (R's type 7, a spreadsheet's QUARTILE.INC); null when there are none.
 */
export function quantileOf(sorted: readonly number[], q: number): number | null {
	if (sorted.length === 0) return null;
	const at = (sorted.length - 1) * q;
	const low = Math.floor(at);
	const below = sorted[low]!;
	const above = sorted[Math.min(sorted.length - 1, low + 1)]!;
	return below + (above - below) * (at - low);
}

/** Mean, min, max, median and quartiles of the non-null values. */
export function spreadOf(values: readonly (number | null)[]): Spread {
	const known = values.filter((v): v is number => v !== null);
	const sorted = [...known].sort((a, b) => a - b);
	return {
		mean: meanOf(known),
		min: sorted[0] ?? null,
		max: sorted[sorted.length - 1] ?? null,
		median: quantileOf(sorted, 0.5),
		q1: quantileOf(sorted, 0.25),
		q3: quantileOf(sorted, 0.75),
		evaluated: known.length
	};
}

/**
 * Aggregates campaigns (their figures, or their full scores); each counts the same, whatever its
 * size.
 */
export function aggregateCampaigns(scores: readonly CampaignFigures[]): RegionSummary {
	return {
		campaigns: scores.length,
		levers: Object.fromEntries(
			LEVER_IDS.map((l) => [l, spreadOf(scores.map((s) => s.levers[l].mean))])
		) as Record<LeverId, Spread>,
		transversality: spreadOf(scores.map((s) => s.transversality.score)),
		meconnaissance: spreadOf(scores.map((s) => s.meconnaissance))
	};
}
