import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '$lib/testing/memory-storage';
import type { StoredAnswer } from '$lib/db/db';
import { backedUpDrafts, backUpDraft } from './draft-backup';
import { restoreDrafts, type QuestionText } from './restore-drafts';

beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
afterEach(() => vi.unstubAllGlobals());

/** When the page opened: the copies of these tests were made before. */
const OPENED = 100;

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
			OPENED,
			{
				text: (...t) => typed.push(t),
				respondent: () => {},
				answer: () => false,
				tick: () => false,
				asks: () => true
			}
		);
		expect(typed).toEqual([['otherPartner', 'q1', 'Syndicat']]);
		expect(backedUpDrafts('c1/dechets').map((b) => b.field)).toEqual(['otherPartner:q1']);
	});
});

describe('restoring an answer chosen before a crash', () => {
	const restoreWith = (
		rows: StoredAnswer[],
		accepts = (v: unknown) => v === 3 || v === null,
		opened = OPENED
	) => {
		const chosen: [string, unknown][] = [];
		restoreDrafts('c1/dechets', { diagnostic: undefined, rows }, opened, {
			text: () => {},
			respondent: () => {},
			answer: (q, v) => accepts(v) && (chosen.push([q, v]), true),
			tick: () => false,
			asks: (q) => q !== 'ailleurs'
		});
		return chosen;
	};

	it('chooses it again when the store holds an older value, or none', () => {
		backUpDraft('c1/dechets', 'answer:q1', { text: '3', at: 10 });
		backUpDraft('c1/dechets', 'answer:q2', { text: '3', at: 10 });
		expect(restoreWith([row('q1', 1, 5)])).toEqual([
			['q1', 3],
			['q2', 3]
		]);
	});

	it('drops it when the store holds it, or a change made after it', () => {
		backUpDraft('c1/dechets', 'answer:q1', { text: '3', at: 10 });
		backUpDraft('c1/dechets', 'answer:q2', { text: '3', at: 10 });
		backUpDraft('c1/dechets', 'answer:q3', { text: 'null', at: 10 });
		expect(restoreWith([row('q1', 3, 5), row('q2', 2, 11)])).toEqual([]);
		expect(backedUpDrafts('c1/dechets')).toEqual([]);
	});

	it('chooses it again over a note saved since, not over another answer given since', () => {
		backUpDraft('c1/dechets', 'answer:q1', { text: '3', at: 10, was: '1' });
		backUpDraft('c1/dechets', 'answer:q2', { text: '3', at: 10, was: '1' });
		// q1: a note saved at 11 moved its time, the answer is still the one the copy replaced.
		expect(restoreWith([row('q1', 1, 11), row('q2', 2, 11)])).toEqual([['q1', 3]]);
		expect(backedUpDrafts('c1/dechets').map((b) => b.field)).toEqual(['answer:q1']);
	});

	it('leaves the copies made since the page opened: writes in flight, not a crash', () => {
		const opened = Date.now() - 1000;
		backUpDraft('c1/dechets', 'answer:q1', { text: '3', at: opened + 1 });
		backUpDraft('c1/dechets', 'note:q1', { text: 'En cours', at: opened + 5 });
		// Dated after now: made before a clock was set back, so a copy left by a crash.
		backUpDraft('c1/dechets', 'answer:q2', { text: '3', at: Date.now() + 3_600_000 });
		expect(restoreWith([], undefined, opened)).toEqual([['q2', 3]]);
		expect(backedUpDrafts('c1/dechets').map((b) => b.field)).toEqual([
			'answer:q1',
			'note:q1',
			'answer:q2'
		]);
	});

	it('drops a copy the question does not take, of a question not asked, or not JSON', () => {
		backUpDraft('c1/dechets', 'answer:q1', { text: '"<img src=x>"', at: 10 });
		backUpDraft('c1/dechets', 'answer:ailleurs', { text: '3', at: 10 });
		backUpDraft('c1/dechets', 'answer:q3', { text: '{pas du json', at: 10 });
		expect(restoreWith([])).toEqual([]);
		expect(backedUpDrafts('c1/dechets')).toEqual([]);
	});
});

