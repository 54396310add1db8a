/**
 * How two copies of the same diagnostic relate, from their histories across devices. A history
 * (lineage) lists checkpoints {device, revision}: that device made the changes up to that
 * revision. Revisions only grow on a device, so a copy whose history extends another's is newer,
 * and two histories that part ways mean both sides changed since their last common point.
 */
import type { Checkpoint } from '../answers';

/** How a file's copy relates to the device's copy of the same diagnostic. */
export type Relation = 'same' | 'newer' | 'older' | 'diverged';

/**
 * The full history of a copy: its stored lineage, plus the changes this device made since, as
 * one checkpoint of `device` (merged into the last one when this device made that one too).
 */
export function effectiveLineage(
	lineage: readonly Checkpoint[],
	revision: number,
	device: string
): Checkpoint[] {
	const out = lineage.map((c) => ({ ...c }));
	const last = out.at(-1);
	if (revision <= (last?.revision ?? 0)) return out;
	if (last && last.device === device) last.revision = revision;
	else out.push({ device, revision });
	return out;
}

/** Whether a lineage is well formed: revisions strictly increase and the last one is `revision`. */
export function isConsistentLineage(lineage: readonly Checkpoint[], revision: number): boolean {
	for (let i = 1; i < lineage.length; i++)
		if (lineage[i]!.revision <= lineage[i - 1]!.revision) return false;
	return (lineage.at(-1)?.revision ?? 0) === revision;
}

/**
 * Whether the copy with history `a` is an ancestor of (or the same as) the one with history `b`:
 * `b` went through every checkpoint of `a`, the last one possibly continued further by the
 * same device.
 */
export function isAncestor(a: readonly Checkpoint[], b: readonly Checkpoint[]): boolean {
	if (a.length === 0) return true;
	if (a.length > b.length) return false;
	const n = a.length - 1;
	for (let i = 0; i < n; i++)
		if (a[i]!.device !== b[i]!.device || a[i]!.revision !== b[i]!.revision) return false;
	return a[n]!.device === b[n]!.device && a[n]!.revision <= b[n]!.revision;
}

/** How the file's copy (history `file`) relates to the device's copy (history `local`). */
export function relate(local: readonly Checkpoint[], file: readonly Checkpoint[]): Relation {
	const down = isAncestor(local, file);
	const up = isAncestor(file, local);
	if (down && up) return 'same';
	if (down) return 'newer';
	if (up) return 'older';
	return 'diverged';
}
