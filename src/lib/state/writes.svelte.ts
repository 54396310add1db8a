/**
 * Counts the writes in flight across the app, so that anything that would reload the page
 * (an update of the app) can wait until every answer has committed.
 */
import { loadedDatabase } from '$lib/db/loaded';

let inFlight = 0;
let idleWaiters: (() => void)[] = [];

/** Runs a write and keeps count of it while it is in flight; a storage failure halts writes. */
export async function trackWrite<T>(write: Promise<T>): Promise<T> {
	inFlight++;
	try {
		return await write;
	} catch (e) {
		// A write ran: the database is loaded.
		loadedDatabase()?.writes.report(e);
		throw e;
	} finally {
		inFlight--;
		if (inFlight === 0) {
			const waiters = idleWaiters;
			idleWaiters = [];
			for (const w of waiters) w();
		}
	}
}

/** Resolves once no write is in flight. */
function whenIdle(): Promise<void> {
	return inFlight === 0 ? Promise.resolve() : new Promise((ok) => idleWaiters.push(ok));
}

// Registrations are never shown: a plain Set on purpose.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const flushers = new Set<() => Promise<boolean>>();

/**
 * Registers a function that saves edits still being typed and retries failed ones, resolving
 * to true when nothing is left unsaved; returns its unregistration.
 */
export function onFlush(flush: () => Promise<boolean>): () => void {
	flushers.add(flush);
	return () => flushers.delete(flush);
}

/** Saves every edit still being typed, waits for every write; true when all are committed. */
export async function flushAndSettle(): Promise<boolean> {
	const results = await Promise.all([...flushers].map((f) => f()));
	await whenIdle();
	return results.every(Boolean);
}
