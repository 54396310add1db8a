import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '$lib/testing/memory-storage';
import { backUpAnswer, backUpTick, dropAnswer, dropTick } from './answer-copies';
import { backedUpDrafts, backUpDraft } from './draft-backup';

beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
afterEach(() => vi.unstubAllGlobals());

describe('copies of answers', () => {
	it('keep an answer until its value commits, not when an older one does', () => {
		backUpAnswer('c1/dechets', 'q1', 2);
		backUpAnswer('c1/dechets', 'q1', 3, { pinned: 'd1', was: 2 });
		// The write of 2 commits after 3 was chosen (another tab, or a save superseded late).
		dropAnswer('c1/dechets', 'q1', 2);
		expect(backedUpDrafts('c1/dechets')).toEqual([
			{ field: 'answer:q1', text: '3', at: expect.any(Number), diagnosticId: 'd1', was: '2' }
		]);
		dropAnswer('c1/dechets', 'q1', 3);
		expect(backedUpDrafts('c1/dechets')).toEqual([]);
	});

	const tick = (partner: string, ticked: boolean) => ({ partner, ticked });
	const texts = () => backedUpDrafts('c1/dechets').map((b) => JSON.parse(b.text));

	it('keep each tick until it is written, or until a list showing it is', () => {
		backUpTick('c1/dechets', 'q1', tick('eau', true));
		backUpTick('c1/dechets', 'q1', tick('marches', true));
		backUpTick('c1/dechets', 'q1', tick('eau', false));
		// The tick of « eau » is written after it was unticked: the untick stays copied.
		dropTick('c1/dechets', 'q1', tick('eau', true));
		expect(texts()).toEqual([{ eau: false, marches: true }]);
		// A retry writes a whole list: the ticks it shows are saved, the others stay copied.
		dropAnswer('c1/dechets', 'q1', ['eau', 'marches']);
		expect(texts()).toEqual([{ eau: false }]);
		dropTick('c1/dechets', 'q1', tick('eau', false));
		expect(backedUpDrafts('c1/dechets')).toEqual([]);
		// An answer chosen whole replaces the ticks not saved yet.
		backUpTick('c1/dechets', 'q1', tick('eau', true));
		backUpAnswer('c1/dechets', 'q1', []);
		expect(backedUpDrafts('c1/dechets').map((b) => b.field)).toEqual(['answer:q1']);
	});

	it('keep the time of a tick left by a crash when a new tick joins it', () => {
		backUpDraft('c1/dechets', 'ticks:q1', { text: '{"eau":true}', at: 10, diagnosticId: 'd1' });
		backUpTick('c1/dechets', 'q1', tick('marches', true));
		dropTick('c1/dechets', 'q1', tick('marches', true));
		expect(backedUpDrafts('c1/dechets')).toEqual([
			{ field: 'ticks:q1', text: '{"eau":true}', at: 10, diagnosticId: 'd1' }
		]);
	});
});
