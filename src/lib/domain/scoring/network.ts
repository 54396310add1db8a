/**
 * A network of authorities (a region's hub, issue 15): where one campaign sits against the
 * others, lever by lever and in transversality, and the anonymous labels the page shows by
 * default. Anonymity is only in what is shown: whoever reads the hub reads the names.
 */
import { LEVER_IDS, type LeverId } from '../content/questionnaire';
import type { CampaignFigures } from './figures';
import { spreadOf } from './region';
import { comparable } from './stats';

/** Where a campaign's figure sits against the median of the evaluated campaigns. */
export type MedianSide = 'above' | 'at' | 'below';

/** One figure of one campaign against the same figure of every campaign. */
export interface FigurePosition {
	/** The campaign's figure (0–100), null when it is not evaluated. */
	value: number | null;
	/**
	 * 1 for the highest; equal figures share the best rank (1, 2, 2, 4). Null when not evaluated.
	 */
	rank: number | null;
	/** Campaigns where the figure is evaluated (this one included). */
	evaluated: number;
	/** Share of the evaluated campaigns whose figure is strictly lower, 0–100. */
	percentile: number | null;
	median: number | null;
	side: MedianSide | null;
}

/** A campaign's position on every lever and in transversality. */
export interface CampaignPosition {
	levers: Record<LeverId, FigurePosition>;
	transversality: FigurePosition;
}

/** The position of `values[index]` among `values` (nulls are campaigns not evaluated). */
export function positionAmong(values: readonly (number | null)[], index: number): FigurePosition {
	const median = spreadOf(values).median;
	const raw = values[index] ?? null;
	const known = values.filter((v): v is number => v !== null);
	if (raw === null)
		return {
			value: null,
			rank: null,
			evaluated: known.length,
			percentile: null,
			median,
			side: null
		};
	// Compared after rounding to 1e-9, so that equal figures computed along different paths tie.
	const value = comparable(raw);
	let higher = 0;
	let lower = 0;
	for (const v of known) {
		const c = comparable(v);
		if (c > value) higher++;
		else if (c < value) lower++;
	}
	const m = median === null ? value : comparable(median);
	return {
		value: raw,
		rank: higher + 1,
		evaluated: known.length,
		percentile: (100 * lower) / known.length,
		median,
		side: value > m ? 'above' : value < m ? 'below' : 'at'
	};
}

/** Where the campaign at `index` of `scores` sits against all of them, lever by lever. */
export function campaignPosition(
	scores: readonly CampaignFigures[],
	index: number
): CampaignPosition {
	return {
		levers: Object.fromEntries(
			LEVER_IDS.map((l) => [
				l,
				positionAmong(
					scores.map((s) => s.levers[l].mean),
					index
				)
			])
		) as Record<LeverId, FigurePosition>,
		transversality: positionAmong(
			scores.map((s) => s.transversality.score),
			index
		)
	};
}

/** 32-bit FNV-1a of a text's UTF-16 code units: a stable order with nothing of the names in it. */
export function fnv1a(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h;
}

/**
 * The campaign ids in the order the anonymous labels are given: by the hash of the id (then the
 * id, for the unlikely equal hashes), so that neither names nor the order of arrival show.
 */
export function anonymousOrder(ids: readonly string[]): string[] {
	return [...ids]
		.map((id) => ({ id, h: fnv1a(id) }))
		.sort((a, b) => a.h - b.h || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
		.map((x) => x.id);
}

/** « Collectivité 1 », « Collectivité 2 »… by campaign id; the Map iterates in that order. */
export function anonymousLabels(ids: readonly string[]): Map<string, string> {
	return new Map(anonymousOrder(ids).map((id, i) => [id, `Collectivité ${i + 1}`]));
}

/** The French phrase of a side of the median. */
export const MEDIAN_SIDE_LABELS: Record<MedianSide, string> = {
	above: 'au-dessus de la médiane',
	at: 'à la médiane',
	below: 'au-dessous de la médiane'
};
