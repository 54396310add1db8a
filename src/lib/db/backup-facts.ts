/**
 * The facts of the backup reminder from what the database holds, read by Dexie (queries.ts) or
 * without it (light-read.ts, the home page).
 */
import type { BackupFacts } from '$lib/domain/exchange/backup';

/** What is read: the extreme dates of answers and actions, and two meta values as stored. */
export interface BackupReadings {
	first: number | undefined;
	last: number | undefined;
	firstAction: number | undefined;
	lastAction: number | undefined;
	imported: unknown;
	lastBackup: unknown;
}

const numberOf = (value: unknown) => (typeof value === 'number' ? value : null);

/** The facts of the backup reminder, `now` aside. */
export function backupFactsOf(r: BackupReadings): Omit<BackupFacts, 'now'> {
	const imported = numberOf(r.imported);
	// A change of the plan d'action is a change a backup must hold too.
	const lastChange = Math.max(
		r.last ?? -Infinity,
		r.lastAction ?? -Infinity,
		imported ?? -Infinity
	);
	const firstChange = Math.min(r.first ?? Infinity, r.firstAction ?? Infinity);
	return {
		lastBackupAt: numberOf(r.lastBackup),
		firstChangeAt: Number.isFinite(firstChange) ? firstChange : imported,
		lastChangeAt: Number.isFinite(lastChange) ? lastChange : null
	};
}
