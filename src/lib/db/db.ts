/**
 * The one Dexie database of the app: every schema version lives here, in order.
 */
import {
	Dexie,
	type DexieOptions,
	type EntityTable,
	type PromiseExtended,
	type Transaction
} from 'dexie';
import type { AnswerRecord, Campaign, Diagnostic } from '$lib/domain/answers';
import type { DiagnosticMigration } from '$lib/domain/migration/migrate';
import type { PlanAction } from '$lib/domain/plan/action';
import { answerSet, rowsOf, type AnswerSet, type StoredAnswer } from './answer-sets';
import { RepositoryError } from './errors';
import { announceDatabase } from './loaded';
import { DB_NAME } from './names';
import { WriteGate } from './write-gate';

export type { StoredAnswer } from './answer-sets';

/** A small key–value record (e.g. the date of the last full export). */
export interface MetaRecord {
	key: string;
	value: unknown;
}

export { DB_NAME } from './names';

/** One version of the schema: what Dexie's `stores()` receives, and how data moves to it. */
export interface SchemaVersion {
	/** null deletes a table (after `upgrade` ran: it may read the table). */
	stores: Record<string, string | null>;
	/** Moves the data of the previous version, inside Dexie's upgrade transaction. */
	upgrade?: (tx: Transaction, migrate: DiagnosticMigration) => Promise<void>;
	/** Whether `upgrade` carries answers with the shipped migration rules (loaded for it). */
	rules?: true;
}

/**
 * Carries every stored diagnostic answered against an older questionnaire version to the current
 * one, inside an upgrade transaction: its answer rows rewritten, its row updated with its retired
 * answers and version (revision and dates unchanged: the migration is no change of the
 * respondent's). Schema 3's upgrade, on the row-per-answer layout of schemas 1 to 4; a schema
 * version that ships a new content version calls `migrateAnswerSets` (docs/architecture.md,
 * « Content versions »).
 */
export async function migrateStoredDiagnostics(
	tx: Transaction,
	migrate: DiagnosticMigration
): Promise<void> {
	const diagnostics = tx.table<Diagnostic, string>('diagnostics');
	const answers = tx.table<StoredAnswer, [string, string]>('answers');
	for (const diagnostic of await diagnostics.toArray()) {
		const rows = await answers.where('diagnosticId').equals(diagnostic.id).toArray();
		// The rows as they are (their diagnosticId set again below whatever the migration does).
		const before = { ...diagnostic, answers: rows as AnswerRecord[] };
		const after = migrate(before);
		if (after === before) continue;
		const { answers: moved, ...row } = after;
		await answers.where('diagnosticId').equals(diagnostic.id).delete();
		await answers.bulkAdd(moved.map((a) => ({ ...a, diagnosticId: diagnostic.id })));
		await diagnostics.put(row);
	}
}

/** `migrateStoredDiagnostics` on the layout of schema 5 on: one answer record per diagnostic. */
export async function migrateAnswerSets(
	tx: Transaction,
	migrate: DiagnosticMigration
): Promise<void> {
	const diagnostics = tx.table<Diagnostic, string>('diagnostics');
	const sets = tx.table<AnswerSet, string>('answerSets');
	for (const diagnostic of await diagnostics.toArray()) {
		const before = {
			...diagnostic,
			answers: rowsOf(await sets.get(diagnostic.id)) as AnswerRecord[]
		};
		const after = migrate(before);
		if (after === before) continue;
		const { answers: moved, ...row } = after;
		const set = answerSet(diagnostic.id, moved);
		await (set ? sets.put(set) : sets.delete(diagnostic.id));
		await diagnostics.put(row);
	}
}

/**
 * Moves answer rows found in `answers` into the answer records, a row replacing its question's
 * unless the record's is newer, then empties `answers`. Schema 5's upgrade, and at every open:
 * a tab left on the previous release (the update is taken in one tab, the others keep their
 * code) still reads and writes `answers`, so its saves are carried at the next open instead of
 * lost. `answers` stays declared for that reason: removed, the previous release's Dexie would
 * recreate it by a version change of its own (« schema patch mode »).
 */
