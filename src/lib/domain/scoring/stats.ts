/** Small statistics shared by the scoring modules. */

/** Mean of the non-null values; null when there are none. */
export function meanOf(values: readonly (number | null)[]): number | null {
	let sum = 0;
	let n = 0;
	for (const v of values)
		if (v !== null) {
			sum += v;
			n++;
		}
	return n === 0 ? null : sum / n;
}

/**
 * Rounds to 1e-9 before comparing, so that two mathematically equal figures computed along
 * different paths tie (and the documented tie-break applies) instead of differing by float noise.
 */
export function comparable(x: number): number {
	return Math.round(x * 1e9) / 1e9;
}
