/**
 * Which copies, left in localStorage by a tab closed or killed before the save, must be typed or
 * chosen again when the module opens. A note (or an « Autre » partner, while « Autre » is ticked)
 * or an answer is dropped when the stored one is the same or was changed after the copy (another
 * tab); an empty stored note never wins, since a later answer on the same question also moves its
 * time. The respondent has no time of its own (any write moves the diagnostic's), so a different
 * stored respondent never wins. A copy is untrusted input (any script of the origin, or an older
 * release, may have left it): a copy of a question the module does not have, or an answer the
 * question does not take, is dropped.
 */
import type { FillingState } from '$lib/db/queries';
import { restoreAnswers, type AnswerRestore } from './answer-copies';
import { backedUpDrafts, dropDraft, type BackedUpDraft } from './draft-backup';

const otherPartnerTicked = (value: unknown) => Array.isArray(value) && value.includes('autre');

/** Who answered, as typed. */
export type Respondent = { name: string; role: string };

/** A text typed on a question: its note, or its « Autre (préciser) » partner. */
export type QuestionText = 'note' | 'otherPartner';

/** What to type or choose again (`asks`: whether the module has a question). */
export interface Restore extends AnswerRestore {
	text(kind: QuestionText, questionId: string, text: string): void;
	respondent(value: Respondent): void;
}

// Two strings: valibot would be a dependency of the filling page for this alone.
function isRespondent(value: unknown): value is Respondent {
	const r = value as Partial<Respondent> | null;
	return typeof r?.name === 'string' && typeof r.role === 'string';
}

/**
 * Types again, through `restore`, what `scope`'s copies made by `opened` hold and the store
 * does not. Later copies are this page's own (or a live tab's) writes in flight: restored, they
 * were written twice, and a first click showed « saving » after its write (a flaky test).
 */
export function restoreDrafts(
	scope: string,
	{ diagnostic, rows }: FillingState,
	opened: number,
	restore: Restore
) {
	// Copies made by the previous release were kept under the diagnostic's id; of two copies
	// of one field, the later typing wins.
	const legacy = diagnostic ? backedUpDrafts(diagnostic.id) : [];
	for (const b of legacy) dropDraft(diagnostic!.id, b.field);
	const latest = new Map<string, BackedUpDraft>();
	// A copy dated after now was made under a clock set back since: not a write in flight.
	const now = Date.now();
	const before = (b: BackedUpDraft) => b.at <= opened || b.at > now;
	for (const copy of [...backedUpDrafts(scope), ...legacy]) {
		// Compared as made when the page opened: what the store shows then is later (review).
		const b = { ...copy, at: Math.min(copy.at, opened) };
		if (before(copy) && (latest.get(b.field)?.at ?? -Infinity) < b.at) latest.set(b.field, b);
	}
	// Answers first: a text of « Autre » fits once « Autre » is ticked again.
	const values = restoreAnswers(scope, [...latest.values()], rows, restore);
	for (const b of latest.values()) {
		if (/^(answer|ticks):/.test(b.field)) continue;
		if (b.field === 'respondent') {
			try {
				const typed: unknown = JSON.parse(b.text);
				const stored = diagnostic?.respondent;
				if (!isRespondent(typed)) dropDraft(scope, b.field);
				else if ((stored?.name ?? '') === typed.name && (stored?.role ?? '') === typed.role)
					dropDraft(scope, b.field);
				else restore.respondent({ name: typed.name, role: typed.role });
			} catch {
				dropDraft(scope, b.field);
			}
			continue;
		}
		const colon = b.field.indexOf(':');
		const kind = b.field.slice(0, colon);
		const questionId = b.field.slice(colon + 1);
		const row = rows.find((r) => r.questionId === questionId);
		// An « Autre » text is kept only while « Autre » is ticked, in the store or again above.
		const fits =
			kind === 'note' || (kind === 'otherPartner' && otherPartnerTicked(values.get(questionId)));
		if (!fits || !restore.asks(questionId)) {
			dropDraft(scope, b.field);
			continue;
		}
		const stored = row?.[kind as QuestionText];
		const newer = !!stored && row!.changedAt > b.at;
		if (stored === b.text || newer) dropDraft(scope, b.field);
		else restore.text(kind as QuestionText, questionId, b.text);
	}
}
