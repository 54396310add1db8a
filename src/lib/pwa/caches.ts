/**
 * Deletes the app caches that no open tab needs any more. Every tab answers, on a
 * BroadcastChannel, with the build it runs; caches of builds that are older than this tab's and
 * that nobody runs are deleted. Newer caches are never touched: they belong to a service worker
 * that is installed and waiting for the user to accept the update.
 */

const CHANNEL = 'leviers-versions';
const PREFIX = 'leviers-';

/** Answers other tabs' questions about which build this tab runs. */
export function answerVersionQueries(version: string): () => void {
	if (typeof BroadcastChannel === 'undefined') return () => {};
	const channel = new BroadcastChannel(CHANNEL);
	channel.onmessage = (e: MessageEvent<{ type: string }>) => {
		if (e.data?.type === 'which') channel.postMessage({ type: 'version', version });
	};
	return () => channel.close();
}

/** Asks the other tabs for their builds, then deletes caches of builds nobody runs. */
export async function pruneCaches(version: string, waitMs = 1500): Promise<string[]> {
	if (typeof caches === 'undefined' || typeof BroadcastChannel === 'undefined') return [];
	const inUse = new Set([version]);
	const channel = new BroadcastChannel(CHANNEL);
	channel.onmessage = (e: MessageEvent<{ type: string; version?: string }>) => {
		if (e.data?.type === 'version' && e.data.version) inUse.add(e.data.version);
	};
	// Asked twice: a tab busy with a long task may miss the first question.
	channel.postMessage({ type: 'which' });
	await new Promise((ok) => setTimeout(ok, waitMs / 2));
	channel.postMessage({ type: 'which' });
	await new Promise((ok) => setTimeout(ok, waitMs / 2));
	channel.close();
	const stale = (await caches.keys()).filter((k) => {
		const v = k.slice(PREFIX.length);
		return k.startsWith(PREFIX) && !inUse.has(v) && isOlder(v, version);
	});
	await Promise.all(stale.map((k) => caches.delete(k)));
	return stale;
}

/** Kit's build versions are timestamps: compare them as numbers, and never guess otherwise. */
function isOlder(a: string, b: string): boolean {
	const x = Number(a);
	const y = Number(b);
	return Number.isFinite(x) && Number.isFinite(y) && x < y;
}
