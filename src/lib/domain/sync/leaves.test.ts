import { describe, expect, it } from 'vitest';
import { isLineage, leafRelation, leafToRead, maySend, type Copy } from './leaves';

const copy = (content: string, ...lineage: [string, number][]): Copy => ({
	content,
	lineage: lineage.map(([device, revision]) => ({ device, revision })),
	revision: lineage.at(-1)?.[1] ?? 0
});

// The example of docs/format.md: the head H exports at 5, the coordinator C corrects (6), the
// head goes on (7).
const h5 = copy('h5', ['H', 5]);
const c6 = copy('c6', ['H', 5], ['C', 6]);
const h7 = copy('h7', ['H', 7]);

describe('leaves of a replicated document', () => {
	it('a leaf that continues the device’s copy is newer and is read', () => {
		expect(leafRelation(h5, h7, 'C')).toBe('newer');
		expect(leafToRead(h5, [h7], 'C')).toBe(0);
		expect(leafToRead(null, [h5], 'C')).toBe(0);
	});

	it('a leaf changed on both sides is diverged and read first, even when CouchDB made it lose', () => {
		// On C, holding c6: the server's winner is c6 (its own), the losing leaf is h7.
		expect(leafToRead(c6, [c6, h7], 'C')).toBe(1);
		expect(maySend(c6, [c6, h7], 'C')).toBe(false);
	});

	it('a device’s own earlier state is superseded once it moved past it', () => {
		// C settled the conflict by taking h7: its copy is h7 followed by C at 8.
		const settled = copy('settled', ['H', 7], ['C', 8]);
		expect(leafRelation(settled, c6, 'C')).toBe('superseded');
		expect(leafRelation(settled, h7, 'C')).toBe('older');
		expect(leafToRead(settled, [c6, h7], 'C')).toBeNull();
		expect(maySend(settled, [c6, h7], 'C')).toBe(true);
		// On H, the settled copy is newer than its h7: an update, no second conflict.
		expect(leafRelation(h7, settled, 'H')).toBe('newer');
	});

	it('another device’s leaf is never superseded by revision numbers alone', () => {
		const h9 = copy('h9', ['H', 9]);
		expect(leafRelation(c6, h9, 'C')).toBe('diverged');
	});

	it('a leaf claiming a later state of this very device is a conflict, never an update', () => {
		// Any member can read C's id in the histories and forge C at a huge revision (red-team).
		const forged = copy('forged', ['H', 5], ['C', 1_000_000]);
		expect(leafRelation(c6, forged, 'C')).toBe('diverged');
		expect(leafToRead(c6, [forged], 'C')).toBe(0);
		expect(maySend(c6, [forged], 'C')).toBe(false);
		// On another device the same leaf is an ordinary continuation of C's state.
		expect(leafRelation(c6, forged, 'H')).toBe('newer');
	});

	it('nothing to send when the server holds the same content', () => {
		expect(maySend(h5, [copy('h5', ['H', 5])], 'H')).toBe(false);
		expect(maySend(h7, [h5], 'H')).toBe(true);
		expect(maySend(h5, [], 'H')).toBe(true);
	});
});

describe('a history written by hand on the server', () => {
	it('is not a history unless every checkpoint is { device, revision }', () => {
		expect(isLineage([{ device: 'H', revision: 5 }])).toBe(true);
		expect(isLineage([])).toBe(true);
		for (const bad of [
			[null],
			[5],
			['H'],
			[{ device: 'H' }],
			[{ device: 1, revision: 2 }],
			'H',
			null
		])
			expect(isLineage(bad), JSON.stringify(bad)).toBe(false);
	});
});