export async function foldAnswerRows(tx: Pick<Transaction, 'table'>): Promise<void> {
	const table = tx.table<StoredAnswer, [string, string]>('answers');
	const rows = await table.toArray();
	if (rows.length === 0) return;
	const byDiagnostic = new Map<string, StoredAnswer[]>();
	for (const row of rows) {
		const list = byDiagnostic.get(row.diagnosticId);
		if (list) list.push(row);
		else byDiagnostic.set(row.diagnosticId, [row]);
	}
	const sets = tx.table<AnswerSet, string>('answerSets');
	const stored = await sets.bulkGet([...byDiagnostic.keys()]);
	const merged = [...byDiagnostic].map(([id, list], i) => {
		// The record's row stays when it is newer, or dated while the stray row is not (a row
		// without a numeric date is no evidence of a later change).
		const kept = (stored[i]?.rows ?? []).filter((old) =>
			list.every(
				(r) =>
					r.questionId !== old.questionId ||
					(Number.isFinite(old.changedAt) &&
						(!Number.isFinite(r.changedAt) || old.changedAt > r.changedAt))
			)
		);
		const newer = list.filter((r) => !kept.some((old) => old.questionId === r.questionId));
		return answerSet(id, [...kept, ...newer])!;
	});
	await sets.bulkPut(merged);
	await table.clear();
}

/** Schema versions, in order. Never change what a shipped entry does; append a new one. */
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
	},
	// v3: content v2 (issue 13): answers of questionnaire v1 carried by the mapping files.
	3: { stores: {}, upgrade: migrateStoredDiagnostics, rules: true },
	// v4: the plan d'action (issue 14): one row per action, steps and follow-ups inside it.
	4: { stores: { actions: 'id, campaignId, updatedAt' } },
	// v5: the answers of a diagnostic in one record (issue 16: an import writes 20× fewer records).
	// `answers` is kept, empty, for tabs still on the previous release (see foldAnswerRows).
	5: { stores: { answerSets: 'diagnosticId, first, last' }, upgrade: foldAnswerRows }
};

/** The last schema version whose upgrade needs the migration rules: `open` loads them first below it. */
const LAST_RULES_VERSION = Math.max(
	...Object.entries(SCHEMA_VERSIONS).map(([v, s]) => (s.rules ? Number(v) : 0))
);

/** The shipped migration rules and the content they need (~70 kB), loaded on need. */
async function loadMigration(): Promise<DiagnosticMigration> {
	try {
		return (await import('$lib/domain/migration/shipped')).migrateToCurrent;
	} catch {
		// A chunk that cannot be fetched (an update half-installed, no network without the
		// service worker): the upgrade fails before moving anything.
		throw new RepositoryError(
			'Les règles de mise à jour de vos réponses n’ont pas pu être chargées\u202f: rien n’a été modifié. Rechargez la page une fois connecté à Internet.'
		);
	}
}

/** The Leviers database. */
export class LeviersDB extends Dexie {
	campaigns!: EntityTable<Campaign, 'id'>;
	diagnostics!: EntityTable<Diagnostic, 'id'>;
	answerSets!: EntityTable<AnswerSet, 'diagnosticId'>;
	meta!: EntityTable<MetaRecord, 'key'>;
	actions!: EntityTable<PlanAction, 'id'>;
	/**
	 * Stops every write at the first storage failure (see write-gate.ts). After a storage
	 * failure the database is closed, not reopened until « Réessayer » has started a clean log
	 * (storage-health.svelte.ts): an open of the store, reads only, appends to its log behind the
	 * torn record, and the next start of the browser then deletes the database (red team: lost at
	 * 4 restarts in 5 without « Réessayer », the page having read again after the failure).
	 */
	readonly writes = new WriteGate(() => this.close({ disableAutoOpen: true }));
	/** How upgrades carry old answers; loaded by `open` only when an upgrade needs it. */
	#migrate: DiagnosticMigration | undefined;
	readonly #factory: Partial<IDBFactory> | undefined;

