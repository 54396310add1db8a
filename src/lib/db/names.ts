/**
 * What a page needs to know of the database without loading Dexie (issue 16: the home page
 * reads with plain IndexedDB, see light-read.ts).
 */

/** Name of the IndexedDB database. */
export const DB_NAME = 'leviers';

/** The last schema version of `SCHEMA_VERSIONS` (db.ts; a unit test holds them together). */
export const SCHEMA_VERSION = 5;

/** Keys of the meta table used by exchanges. */
export const META = {
	/** This device's random id, written in its exports. */
	device: 'deviceId',
	/** Epoch ms of the last full export (backup). */
	lastBackup: 'lastBackupAt',
	/** Epoch ms of the last import: imported answers keep their own (older) dates. */
	lastImport: 'lastImportAt'
} as const;
