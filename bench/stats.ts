/** Statistics and the figure type shared by the benchmarks of bench/*.bench.ts. */

/** One line of `npm run bench`. */
export interface Figure {
	name: string;
	median: number;
	p95?: number;
	budget: number;
	/** Which statistic the budget applies to. */
	on: 'median' | 'p95';
	unit?: string;
}

/** The q-quantile (0–1) of samples, nearest-rank. */
export function quantile(samples: number[], q: number): number {
	const sorted = [...samples].sort((a, b) => a - b);
	const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
	return sorted[i]!;
}

/** Times `fn` `runs` times after `warmup` runs; returns the samples in milliseconds. */
export function timeSync(fn: () => unknown, runs: number, warmup = 5): number[] {
	for (let i = 0; i < warmup; i++) fn();
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		fn();
		samples.push(performance.now() - t);
	}
	return samples;
}

/** A figure from samples: median and p95, judged on `on` (the median unless told). */
export function figure(
	name: string,
	samples: number[],
	budget: number,
	on: Figure['on'] = 'median'
): Figure {
	return { name, median: quantile(samples, 0.5), p95: quantile(samples, 0.95), budget, on };
}
