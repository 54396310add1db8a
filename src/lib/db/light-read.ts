/**
 * Reads for the pages that must stay light (issue 16: the home page, the filling page), with plain IndexedDB on
 * the database as Dexie left it, so that Dexie (33 kB gzip) is not loaded to show a list. Only
 * when the database stands at this release's schema: with none yet, the answer is empty and no
 * database is created; at any other version (older, to be upgraded; newer, another tab's
 * release) or on any failure to open, the read goes through Dexie, which upgrades or says why
 * in French.
 */
import type { Campaign } from '$lib/domain/answers';
import type { BackupFacts } from '$lib/domain/exchange/backup';
import { backupFactsOf } from './backup-facts';
import { RepositoryError } from './errors';
import { NOT_READ, readHaltFlag, tornLog } from './halt-flag';
import { connectionLost, loadedDatabase } from './loaded';
import { DB_NAME, META, SCHEMA_VERSION } from './names';
import type { Queries } from './queries';

/** The reads through Dexie: the app's, loaded on need (tests give their own). */
export type ViaDexie = () => Promise<
	Pick<
		Queries,
		'listCampaigns' | 'backupFacts' | 'getCampaign' | 'fillingState' | 'campaignDiagnostics'
	>
>;
export const appQueries: ViaDexie = async () => (await import('./queries')).queries;

/** Dexie stores schema version n as n × 10. */
const STORED_VERSION = SCHEMA_VERSION * 10;

type Opened = { db: IDBDatabase } | 'none' | 'other';

/**
 * The connection kept open between reads, so that the browser's closing it (site data erased,
 * a failed disk write) is heard while the page shows what it read, as Dexie's would be.
 */
let kept: { db: IDBDatabase; factory: IDBFactory } | undefined;

if (typeof addEventListener === 'function')
	// Put in the back/forward cache: closed, as Dexie does with its own; reopened at the next read.
	addEventListener('pagehide', (e) => {
		if (!e.persisted || !kept) return;
		kept.db.close();
		kept = undefined;
	});

/** An open under way, shared by the reads that start meanwhile (a page's load reads twice). */
let opening: { factory: IDBFactory; opened: Promise<Opened> } | undefined;

/** The database at this release's schema, 'none' when there is none, 'other' otherwise. */
function openAsItStands(factory: IDBFactory): Promise<Opened> {
	if (kept?.factory === factory) return Promise.resolve({ db: kept.db });
	if (opening?.factory === factory) return opening.opened;
	const opened = openNow(factory);
	const mine = { factory, opened };
	opening = mine;
	void opened.finally(() => opening === mine && (opening = undefined));
	return opened;
}

function openNow(factory: IDBFactory): Promise<Opened> {
	return new Promise((resolve) => {
		let request: IDBOpenDBRequest;
		try {
			request = factory.open(DB_NAME);
		} catch {
			resolve('other');
			return;
		}
		let absent = false;
		// Only when there is no database: the creation is undone, Dexie makes it on the first write.
		request.onupgradeneeded = () => {
			absent = true;
			request.transaction?.abort();
		};
		request.onsuccess = () => {
			const db = request.result;
			if (db.version !== STORED_VERSION) {
				db.close();
				resolve('other');
				return;
			}
			const mine = { db, factory };
			// Another tab upgrading (or deleting the database) is never held up by this connection.
			db.onversionchange = () => {
				db.close();
				if (kept === mine) kept = undefined;
			};
			// Fired only when the browser closes it.
			db.onclose = () => {
				if (kept === mine) kept = undefined;
				connectionLost();
			};
			if (kept) kept.db.close();
			kept = mine;
			resolve({ db });
		};
		request.onerror = (e) => {
			e.preventDefault();
			resolve(absent ? 'none' : 'other');
		};
	});
}

/** The result of a request. */
export function result<T>(request: IDBRequest<T>): Promise<T> {
	return new Promise((ok, fail) => {
		request.onsuccess = () => ok(request.result);
		request.onerror = () => fail(request.error);
	});
}

/** The value of the first record of `index` in `direction`, or undefined. */
async function edge<T>(index: IDBIndex, direction: IDBCursorDirection): Promise<T | undefined> {
	const cursor = await result(index.openCursor(null, direction));
	return (cursor?.value as T | undefined) ?? undefined;
}

/** Whether saves of a tab on the previous release wait in `answers` (db.ts folds them first). */
export async function strayRows(tx: IDBTransaction): Promise<boolean> {
	return (await result(tx.objectStore('answers').count())) > 0;
}

/**
 * Runs `read` on the database as it stands, or gives `empty` without one, or runs `fallback`
 * (Dexie) when the database is not at this release's schema or `read` gives undefined.
 */
export async function lightRead<T>(
	read: (db: IDBDatabase) => Promise<T | undefined>,
	empty: T,
	fallback: () => Promise<T>,
	factory: IDBFactory = globalThis.indexedDB
): Promise<T> {
	// After a failed disk write, not even a read opens the store before « Réessayer ».
	if (loadedDatabase()?.writes.halted || tornLog(readHaltFlag()))
		throw new RepositoryError(NOT_READ);
	const opened = factory ? await openAsItStands(factory) : 'other';
	if (opened === 'none') return empty;
	if (opened === 'other') return fallback();
	const value = await read(opened.db);
	return value === undefined ? fallback() : value;
}

/** The campaigns, the last changed first (as `queries.listCampaigns`). */
export function listCampaigns(factory?: IDBFactory, dexie = appQueries): Promise<Campaign[]> {
	return lightRead(
		async (db) => {
			const store = db.transaction('campaigns', 'readonly').objectStore('campaigns');
			// In the index's order, ties by id, as Dexie's orderBy('updatedAt').reverse().
			const rows = await result(store.index('updatedAt').getAll());
			return (rows as Campaign[]).reverse();
		},
		[],
		async () => (await dexie()).listCampaigns(),
		factory
	);
}

/** The facts of the backup reminder, `now` aside (as `queries.backupFacts`), in one transaction. */
export function backupFacts(
	factory?: IDBFactory,
	dexie = appQueries
): Promise<Omit<BackupFacts, 'now'>> {
	return lightRead(
		async (db) => {
			const tx = db.transaction(['answerSets', 'actions', 'meta', 'answers'], 'readonly');
			// Saves of a tab left on the previous release wait there for Dexie's fold (db.ts):
			// read through Dexie, which folds them first, lest the reminder miss them.
			if (await strayRows(tx)) return undefined;
			const sets = tx.objectStore('answerSets');
			const actions = tx.objectStore('actions').index('updatedAt');
			const meta = tx.objectStore('meta');
			const [first, last, firstAction, lastAction, imported, lastBackup] = await Promise.all([
				edge<{ first: number }>(sets.index('first'), 'next'),
				edge<{ last: number }>(sets.index('last'), 'prev'),
				edge<{ updatedAt: number }>(actions, 'next'),
				edge<{ updatedAt: number }>(actions, 'prev'),
				result(meta.get(META.lastImport)),
				result(meta.get(META.lastBackup))
			]);
			return backupFactsOf({
				first: first?.first,
				last: last?.last,
				firstAction: firstAction?.updatedAt,
				lastAction: lastAction?.updatedAt,
				imported: (imported as { value?: unknown } | undefined)?.value,
				lastBackup: (lastBackup as { value?: unknown } | undefined)?.value
			});
		},
		backupFactsOf({
			first: undefined,
			last: undefined,
			firstAction: undefined,
			lastAction: undefined,
			imported: undefined,
			lastBackup: undefined
		}),
		async () => (await dexie()).backupFacts(),
		factory
	);
}
