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

const sw = self as unknown as ServiceWorkerGlobalScope;

/** Cache names: one per build. */
const CACHE = `leviers-${version}`;
/** The SPA fallback page, served for every route that was not prerendered. */
const FALLBACK = '/200.html';
const ASSETS = [...new Set([...build, ...files, ...prerendered, FALLBACK])];

sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
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
		const page =
			(await cache.match(url.pathname)) ??
			(await cache.match(`${url.pathname}.html`)) ??
			(await cache.match(FALLBACK));
		if (page) return page;
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
