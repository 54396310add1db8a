import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Checkpoint } from '../answers';
import { LINEAGE_KEPT, SANE_REVISION } from './limits';
import {
	compactLineage,
	effectiveLineage,
	isAncestor,
	isConsistentLineage,
	partialHistory,
	relate
} from './lineage';

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

describe('partial copies', () => {
	it('a copy stored with less than A’s state is never newer than it, even once edited', () => {
		const cut = partialHistory([c('A', 5)], 5, () => 'x');
		expect(cut).toEqual({ revision: 6, lineage: [c('A', 5), c('partial_x', 6)] });
		const edited = effectiveLineage(cut.lineage, 7, 'B');
		expect(relate([c('A', 5)], cut.lineage)).toBe('diverged');
		expect(relate([c('A', 5)], edited)).toBe('diverged');
		expect(relate([c('A', 3)], edited)).toBe('diverged');
		expect(relate([], edited)).toBe('diverged');
		// Its own later edits stay newer than it.
		expect(relate(cut.lineage, edited)).toBe('newer');
	});

	it('at the revision bound the partial copy starts a fresh history', () => {
		expect(partialHistory([c('A', SANE_REVISION)], SANE_REVISION, () => 'y')).toEqual({
			revision: 1,
			lineage: [c('partial_y', 1)]
		});
	});
});

describe('relate', () => {
	it('a file claiming a later state of this device than its copy is diverged', () => {
		const mine = [c('A', 5), c('B', 6)];
		const forged = [c('A', 5), c('B', 900_000)];
		expect(relate(mine, forged)).toBe('newer');
		expect(relate(mine, forged, { device: 'B', revision: 6 })).toBe('diverged');
		expect(relate(mine, forged, { device: 'A', revision: 6 })).toBe('newer');
		expect(relate(mine, [c('A', 5), c('B', 6), c('C', 7)], { device: 'B', revision: 6 })).toBe(
			'newer'
		);
	});

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

	it('an earlier checkpoint that differs makes two histories diverge', () => {
		expect(relate([c('X', 1), c('P', 3), c('B', 17)], [c('Y', 1), c('P', 3), c('B', 20)])).toBe(
			'diverged'
		);
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

/** A history of `length` checkpoints alternating between devices, revisions 10 apart. */
const trunk = (length: number, devices = ['A', 'B', 'C']) =>
	Array.from({ length }, (_, i) => c(devices[i % devices.length]!, 10 * (i + 1)));

describe('compactLineage', () => {
	it('keeps the latest checkpoints only, still a consistent history', () => {
		const long = trunk(1000);
		const cut = compactLineage(long);
		expect(cut).toHaveLength(LINEAGE_KEPT);
		expect(cut.at(-1)).toEqual(long.at(-1));
		expect(isConsistentLineage(cut, 10_000)).toBe(true);
		expect(compactLineage(trunk(3))).toEqual(trunk(3));
	});

	it('cut histories still tell newer, older and diverged copies apart', () => {
		const full = trunk(400);
		const local = compactLineage(full.slice(0, 300));
		const later = compactLineage([...full.slice(0, 350)]);
		expect(relate(local, later)).toBe('newer');
		expect(relate(later, local)).toBe('older');
		expect(relate(local, local)).toBe('same');
		// The device went on from 300 while another went on from 310: diverged.
		const mine = compactLineage([...full.slice(0, 300), c('M', 99_999)]);
		const theirs = compactLineage([...full.slice(0, 310), c('T', 99_999)]);
		expect(relate(mine, theirs)).toBe('diverged');
		// A cut history compared with an uncut one that continues it.
		const short = full.slice(0, 20);
		expect(relate(short, compactLineage(full))).toBe('diverged'); // too far apart to tell
		expect(relate(compactLineage(full.slice(0, 150)), full.slice(0, 150))).toBe('same');
	});

	it('on any two copies of one history, a cut comparison agrees or says diverged', () => {
		// Copies taken from one shared history at two points, each possibly continued by its
		// device or by a branch of its own: the comparison of the cut lineages must never
		// claim a relation the full ones do not have (a wrong "newer" would replace data).
		const copy = fc.record({
			at: fc.nat(399),
			raise: fc.integer({ min: 0, max: 5 }),
			branch: fc.nat(3)
		});
		const full = trunk(400, ['A', 'B', 'C', 'D']);
		const build = (p: { at: number; raise: number; branch: number }, name: string) => {
			const out: Checkpoint[] = full.slice(0, p.at + 1).map((x) => ({ ...x }));
			out.at(-1)!.revision += p.raise;
			for (let i = 1; i <= p.branch; i++) out.push(c(`${name}${i % 2}`, 100_000 + i));
			return out;
		};
		fc.assert(
			fc.property(copy, copy, (x, y) => {
				const a = build(x, 'x');
				const b = build(y, 'y');
				const exact = relate(a, b);
				const cut = relate(compactLineage(a), compactLineage(b));
				expect([exact, 'diverged']).toContain(cut);
				// Close enough to share their recent checkpoints: the same answer.
				if (Math.abs(x.at - y.at) < LINEAGE_KEPT / 2) expect(cut).toBe(exact);
			}),
			{ numRuns: 2000, seed: 2026 }
		);
	});
});