describe('restoring ticks made before a crash', () => {
	it('makes again the ticks the store does not show, whatever changed since', () => {
		// « marches » ticked and « eau » unticked here, unsaved; another tab then ticked « eau »
		// and « cantines » (the stored row is newer than the copy).
		backUpDraft('c1/dechets', 'ticks:q1', { text: '{"marches":true,"eau":false}', at: 10 });
		backUpDraft('c1/dechets', 'ticks:q2', { text: '{"eau":true}', at: 10 });
		backUpDraft('c1/dechets', 'ticks:q3', { text: '["eau"]', at: 10 });
		const ticked: [string, string, boolean][] = [];
		restoreDrafts(
			'c1/dechets',
			{ diagnostic: undefined, rows: [row('q1', ['eau', 'cantines'], 20), row('q2', ['eau'], 5)] },
			OPENED,
			{
				text: () => {},
				respondent: () => {},
				answer: () => false,
				tick: (...t) => (ticked.push(t), true),
				asks: () => true
			}
		);
		expect(ticked).toEqual([
			['q1', 'marches', true],
			['q1', 'eau', false]
		]);
		// The editor copies each tick again as it makes it; the store showed the rest.
		expect(backedUpDrafts('c1/dechets')).toEqual([]);
	});

	it('types an « Autre » text again when « Autre » is ticked again with it', () => {
		backUpDraft('c1/dechets', 'ticks:q1', { text: '{"autre":true}', at: 10 });
		backUpDraft('c1/dechets', 'otherPartner:q1', { text: 'Syndicat mixte', at: 11 });
		const typed: unknown[] = [];
		restoreDrafts('c1/dechets', { diagnostic: undefined, rows: [] }, OPENED, {
			text: (...t) => typed.push(t),
			respondent: () => {},
			answer: () => false,
			tick: () => true,
			asks: () => true
		});
		expect(typed).toEqual([['otherPartner', 'q1', 'Syndicat mixte']]);
	});

	it('makes the ticks made after « Aucun service » on it, as the screen showed them', () => {
		const ticked: unknown[] = [];
		const chosen: unknown[] = [];
		const restore = {
			text: () => {},
			respondent: () => {},
			answer: (...a: unknown[]) => (chosen.push(a), true),
			tick: (...t: unknown[]) => (ticked.push(t), true),
			asks: () => true
		};
		// q1: « Aucun service », then « eau » ticked and unticked: no answer on screen, none stored.
		backUpDraft('c1/dechets', 'answer:q1', { text: '[]', at: 10, was: 'null' });
		backUpDraft('c1/dechets', 'ticks:q1', { text: '{"eau":false}', at: 11 });
		// q2: « Aucun service » over « marches » (written, as the store shows), then « eau » ticked,
		// unsaved: the tick is made on what the store holds.
		backUpDraft('c1/dechets', 'answer:q2', { text: '[]', at: 10, was: '["marches"]' });
		backUpDraft('c1/dechets', 'ticks:q2', { text: '{"eau":true}', at: 11 });
		// q3: « Aucun service » then « eau » ticked, nothing written: « eau » alone.
		backUpDraft('c1/dechets', 'answer:q3', { text: '[]', at: 10, was: 'null' });
		backUpDraft('c1/dechets', 'ticks:q3', { text: '{"eau":true}', at: 11 });
		restoreDrafts(
			'c1/dechets',
			{ diagnostic: undefined, rows: [row('q2', [], 12)] },
			OPENED,
			restore
		);
		expect(chosen).toEqual([['q3', ['eau']]]);
		expect(ticked).toEqual([['q2', 'eau', true]]);
		expect(backedUpDrafts('c1/dechets').map((b) => b.field)).toEqual(['answer:q3']);
	});
});
