/**
 * Which copy of a replicated document a device compares with its own, and whether it may send
 * its own (issue 15). CouchDB keeps every version written from a common revision as a « leaf »
 * and picks a winner by a rule that knows nothing of Leviers; the app never trusts that choice.
 * It compares each leaf with the device's copy by lineage (exchange/lineage.ts), exactly as an
 * import compares a file:
 *
 * - a leaf the device's copy already contains (same or older) teaches nothing;
 * - a leaf whose last checkpoint is this device's, at or below the copy's revision, is a state
 *   this device held and moved past (it continued from it, or its user settled a conflict
 *   against it): superseded, since a device's revisions only grow;
 * - any other leaf is compared as a file would be: newer (an update) or diverged (a conflict the
 *   user decides, never settled silently).
 *
 * The device sends its copy only when every leaf is contained in it or superseded; it then
 * writes on the winner and removes the other leaves, so the server holds one version again.
 */
import * as v from 'valibot';
import type { Checkpoint } from '../answers';
import { CheckpointSchema } from '../exchange/format';
import { MAX_LINEAGE } from '../exchange/limits';
import { relate, type Relation } from '../exchange/lineage';

const LineageSchema = v.pipe(v.array(CheckpointSchema), v.maxLength(MAX_LINEAGE));

/**
 * Whether a server document's history has the exchange format's shape. It is compared before the
 * file reader sees the document, so a history written by hand (`[null]`, `[5]`) must be caught
 * here: the document is then set aside, and the rest of the campaign keeps synchronising.
 */
export function isLineage(x: unknown): x is Checkpoint[] {
	return v.is(LineageSchema, x);
}

/** A copy as the comparison needs it: its full history (the export's, completed). */
export interface Copy {
	lineage: readonly Checkpoint[];
	revision: number;
	/** Its content, serialised: two copies with the same content are the same whatever their history. */
	content: string;
}

/** How one leaf relates to the device's copy. */
export type LeafRelation = Relation | 'superseded';

export function leafRelation(local: Copy | null, leaf: Copy, device: string): LeafRelation {
	if (!local) return 'newer';
	if (leaf.content === local.content) return 'same';
	const last = leaf.lineage.at(-1);
	if (last && last.device === device && last.revision <= local.revision) return 'superseded';
	return relate(local.lineage, leaf.lineage, { device, revision: local.revision });
}

/**
 * The leaf to compare with the device's copy (index in `leaves`), or null when none brings
 * anything: a diverged one first (so the conflict is shown), else the newest newer one.
 */
export function leafToRead(
	local: Copy | null,
	leaves: readonly Copy[],
	device: string
): number | null {
	const relations = leaves.map((l) => leafRelation(local, l, device));
	const diverged = relations.indexOf('diverged');
	if (diverged >= 0) return diverged;
	let best: number | null = null;
	relations.forEach((r, i) => {
		if (r === 'newer' && (best === null || leaves[i]!.revision > leaves[best]!.revision)) best = i;
	});
	return best;
}

/** Whether the device may send its copy over these leaves (each is in it, or superseded). */
export function maySend(local: Copy, leaves: readonly Copy[], device: string): boolean {
	if (leaves.length === 0) return true;
	const relations = leaves.map((l) => leafRelation(local, l, device));
	if (relations.every((r) => r === 'same')) return false; // nothing to send
	return relations.every((r) => r === 'same' || r === 'older' || r === 'superseded');
}

/** The part of a document that says what a copy holds (its history aside). */
export function copyOf(doc: object): Copy | null {
	const inner =
		(doc as { diagnostic?: unknown }).diagnostic ?? (doc as { action?: unknown }).action;
	if (typeof inner !== 'object' || inner === null) return null;
	const content: Record<string, unknown> = { ...(inner as Record<string, unknown>) };
	const { lineage, revision } = content;
	for (const key of ['lineage', 'revision', 'updatedAt', 'createdAt']) delete content[key];
	if (!isLineage(lineage) || typeof revision !== 'number') return null;
	return { lineage, revision, content: JSON.stringify(content) } as Copy;
}
