/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Kit's service worker: precaches the whole built app under a cache named after the build, so
 * that after one visit every route opens with no network. It never touches other origins.
 * Old caches are not deleted here: a tab left open on the previous version still needs its
 * chunks. Pages prune the caches no open tab uses any more (src/lib/pwa/caches.ts).
 */
import { build, files, prerendered, version } from '$service-worker';
import { referencedScripts } from '$lib/pwa/chunks';
import { navigationFiles, pageFile } from '$lib/pwa/pages';

const sw = self as unknown as ServiceWorkerGlobalScope;

/** Cache names: one per build. */
const CACHE = `leviers-${version}`;
/** The SPA fallback page, served for every route that was not prerendered. */
const FALLBACK = '/200.html';
// Prerendered pages are fetched by their file name (`/donnees.html`, not `/donnees`): any static
// host serves that, while `/donnees` needs a rewrite that a plain host does not have, and one
// 404 would make the whole installation fail.
const ASSETS = [...new Set([...build, ...files, ...prerendered.map(pageFile), FALLBACK])];

const APP_DIR = new URL('_app/immutable/', sw.location.href).pathname;

/** Caches the build, then the scripts its scripts load that Kit does not list (web workers). */
async function precache(): Promise<void> {
	const cache = await caches.open(CACHE);
	await cache.addAll(ASSETS);
	const seen = new Set(ASSETS);
	let scripts = ASSETS.filter((file) => file.endsWith('.js'));
	while (scripts.length > 0) {
		const found: string[] = [];
		for (const file of scripts) {
			const text = (await (await cache.match(file))?.text()) ?? '';
			for (const script of referencedScripts(text, file))
				if (!seen.has(script) && script.startsWith(APP_DIR)) {
					seen.add(script);
					found.push(script);
				}
		}
		// A worker that fails to cache is no reason to fail the installation: the page then does
		// the worker's work itself (the import's preview, slower on a large file).
		const cached = await Promise.all(
			found.map((file) =>
				cache.add(file).then(
					() => file,
					() => null
				)
			)
		);
		scripts = cached.filter((file) => file !== null);
	}
}

sw.addEventListener('install', (event) => {
	event.waitUntil(precache());
});

sw.addEventListener('activate', (event) => {
	// Take control of pages opened before this worker (the very first visit).
	event.waitUntil(sw.clients.claim());
});

sw.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

async function respond(request: Request): Promise<Response> {
	const url = new URL(request.url);
	const cache = await caches.open(CACHE);
	// Assets of this build first, then those of an older build still open in some tab.
	const cached = (await cache.match(request)) ?? (await caches.match(request));
	if (cached) return cached;
	if (request.mode === 'navigate') {
		for (const file of navigationFiles(url.pathname, FALLBACK)) {
			const page = await cache.match(file);
			// A host that redirects `/donnees.html` to `/donnees` left a redirected response,
			// which the browser refuses for a navigation: the page is answered as itself.
			if (page) return page.redirected ? new Response(page.body, page) : page;
		}
	}
	return fetch(request);
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	// Other origins are none of our business: never cached, never answered.
	if (url.origin !== sw.location.origin) return;
	event.respondWith(respond(request));
});
