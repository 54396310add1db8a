import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredAnswer } from '$lib/db/db';
import { backedUpDrafts, backUpDraft } from './draft-backup';
import { restoreDrafts, type QuestionText } from './restore-drafts';

beforeEach(() => {
	const m = new Map<string, string>();
	vi.stubGlobal('localStorage', {
		get length() {
			return m.size;
		},
		key: (i: number) => [...m.keys()][i] ?? null,
		getItem: (k: string) => m.get(k) ?? null,
		setItem: (k: string, v: string) => void m.set(k, String(v)),
		removeItem: (k: string) => void m.delete(k),
		clear: () => m.clear()
	});
});
afterEach(() => vi.unstubAllGlobals());

const row = (questionId: string, value: StoredAnswer['value'], at = 5): StoredAnswer => ({
	diagnosticId: 'd1',
	questionId,
	value,
	changedAt: at
});

describe('restoring an « Autre » partner typed before a crash', () => {
	it('types it again while « Autre » is ticked, and drops it otherwise', () => {
		backUpDraft('c1/dechets', 'otherPartner:q1', { text: 'Syndicat', at: 10 });
		backUpDraft('c1/dechets', 'otherPartner:q2', { text: 'CCAS', at: 10 });
		const typed: [QuestionText, string, string][] = [];
		restoreDrafts(
			'c1/dechets',
			{ diagnostic: undefined, rows: [row('q1', ['eau', 'autre']), row('q2', ['eau'])] },
			{ text: (...t) => typed.push(t), respondent: () => {}, asks: () => true }
		);
		expect(typed).toEqual([['otherPartner', 'q1', 'Syndicat']]);
		expect(backedUpDrafts('c1/dechets').map((b) => b.field)).toEqual(['otherPartner:q1']);
	});
});
