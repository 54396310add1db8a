/**
 * A small seeded pseudo-random generator, so that generated data (the example campaign, the
 * benchmark region) is the same on every run and every device.
 */

/** A function returning numbers in [0, 1), like Math.random, but reproducible. */
export type Random = () => number;

/**
 * mulberry32: 32-bit state, good enough spread for test data, not for anything secret.
 * The same seed always yields the same sequence.
 */
export function seededRandom(seed: number): Random {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Picks one element of a non-empty list. */
export function pick<T>(random: Random, items: readonly T[]): T {
	const item = items[Math.floor(random() * items.length)];
	if (item === undefined) throw new Error('pick: liste vide');
	return item;
}
