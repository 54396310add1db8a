/**
 * Copies in localStorage of the answers chosen on a filling page, until their write commits
 * (draft-backup.ts keeps them). An answer is copied whole (`answer:<question>`): the later
 * choice wins, as in the store. A cooperation tick is copied as the tick itself
 * (`ticks:<question>`, partner → ticked): the store merges ticks with what it holds, so a tick
 * left unsaved is made again at the next visit whatever another tab ticked since, unless the
 * store already shows it (red team: restoring the whole list dropped another tab's ticks).
 */
import type { StoredAnswer } from '$lib/db/db';
import { backedUpDraft, backUpDraft, dropDraft, type BackedUpDraft } from './draft-backup';

type Ticks = Record<string, boolean>;

/** The ticks a copy holds; null when it is damaged or hostile. */
function parseTicks(text: string): Ticks | null {
	try {
		const value: unknown = JSON.parse(text);
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
		const entries = Object.entries(value);
		return entries.every(([, t]) => typeof t === 'boolean') ? Object.fromEntries(entries) : null;
	} catch {
		return null;
	}
}

/**
 * Writes the ticks of a question; a copy already there keeps its time and diagnostic: restamped,
 * a tick left by a crash looked made after the page opened and waited for the next visit
 * (red team: a tick clicked before the restore ran).
 */
function saveTicks(scope: string, questionId: string, ticks: Ticks, pinned?: string) {
	const field = `ticks:${questionId}`;
	if (Object.keys(ticks).length === 0) return dropDraft(scope, field);
	const base = backedUpDraft(scope, field);
	const at = base?.at ?? Date.now();
	const diagnosticId = base ? base.diagnosticId : pinned;
	backUpDraft(scope, field, { text: JSON.stringify(ticks), at, diagnosticId });
}

function ticksOf(scope: string, questionId: string): Ticks {
	const copy = backedUpDraft(scope, `ticks:${questionId}`);
	return (copy && parseTicks(copy.text)) || {};
}

/**
 * Keeps a copy of an answer chosen whole, with the value it replaced on screen (`was`); it
 * replaces the ticks not saved yet.
 */
export function backUpAnswer(
	scope: string,
	questionId: string,
	value: unknown,
	{ pinned, was }: { pinned?: string; was?: unknown } = {}
) {
	const copy = { text: JSON.stringify(value), at: Date.now(), diagnosticId: pinned };
	backUpDraft(scope, `answer:${questionId}`, { ...copy, was: JSON.stringify(was ?? null) });
	dropDraft(scope, `ticks:${questionId}`);
}

/** Drops the copy of an answer once `value` is committed, if no newer choice replaced it. */
export function dropAnswer(scope: string, questionId: string, value: unknown): void {
	dropDraft(scope, `answer:${questionId}`, JSON.stringify(value));
	// Ticks the committed list shows are saved too (a retry writes the whole list).
	if (Array.isArray(value)) {
		const ticks = ticksOf(scope, questionId);
		for (const [p, t] of Object.entries(ticks)) if (value.includes(p) === t) delete ticks[p];
		saveTicks(scope, questionId, ticks);
	}
}

/** A tick made on screen. */
export interface Tick {
	partner: string;
	ticked: boolean;
}

/** Keeps a copy of a tick (or untick) until its write commits. */
export function backUpTick(scope: string, questionId: string, tick: Tick, pinned?: string) {
	const ticks = { ...ticksOf(scope, questionId), [tick.partner]: tick.ticked };
	saveTicks(scope, questionId, ticks, pinned);
}

/** Drops the copy of a tick once written, unless the partner was toggled again since. */
export function dropTick(scope: string, questionId: string, tick: Tick) {
	const ticks = ticksOf(scope, questionId);
	if (ticks[tick.partner] !== tick.ticked) return;
	delete ticks[tick.partner];
	saveTicks(scope, questionId, ticks);
}

/** `value` with `ticks` made on it; none left is no answer, as on screen (`withPartner`). */
function withTicks(value: unknown, ticks: Ticks): unknown[] | null {
	let list: unknown[] = Array.isArray(value) ? value : [];
	for (const [partner, ticked] of Object.entries(ticks))
		list = [...list.filter((p) => p !== partner), ...(ticked ? [partner] : [])];
	return list.length > 0 ? list : null;
}

/** What restoring needs from the editor. */
export interface AnswerRestore {
	/** Chooses an answer again; false when the question does not take the value. */
	answer(questionId: string, value: unknown): boolean;
	/** Ticks or unticks a partner again; false when the question does not take it. */
	tick(questionId: string, partner: string, ticked: boolean): boolean;
	asks(questionId: string): boolean;
}

/**
 * Chooses again the answers and ticks `copies` hold and the store does not. An answer is
 * dropped when the store holds it, or another answer given after it (a change of the question
 * after the copy, to a value other than the one the copy replaced: a note saved since is no
 * reason). A tick is made again unless the store shows it: of a tick and another tab's later
 * change of the same partner, the tick wins, since the store keeps no time per partner. Returns
 * each question's value as it will be, for the texts restored next (« Autre » ticked again).
 */
export function restoreAnswers(
	scope: string,
	copies: BackedUpDraft[],
	rows: StoredAnswer[],
	restore: AnswerRestore
): Map<string, unknown> {
	const values = new Map<string, unknown>(rows.map((r) => [r.questionId, r.value]));
	const fields = (kind: string) => copies.filter((b) => b.field.startsWith(`${kind}:`));
	const ticksOfCopy = (q: string) => copies.find((b) => b.field === `ticks:${q}`);
	const folded = new Set<BackedUpDraft>();
	for (const b of fields('answer')) {
		const questionId = b.field.slice('answer:'.length);
		const row = rows.find((r) => r.questionId === questionId);
		let value: unknown;
		try {
			value = JSON.parse(b.text);
		} catch {
			dropDraft(scope, b.field);
			continue;
		}
		const stored = JSON.stringify(row?.value ?? null);
		const newer = !!row && row.changedAt > b.at && (b.was === undefined || stored !== b.was);
		if (newer || !restore.asks(questionId)) {
			dropDraft(scope, b.field);
			continue;
		}
		// Ticks made after it (« Aucun service », then a partner ticked and unticked) are made
		// on it here: apart, an untick the store already showed left « Aucun service » back.
		const ticks = ticksOfCopy(questionId);
		const whole = ticks ? withTicks(value, parseTicks(ticks.text) ?? {}) : value;
		if (ticks) {
			folded.add(ticks);
			dropDraft(scope, ticks.field);
		}
		if (stored === JSON.stringify(whole) || !restore.answer(questionId, whole))
			dropDraft(scope, b.field);
		else values.set(questionId, whole);
	}
	for (const b of fields('ticks').filter((t) => !folded.has(t))) {
		const questionId = b.field.slice('ticks:'.length);
		const ticks = parseTicks(b.text) ?? {};
		// Made again below, each copied again until written.
		dropDraft(scope, b.field);
		if (!restore.asks(questionId)) continue;
		for (const [partner, ticked] of Object.entries(ticks)) {
			const now = values.get(questionId);
			const shown = Array.isArray(now) && now.includes(partner);
			if (shown === ticked || !restore.tick(questionId, partner, ticked)) continue;
			const list = Array.isArray(now) ? now.filter((p) => p !== partner) : [];
			const next = ticked ? [...list, partner] : list;
			values.set(questionId, next.length > 0 ? next : null);
		}
	}
	return values;
}
