/**
 * Answers as stored since schema 5: one record per diagnostic holding all its answer rows
 * (issue 16). IndexedDB spends most of an import's time per record written: 10,000 answer rows
 * took ~1 s in Chromium, the same answers as 500 records ~0.1 s. A save stays safe: it reads and
 * writes the record inside one read-write transaction, which IndexedDB never runs alongside
 * another on the same store (two tabs, two quick clicks: both answers kept).
 */
import type { Answer, AnswerRecord } from '$lib/domain/answers';

/**
 * An answer row with its diagnostic's id: stored as is in the `answers` table up to schema 4,
 * and how queries still hand answers out. `value` is null while only a note is written.
 */
export interface StoredAnswer extends AnswerRecord {
	diagnosticId: string;
}

/** The answers of one diagnostic, sorted by question id; never stored empty. */
export interface AnswerSet {
	diagnosticId: string;
	rows: AnswerRecord[];
	/** The earliest and latest numeric `changedAt` of its rows (indexed: the backup reminder's facts). */
	first: number;
	last: number;
}

const byQuestion = (a: AnswerRecord, b: AnswerRecord) =>
	a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0;

/** The record holding `rows` (their own `diagnosticId`, if any, dropped), or null when none. */
export function answerSet(diagnosticId: string, rows: readonly AnswerRecord[]): AnswerSet | null {
	if (rows.length === 0) return null;
	const clean = rows.map((r) => {
		const row: Partial<StoredAnswer> & AnswerRecord = { ...r };
		delete row.diagnosticId;
		return row as AnswerRecord;
	});
	// One row per question: the last one given wins, as a put of each row in turn did.
	const unique = [...new Map(clean.map((r) => [r.questionId, r])).values()].sort(byQuestion);
	// A date that is no finite number (missing from an old or damaged row) is left out: else the
	// set's first and last are NaN, no index holds it, and the backup reminder ignores every date
	// of its diagnostic, later saves included. None left: ±Infinity, read there as no date.
	let first = Infinity;
	let last = -Infinity;
	for (const { changedAt } of unique) {
		if (!Number.isFinite(changedAt)) continue;
		first = Math.min(first, changedAt);
		last = Math.max(last, changedAt);
	}
	return { diagnosticId, rows: unique, first, last };
}

/** The rows of a stored set (none when it is missing), each with its diagnostic's id. */
export function rowsOf(set: AnswerSet | undefined): StoredAnswer[] {
	return set ? set.rows.map((r) => ({ ...r, diagnosticId: set.diagnosticId })) : [];
}

/** `set` with `row` put in place of its question's row (added if new). */
export function withRow(
	diagnosticId: string,
	set: AnswerSet | undefined,
	row: AnswerRecord
): AnswerSet {
	const rows = (set?.rows ?? []).filter((r) => r.questionId !== row.questionId);
	return answerSet(diagnosticId, [...rows, row])!;
}

/** Every row of `sets`, each with its diagnostic's id. */
export function flatRows(sets: readonly AnswerSet[]): StoredAnswer[] {
	return sets.flatMap(rowsOf);
}

/** Stored rows to the domain's answers: rows holding only a note are not answers. */
export function toAnswers(rows: StoredAnswer[]): Record<string, Answer> {
	const answers: Record<string, Answer> = {};
	for (const { questionId, value, note, otherPartner, changedAt } of rows) {
		if (value !== null)
			answers[questionId] = {
				questionId,
				value,
				...(note === undefined ? {} : { note }),
				...(otherPartner === undefined ? {} : { otherPartner }),
				changedAt
			};
	}
	return answers;
}
