import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

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
		// Kit's default version name is the build's time: it names the service worker's cache,
		// and old caches are pruned by comparing it (src/lib/pwa/caches.ts).
		version: { pollInterval: 0 },
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
