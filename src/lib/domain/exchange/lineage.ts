/**
 * How two copies of the same diagnostic relate, from their histories across devices. A history
 * (lineage) lists checkpoints {device, revision}: that device made the changes up to that
 * revision. Revisions only grow on a device, so a copy whose history extends another's is newer,
 * and two histories that part ways mean both sides changed since their last common point.
 */
import type { Checkpoint } from '../answers';
import { LINEAGE_KEPT, SANE_REVISION } from './limits';

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
 * A lineage cut to its LINEAGE_KEPT latest checkpoints, so that histories stay bounded however
 * often a diagnostic travels. isAncestor still compares cut lineages (see there).
 */
export function compactLineage(lineage: readonly Checkpoint[]): Checkpoint[] {
	return lineage.slice(-LINEAGE_KEPT).map((c) => ({ ...c }));
}

/**
 * Device names of the checkpoints an import adds when it stores less than the file held (an
 * answer set aside, a note cut, a diagnostic reopened): ids of the app never hold `_`.
 */
const PARTIAL_PREFIX = 'partial_';

/** Whether a checkpoint marks a copy that lost part of the state before it (see PARTIAL_PREFIX). */
const isPartial = (c: Checkpoint) => c.device.startsWith(PARTIAL_PREFIX);

/**
 * The history of a copy that holds less than the one with history `lineage` at `revision`: one
 * more checkpoint, of a new partial name. Copies holding that state never see it as newer (it
 * would delete what it lacks), while it still sees their later states as newer. Past
 * SANE_REVISION, a fresh history under the same kind of name.
 */
export function partialHistory(
	lineage: readonly Checkpoint[],
	revision: number,
	newId: () => string
): { revision: number; lineage: Checkpoint[] } {
	const device = `${PARTIAL_PREFIX}${newId()}`;
	if (revision >= SANE_REVISION) return { revision: 1, lineage: [{ device, revision: 1 }] };
	return {
		revision: revision + 1,
		lineage: compactLineage([...lineage, { device, revision: revision + 1 }])
	};
}

/**
 * The history a device compares a file with: its copy's, without a last partial checkpoint
 * when nothing was changed since, since that copy holds no more than the state before it.
 */
export function comparedLineage(
	lineage: readonly Checkpoint[],
	revision: number,
	device: string
): { lineage: Checkpoint[]; partial: boolean } {
	const last = lineage.at(-1);
	if (last && isPartial(last) && last.revision === revision)
		return { lineage: lineage.slice(0, -1).map((c) => ({ ...c })), partial: true };
	return { lineage: effectiveLineage(lineage, revision, device), partial: false };
}

/** Whether a lineage may have lost its oldest checkpoints to compactLineage. */
const mayBeCut = (lineage: readonly Checkpoint[]) => lineage.length >= LINEAGE_KEPT;

const same = (x: Checkpoint, y: Checkpoint) => x.device === y.device && x.revision === y.revision;

/**
 * Whether the copy with history `a` is an ancestor of (or the same as) the one with history `b`:
 * `b` went through every checkpoint of `a`, the last one possibly continued further by the
 * same device.
 *
 * Uncut histories both start at the diagnostic's creation and are compared position by
 * position. A cut one lost its start: its checkpoints are found in the other by value (a
 * checkpoint names one state of one device, and revisions strictly increase, so it appears at
 * most once), and only the part both still hold is compared. When that part does not reach
 * `a`'s last two checkpoints the answer is "no": the import then asks the user (conflict)
 * rather than replace anything on a guess. So is it when `b` has a partial checkpoint after
 * `a`'s state: `b` lacks part of it.
 */
export function isAncestor(a: readonly Checkpoint[], b: readonly Checkpoint[]): boolean {
	if (a.length === 0) return !b.some(isPartial);
	const n = a.length - 1;
	// a[i] sits at b[i + offset].
	let offset = 0;
	if (n > 0) {
		const before = a[n - 1]!;
		const j = b.findIndex((c) => same(c, before));
		if (j < 0) return false;
		offset = j - (n - 1);
	} else if (mayBeCut(b)) return false;
	// Only a cut `a` may start later than `b`, only a cut `b` later than `a`.
	if ((offset > 0 && !mayBeCut(a)) || (offset < 0 && !mayBeCut(b))) return false;
	for (let i = Math.max(0, -offset); i < n; i++) if (!same(a[i]!, b[i + offset]!)) return false;
	const next = b[n + offset];
	// A partial checkpoint after `a`'s state: `b` lost part of it, and must not replace it.
	if (b.slice(n + offset + 1).some(isPartial)) return false;
	return next !== undefined && next.device === a[n]!.device && next.revision >= a[n]!.revision;
}

/**
 * How the file's copy (history `file`) relates to the device's copy (history `local`).
 *
 * `own` is this device and its copy's revision: only this device makes its own states, and its
 * revisions only grow, so a file claiming a state of this device beyond its copy's was forged
 * (any member of a synchronised campaign can read this device's id in the histories) or this
 * device was put back to an older state. Either way the file is not newer without a question:
 * diverged, the user decides.
 */
export function relate(
	local: readonly Checkpoint[],
	file: readonly Checkpoint[],
	own?: { device: string; revision: number }
): Relation {
	if (own && file.some((c) => c.device === own.device && c.revision > own.revision))
		return 'diverged';
	const down = isAncestor(local, file);
	const up = isAncestor(file, local);
	if (down && up) return 'same';
	if (down) return 'newer';
	if (up) return 'older';
	return 'diverged';
}
