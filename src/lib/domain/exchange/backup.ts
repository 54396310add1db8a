/**
 * When to remind someone to save a full backup: answers changed since the last one, and more
 * than a week has passed (since that backup, or since the first answer when there is none).
 */

/** A week in milliseconds. */
export const BACKUP_INTERVAL = 7 * 86_400_000;

/** What the reminder is computed from (epoch milliseconds; null when none). */
export interface BackupFacts {
	lastBackupAt: number | null;
	/** Time of the earliest and latest answer change on the device. */
	firstChangeAt: number | null;
	lastChangeAt: number | null;
	now: number;
}

/** Whether to show the gentle reminder. */
export function needsBackup(facts: BackupFacts): boolean {
	const { lastBackupAt, firstChangeAt, lastChangeAt, now } = facts;
	if (lastChangeAt === null) return false;
	if (lastBackupAt !== null && lastChangeAt <= lastBackupAt) return false;
	const since = lastBackupAt ?? firstChangeAt ?? lastChangeAt;
	return now - since > BACKUP_INTERVAL;
}
