/**
 * The one Dexie database of the app: every schema version lives here, in order.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Answer, Campaign, Diagnostic } from '$lib/domain/answers';
import { WriteGate } from './write-gate';

/**
 * An answer as stored: one row per diagnostic and question, so two tabs or two writes on
 * different questions never overwrite each other. `value` is null while only a note is written.
 */
export interface StoredAnswer extends Omit<Answer, 'value'> {
	diagnosticId: string;
	value: Answer['value'] | null;
}

/** A small key–value record (e.g. the date of the last full export). */
export interface MetaRecord {
	key: string;
	value: unknown;
}

/** Name of the IndexedDB database. */
export const DB_NAME = 'leviers';

/**
 * Schema versions: each entry is what Dexie's `stores()` receives. Never edit a shipped entry;
 * append a new one (with an upgrade function if data must move).
 */
export const SCHEMA_VERSIONS: Record<number, Record<string, string>> = {
	1: {
		campaigns: 'id, updatedAt',
		diagnostics: 'id, campaignId, [campaignId+moduleId], updatedAt',
		answers: '[diagnosticId+questionId], diagnosticId',
		meta: 'key'
	},
	// v2: answers indexed by time of change, to find what changed since the last backup.
	2: {
		answers: '[diagnosticId+questionId], diagnosticId, changedAt'
	}
};

/** The current schema version. */
export const SCHEMA_VERSION = Math.max(...Object.keys(SCHEMA_VERSIONS).map(Number));

/** The Leviers database. */
export class LeviersDB extends Dexie {
	campaigns!: EntityTable<Campaign, 'id'>;
	diagnostics!: EntityTable<Diagnostic, 'id'>;
	answers!: Dexie.Table<StoredAnswer, [string, string]>;
	meta!: EntityTable<MetaRecord, 'key'>;
	/** Stops every write at the first storage failure (see write-gate.ts). */
	readonly writes = new WriteGate();

	constructor(name = DB_NAME, options: { indexedDB?: IDBFactory; IDBKeyRange?: unknown } = {}) {
		// Strict durability: a transaction resolves only once the data is on disk, so "Enregistré"
		// never shows for an answer a power cut could still lose.
		super(name, { chromeTransactionDurability: 'strict', ...options } as never);
		for (const [v, stores] of Object.entries(SCHEMA_VERSIONS))
			this.version(Number(v)).stores(stores);
		this.use(this.writes.middleware());
		// The browser closes the connection after a failed disk write, or when site data is erased.
		this.on('close', () => this.writes.halt('closed'));
	}
}

/** The app's database instance. */
export const db = new LeviersDB();
