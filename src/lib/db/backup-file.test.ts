// The app's database is the global IndexedDB: fake-indexeddb must be installed before Dexie loads.
import 'fake-indexeddb/auto';
import { afterEach, expect, it, vi } from 'vitest';
import { repository } from '$lib/db/repository';
import { backupFile } from './exchange';
import { queries } from './queries';

afterEach(() => vi.useRealTimers());

it('a backup is recorded once downloaded, at the time written in the file', async () => {
	vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 10, 26, 10) });
	const c = await repository.createCampaign({ authority: 'CC', label: 'D', modules: ['eau'] });
	const d = await repository.openDiagnostic(c.id, 'eau');
	await repository.saveNote(d.id, 'eau-economies-batiments', 'à sauvegarder');

	vi.setSystemTime(Date.UTC(2026, 10, 26, 11));
	const file = await backupFile();
	const exportedAt = Date.parse((JSON.parse(file.text) as { exportedAt: string }).exportedAt);
	expect(exportedAt).toBe(Date.UTC(2026, 10, 26, 11));
	// Built, not yet downloaded (it could still fail): the reminder must not be silenced yet.
	expect((await queries.backupFacts()).lastBackupAt).toBeNull();

	vi.setSystemTime(Date.UTC(2026, 10, 26, 11, 5));
	await file.downloaded?.();
	expect((await queries.backupFacts()).lastBackupAt).toBe(exportedAt);
});
