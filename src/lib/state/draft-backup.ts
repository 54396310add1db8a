/**
 * A copy in localStorage of what is being typed (notes, respondent) or chosen (answers,
 * answer-copies.ts) until it is committed to IndexedDB. localStorage writes are synchronous, so
 * the copy survives a tab closed before the save; the editor restores it at the next visit.
 */

const PREFIX = 'leviers-brouillon:';

/**
 * A text typed or an answer chosen on screen (as JSON), when, in which diagnostic if it existed
 * yet, and for an answer the value it replaced on screen (as JSON).
 */
export interface BackedUpDraft {
	field: string;
	text: string;
	at: number;
	diagnosticId?: string;
	was?: string;
}

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		// Some privacy settings forbid localStorage: the backup is then simply not kept.
		return null;
	}
}

/** Keeps a copy of a field being typed, under `scope` (a module of a campaign). */
export function backUpDraft(
	scope: string,
	field: string,
	copy: Omit<BackedUpDraft, 'field'>
): void {
	try {
		storage()?.setItem(`${PREFIX}${scope}:${field}`, JSON.stringify(copy));
	} catch {
		// Full or forbidden: IndexedDB remains the real store, this is only a safety net.
	}
}

/**
 * Drops the copy of a field once what it held is committed; with `ifText`, only while the copy
 * still holds that text (another tab may have put a newer one under the same key).
 */
export function dropDraft(scope: string, field: string, ifText?: string): void {
	const key = `${PREFIX}${scope}:${field}`;
	try {
		const s = storage();
		if (ifText !== undefined && !holds(s?.getItem(key) ?? null, ifText)) return;
		s?.removeItem(key);
	} catch {
		// Nothing to drop.
	}
}

function holds(copy: string | null, text: string): boolean {
	try {
		return copy !== null && (JSON.parse(copy) as { text?: unknown }).text === text;
	} catch {
		return true; // A damaged copy is of no use: drop it.
	}
}

/** A copy as stored under `field`; undefined when damaged. */
function parseCopy(field: string, raw: string | null): BackedUpDraft | undefined {
	try {
		const { text, at, diagnosticId, was } = JSON.parse(raw ?? '') as Record<string, unknown>;
		if (typeof text !== 'string' || typeof at !== 'number') return undefined;
		return {
			field,
			text,
			at,
			...(typeof diagnosticId === 'string' ? { diagnosticId } : {}),
			...(typeof was === 'string' ? { was } : {})
		};
	} catch {
		return undefined; // A damaged copy is of no use.
	}
}

/** The copies left for a diagnostic (typed, then the tab closed before the save). */
export function backedUpDrafts(scope: string): BackedUpDraft[] {
	const s = storage();
	if (!s) return [];
	const prefix = `${PREFIX}${scope}:`;
	const out: BackedUpDraft[] = [];
	for (let i = 0; i < s.length; i++) {
		const key = s.key(i);
		const copy = key?.startsWith(prefix) && parseCopy(key.slice(prefix.length), s.getItem(key));
		if (copy) out.push(copy);
	}
	return out;
}

/** The copy of one field, read by its key (no scan of every key on the answer's path). */
export function backedUpDraft(scope: string, field: string): BackedUpDraft | undefined {
	try {
		return parseCopy(field, storage()?.getItem(`${PREFIX}${scope}:${field}`) ?? null);
	} catch {
		return undefined;
	}
}

/** Drops every copy kept for the modules of a campaign (once the campaign is deleted). */
export function dropCampaignDrafts(campaignId: string): void {
	const s = storage();
	if (!s) return;
	const prefix = `${PREFIX}${campaignId}/`;
	const keys: string[] = [];
	for (let i = 0; i < s.length; i++) {
		const key = s.key(i);
		if (key?.startsWith(prefix)) keys.push(key);
	}
	try {
		for (const key of keys) s.removeItem(key);
	} catch {
		// Nothing to drop.
	}
}