	constructor(
		name = DB_NAME,
		options: Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'> & {
			/** How upgrades carry old answers; the shipped mappings by default. */
			migrate?: DiagnosticMigration;
		} = {}
	) {
		const { migrate, ...dexieOptions } = options;
		// Strict durability: a transaction resolves only once the data is on disk, so "Enregistré"
		// never shows for an answer a power cut could still lose.
		super(name, { chromeTransactionDurability: 'strict', ...dexieOptions });
		for (const [v, { stores, upgrade, rules }] of Object.entries(SCHEMA_VERSIONS)) {
			const version = this.version(Number(v)).stores(stores);
			if (upgrade && !rules)
				version.upgrade((tx) =>
					upgrade(tx, () => {
						throw new Error('Cette mise à jour ne porte pas les règles de migration.');
					})
				);
			else if (upgrade)
				version.upgrade(async (tx) => {
					// Loaded by `open` before any upgrade, unless the browser's list of databases was
					// wrong (stale, or another tab created the database meanwhile): then loaded here,
					// the transaction kept alive meanwhile; if that fails, the upgrade fails, nothing moves.
					this.#migrate ??= await Dexie.waitFor(loadMigration());
					return upgrade(tx, this.#migrate);
				});
		}
		this.#migrate = migrate;
		this.#factory =
			(dexieOptions.indexedDB as Partial<IDBFactory> | undefined) ?? globalThis.indexedDB;
		this.use(this.writes.middleware());
		// Sticky (the last argument): Dexie otherwise drops a ready subscriber after the first open.
		this.on(
			'ready',
			async (vip: Dexie) => {
				// The browser closes the connection after a failed disk write, or when site data is
				// erased: the connection's own close event, which fires only then. Not Dexie's: it
				// fires on every close, Dexie's own too (the page put in the back/forward cache,
				// another tab's schema upgrade, an open failed for want of the migration rules), and
				// halting then switched off saving in every tab (the halt is remembered and shared).
				vip.backendDB().addEventListener('close', () => {
					this.writes.halt('closed');
					this.close({ disableAutoOpen: true });
				});
				// Saves of a tab left on the previous release, carried at each open (foldAnswerRows).
				// A failure (writes halted, a full disk) leaves them where they are, for the next open.
				try {
					if ((await vip.table('answers').count()) === 0) return;
					await vip.transaction('rw', ['answers', 'answerSets'], (tx) => foldAnswerRows(tx));
				} catch {
					// Left for the next open; the page works on what the records hold.
				}
			},
			true
		);
	}

	/**
	 * Opens the database (Dexie calls this on the first query too). The shipped mappings and the
	 * content they need (~70 kB) are loaded first only when the stored database is older than the
	 * migration of content v2, or when the browser cannot say (issue 16: not on every page).
	 */
	override open(): PromiseExtended<Dexie> {
		if (this.#migrate) return super.open();
		// Loading fails: Dexie's open runs anyway, so that the upgrade fails (nothing moved) and
		// every query waiting for the database gets the error; else they would wait forever.
		return Dexie.Promise.resolve(this.#loadMigrationIfNeeded().catch(() => {})).then(() =>
			super.open()
		);
	}

	async #loadMigrationIfNeeded(): Promise<void> {
		let stored: IDBDatabaseInfo | undefined | null = null; // null: the browser cannot say
		let timer: ReturnType<typeof setTimeout> | undefined;
		try {
			// Chromium may never answer (seen while site data is erased): past a second, it cannot say.
			const late = new Promise<null>((ok) => (timer = setTimeout(() => ok(null), 1000)));
			const listed = this.#factory?.databases
				? await Promise.race([this.#factory.databases(), late])
				: null;
			if (listed) stored = listed.find((d) => d.name === this.name);
		} catch {
			stored = null;
		} finally {
			clearTimeout(timer);
		}
		// No database yet: nothing to carry. Dexie stores version n as n × 10.
		if (stored === undefined || (stored && (stored.version ?? 0) >= 10 * LAST_RULES_VERSION))
			return;
		this.#migrate ??= await loadMigration();
	}
}

/** The app's database instance. */
export const db = new LeviersDB();
announceDatabase(db);
