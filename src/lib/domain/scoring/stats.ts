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
 * Evenness of non-negative values, 0–100: 100 × (1 − normalised Gini), where the normalised
 * Gini is Σ_{i<j} |xᵢ − xⱼ| / ((n − 1) × Σ x). 100 when all values are equal, 0 when one value
 * holds everything. Null with fewer than two values or when all are 0 (nothing to spread).
 */
export function evenness(values: readonly number[]): number | null {
	const n = values.length;
	const total = values.reduce((s, x) => s + x, 0);
	if (n < 2 || total <= 0) return null;
	// Sorting makes Σ|xᵢ − xⱼ| linear: Σᵢ (2i − n + 1) xᵢ over the ascending values.
	const sorted = [...values].sort((a, b) => a - b);
	let pairwise = 0;
	sorted.forEach((x, i) => (pairwise += (2 * i - n + 1) * x));
	const gini = pairwise / ((n - 1) * total);
	return Math.min(100, Math.max(0, 100 * (1 - gini)));
}

/**
 * Rounds to 1e-9 before comparing, so that two mathematically equal figures computed along
 * different paths tie (and the documented tie-break applies) instead of differing by float noise.
 */
export function comparable(x: number): number {
	return Math.round(x * 1e9) / 1e9;
}
