/**
 * What the filling page of a module shows, without Dexie: both its reads (queries.ts through
 * Dexie, light-read.ts without) give the same state, and choose the same copy.
 */
import type { Diagnostic } from '$lib/domain/answers';
import { compareForSelection } from '$lib/domain/scoring/selection';
import type { StoredAnswer } from './answer-sets';

/** The diagnostic a filling page shows, with its stored rows. */
export interface FillingState {
	diagnostic: Diagnostic | undefined;
	rows: StoredAnswer[];
}

/**
 * Of several copies of one module's diagnostic in a campaign, the one the filling page shows and
 * fills: the one that counts in the results (`compareForSelection`), so that what is typed is
 * what is scored. A draft this device made and never wrote to (older versions made one on
 * opening or hovering a page) is passed over when there is another copy.
 */
export function fillingCopy<D extends Diagnostic>(copies: readonly D[]): D | undefined {
	const neverWritten = (d: D) =>
		d.status === 'draft' && d.revision === 0 && d.origin.kind === 'local';
	const written = copies.filter((d) => !neverWritten(d));
	return [...(written.length > 0 ? written : copies)].sort(compareForSelection)[0];
}
