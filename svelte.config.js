import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The one inline style attribute the app shows: the one of Kit's route announcer (a visually
 * hidden live region written in Kit's root component). The policy allows it by its hash rather
 * than allowing every inline style; the hash is computed from Kit's source so that an upgrade of
 * Kit that changes it cannot silently break the announcer.
 */
function announcerStyleHash() {
	const kit = createRequire(import.meta.url).resolve('@sveltejs/kit/package.json');
	const root = readFileSync(join(dirname(kit), 'src/core/sync/write_root.js'), 'utf8');
	const style = /id="svelte-announcer"[^>]*\sstyle="([^"]+)"/.exec(root)?.[1];
	if (!style) throw new Error('The style of SvelteKit’s announcer was not found: check the CSP.');
	return `sha256-${createHash('sha256').update(style).digest('base64')}`;
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every route is rendered in the browser from one fallback page: the app is static files
		// plus a service worker, and campaign pages only exist on the user's device.
		// LEVIERS_BUILD_DIR lets the offline tests build a second version beside the first.
		adapter: adapter({
			pages: process.env.LEVIERS_BUILD_DIR ?? 'build',
			assets: process.env.LEVIERS_BUILD_DIR ?? 'build',
			fallback: '200.html'
		}),
		serviceWorker: { register: false },
		// Style sheets are not inlined (`inlineStyleThreshold`, tried in issue 16): Lighthouse
		// (slow 4G, 4 alternated runs) gave an earlier first paint (home ~1.36 → ~1.0 s) but a
		// module page at 88-99 (median 93) instead of 92-99 (median 98), its hydration counted as
		// blocking once the paint comes first; the module page must stay ≥ 95.
		// Kit's default version name is the build's time: it names the service worker's cache,
		// and old caches are pruned by comparing it (src/lib/pwa/caches.ts).
		version: { pollInterval: 0 },
		// Content-Security-Policy, written by Kit as a <meta http-equiv> in every prerendered page
		// and the fallback, with the hash of each inline bootstrap script: the app is served by any
		// static host, and the meta goes wherever the files go. Nothing from another origin, and no
		// inline style: the report's page header is a constructed style sheet, chart.js and
		// Svelte's style: directives write styles through the CSSOM, which the policy does not
		// restrict. scripts/serve.mjs sends the same policy as a header (plus frame-ancestors).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-hashes', announcerStyleHash()],
				'img-src': ['self'],
				'font-src': ['self'],
				// Synchronisation (issue 15) talks to the CouchDB server the coordinator enters: any
				// HTTPS origin, or a server on this machine (tests, a trial). The app calls none
				// unless synchronisation is set up; docs/synchronisation.md says how to narrow it.
				'connect-src': ['self', 'https:', 'http://localhost:*', 'http://127.0.0.1:*'],
				'manifest-src': ['self'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		},
		typescript: {
			// Type-check the benchmarks, the scripts' tests and the Playwright config with the app.
			config: (ts) => ({
				...ts,
				include: [
					...ts.include,
					'../bench/**/*.ts',
					'../scripts/**/*.ts',
					'../playwright.config.ts'
				]
			})
		}
	}
};

export default config;
