import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '$lib/testing/memory-storage';
import { backedUpDrafts, backUpDraft, dropCampaignDrafts, dropDraft } from './draft-backup';

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
});
