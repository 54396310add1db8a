import { describe, expect, it } from 'vitest';
import { effectiveLineage, isAncestor, isConsistentLineage, relate } from './lineage';

const c = (device: string, revision: number) => ({ device, revision });

describe('effectiveLineage', () => {
	it('adds this device’s changes as one checkpoint, merged into its own last one', () => {
		expect(effectiveLineage([], 0, 'A')).toEqual([]);
		expect(effectiveLineage([], 5, 'A')).toEqual([c('A', 5)]);
		expect(effectiveLineage([c('A', 5)], 5, 'B')).toEqual([c('A', 5)]);
		expect(effectiveLineage([c('A', 5)], 8, 'B')).toEqual([c('A', 5), c('B', 8)]);
		expect(effectiveLineage([c('A', 5), c('B', 8)], 9, 'B')).toEqual([c('A', 5), c('B', 9)]);
	});
});

describe('relate', () => {
	it('the same history is the same copy', () => {
		expect(relate([c('A', 5)], [c('A', 5)])).toBe('same');
	});

	it('a service head exporting twice: the second file is newer, the first older', () => {
		expect(relate([c('A', 20)], [c('A', 25)])).toBe('newer');
		expect(relate([c('A', 25)], [c('A', 20)])).toBe('older');
	});

	it('a copy changed by another device after this one is newer; this one’s own is older', () => {
		expect(relate([c('A', 5)], [c('A', 5), c('B', 9)])).toBe('newer');
		expect(relate([c('A', 5), c('B', 9)], [c('A', 5)])).toBe('older');
		expect(relate([], [c('A', 3)])).toBe('newer');
	});

	it('both sides changed since their common point: diverged, even with a higher revision', () => {
		// B took A's copy at 5 and went to 9; meanwhile A went on to 7.
		expect(relate([c('A', 7)], [c('A', 5), c('B', 9)])).toBe('diverged');
		expect(relate([c('A', 5), c('C', 6)], [c('A', 5), c('B', 9)])).toBe('diverged');
	});

	it('a copy settled in favour of a file, then changed, is not an ancestor of the discarded one', () => {
		const discarded = [c('P', 3), c('B', 17)];
		const settled = [c('P', 3), c('B', 12), c('C', 20), c('B', 21)];
		expect(isAncestor(discarded, settled)).toBe(false);
		expect(relate(discarded, settled)).toBe('diverged');
	});
});

describe('isConsistentLineage', () => {
	it('wants strictly growing revisions ending at the revision', () => {
		expect(isConsistentLineage([], 0)).toBe(true);
		expect(isConsistentLineage([], 3)).toBe(false);
		expect(isConsistentLineage([c('A', 2), c('B', 5)], 5)).toBe(true);
		expect(isConsistentLineage([c('A', 5), c('B', 5)], 5)).toBe(false);
		expect(isConsistentLineage([c('A', 2)], 5)).toBe(false);
	});
});
