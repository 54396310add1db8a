import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backUpAnswer, backUpTick, dropAnswer, dropTick } from './answer-copies';
import { backedUpDrafts, backUpDraft, dropCampaignDrafts, dropDraft } from './draft-backup';

function memoryStorage(): Storage {
	const m = new Map<string, string>();
	return {
		get length() {
			return m.size;
		},
		key: (i) => [...m.keys()][i] ?? null,
		getItem: (k) => m.get(k) ?? null,
		setItem: (k, v) => void m.set(k, String(v)),
		removeItem: (k) => void m.delete(k),
		clear: () => m.clear()
	};
}

beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
afterEach(() => vi.unstubAllGlobals());

describe('draft backups', () => {
	it('keep the latest text of each field of a diagnostic until dropped', () => {
		backUpDraft('d1', 'note:q1', { text: 'Premier jet', at: 10 });
		backUpDraft('d1', 'note:q1', { text: 'Premier jet, complété', at: 20 });
		backUpDraft('d1', 'respondent', { text: '{"name":"Ana","role":""}', at: 30 });
		backUpDraft('d2', 'note:q1', { text: 'Autre diagnostic', at: 40 });
		expect(backedUpDrafts('d1')).toEqual([
			{ field: 'note:q1', text: 'Premier jet, complété', at: 20 },
			{ field: 'respondent', text: '{"name":"Ana","role":""}', at: 30 }
		]);
		dropDraft('d1', 'note:q1');
		expect(backedUpDrafts('d1').map((b) => b.field)).toEqual(['respondent']);
		expect(backedUpDrafts('d2')).toHaveLength(1);
	});

	it('ignore a damaged copy and survive a storage that refuses writes', () => {
		localStorage.setItem('leviers-brouillon:d1:note:q9', '{pas du json');
		expect(backedUpDrafts('d1')).toEqual([]);
		vi.stubGlobal('localStorage', {
			...memoryStorage(),
			setItem: () => {
				throw new DOMException('full', 'QuotaExceededError');
			}
		});
		expect(() => backUpDraft('d1', 'note:q1', { text: 'x', at: 1 })).not.toThrow();
	});

	it('are all dropped with their campaign, and only those', () => {
		backUpDraft('c1/dechets', 'note:q1', { text: 'a', at: 1 });
		backUpDraft('c1/eau', 'respondent', { text: '{}', at: 2 });
		backUpDraft('c2/dechets', 'note:q1', { text: 'b', at: 3 });
		dropCampaignDrafts('c1');
		expect([...backedUpDrafts('c1/dechets'), ...backedUpDrafts('c1/eau')]).toEqual([]);
		expect(backedUpDrafts('c2/dechets')).toHaveLength(1);
	});

	it('keep an answer until its value commits, not when an older one does', () => {
		backUpAnswer('c1/dechets', 'q1', 2);
		backUpAnswer('c1/dechets', 'q1', 3, 'd1');
		// The write of 2 commits after 3 was chosen (another tab, or a save superseded late).
		dropAnswer('c1/dechets', 'q1', 2);
		expect(backedUpDrafts('c1/dechets')).toEqual([
			{ field: 'answer:q1', text: '3', at: expect.any(Number), diagnosticId: 'd1' }
		]);
		dropAnswer('c1/dechets', 'q1', 3);
		expect(backedUpDrafts('c1/dechets')).toEqual([]);
	});

	it('keep each tick until it is written, or until a list showing it is', () => {
		backUpTick('c1/dechets', 'q1', 'eau', true);
		backUpTick('c1/dechets', 'q1', 'marches', true);
		backUpTick('c1/dechets', 'q1', 'eau', false);
		// The tick of « eau » is written after it was unticked: the untick stays copied.
		dropTick('c1/dechets', 'q1', 'eau', true);
		const ticks = () => backedUpDrafts('c1/dechets').map((b) => JSON.parse(b.text));
		expect(ticks()).toEqual([{ eau: false, marches: true }]);
		// A retry writes a whole list: the ticks it shows are saved, the others stay copied.
		dropAnswer('c1/dechets', 'q1', ['eau', 'marches']);
		expect(ticks()).toEqual([{ eau: false }]);
		dropTick('c1/dechets', 'q1', 'eau', false);
		expect(backedUpDrafts('c1/dechets')).toEqual([]);
		// An answer chosen whole replaces the ticks not saved yet.
		backUpTick('c1/dechets', 'q1', 'eau', true);
		backUpAnswer('c1/dechets', 'q1', []);
		expect(backedUpDrafts('c1/dechets').map((b) => b.field)).toEqual(['answer:q1']);
	});
});
