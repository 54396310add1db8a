/**
 * The one Dexie database of the app: every schema version lives here, in order.
 */
import { Dexie, type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import type { AnswerRecord, Campaign, Diagnostic } from '$lib/domain/answers';
import { WriteGate } from './write-gate';

/**
 * An answer as stored: one row per diagnostic and question, so two tabs or two writes on
 * different questions never overwrite each other. `value` is null while only a note is written.
 */
export interface StoredAnswer extends AnswerRecord {
	diagnosticId: string;
}

/** A small key–value record (e.g. the date of the last full export). */
export interface MetaRecord {
	key: string;
	value: unknown;
}

/** Name of the IndexedDB database. */
export const DB_NAME = 'leviers';

/** One version of the schema: what Dexie's `stores()` receives, and how data moves to it. */
export interface SchemaVersion {
	stores: Record<string, string>;
	/** Moves the data of the previous version, inside Dexie's upgrade transaction. */
	upgrade?: (tx: Transaction) => Promise<void>;
}

/** Schema versions, in order. Never edit a shipped entry; append a new one. */
export const SCHEMA_VERSIONS: Record<number, SchemaVersion> = {
	1: {
		stores: {
			campaigns: 'id, updatedAt',
			diagnostics: 'id, campaignId, [campaignId+moduleId], updatedAt',
			answers: '[diagnosticId+questionId], diagnosticId',
			meta: 'key'
		}
	},
	// v2: answers indexed by time of change, to find what changed since the last backup.
	2: {
		stores: { answers: '[diagnosticId+questionId], diagnosticId, changedAt' }
	}
};

/** The Leviers database. */
export class LeviersDB extends Dexie {
	campaigns!: EntityTable<Campaign, 'id'>;
	diagnostics!: EntityTable<Diagnostic, 'id'>;
	answers!: Dexie.Table<StoredAnswer, [string, string]>;
	meta!: EntityTable<MetaRecord, 'key'>;
	/** Stops every write at the first storage failure (see write-gate.ts). */
	readonly writes = new WriteGate();

	constructor(name = DB_NAME, options: Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'> = {}) {
		// Strict durability: a transaction resolves only once the data is on disk, so "Enregistré"
		// never shows for an answer a power cut could still lose.
		super(name, { chromeTransactionDurability: 'strict', ...options });
		for (const [v, { stores, upgrade }] of Object.entries(SCHEMA_VERSIONS)) {
			const version = this.version(Number(v)).stores(stores);
			if (upgrade) version.upgrade(upgrade);
		}
		this.use(this.writes.middleware());
		// The browser closes the connection after a failed disk write, or when site data is erased.
		this.on('close', () => this.writes.halt('closed'));
	}
}

/** The app's database instance. */
export const db = new LeviersDB();
