import { describe, expect, it } from 'vitest';
import { BACKUP_INTERVAL, needsBackup } from './backup';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 26);

describe('needsBackup', () => {
	it('stays quiet without answers, or when nothing changed since the last backup', () => {
		expect(needsBackup({ lastBackupAt: null, firstChangeAt: null, lastChangeAt: null, now })).toBe(
			false
		);
		expect(
			needsBackup({
				lastBackupAt: now - 30 * DAY,
				firstChangeAt: 0,
				lastChangeAt: now - 31 * DAY,
				now
			})
		).toBe(false);
	});

	it('reminds once answers changed since the backup and more than a week has passed', () => {
		const facts = { firstChangeAt: 0, lastChangeAt: now - DAY, now };
		expect(needsBackup({ ...facts, lastBackupAt: now - 6 * DAY })).toBe(false);
		expect(needsBackup({ ...facts, lastBackupAt: now - BACKUP_INTERVAL - 1 })).toBe(true);
	});

	it('without any backup, counts the week from the first answer', () => {
		expect(
			needsBackup({ lastBackupAt: null, firstChangeAt: now - 3 * DAY, lastChangeAt: now, now })
		).toBe(false);
		expect(
			needsBackup({ lastBackupAt: null, firstChangeAt: now - 8 * DAY, lastChangeAt: now, now })
		).toBe(true);
	});
});
