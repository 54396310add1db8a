import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every route is rendered in the browser from one fallback page: the app is static files
		// plus a service worker, and campaign pages only exist on the user's device.
		adapter: adapter({ fallback: '200.html' }),
		serviceWorker: { register: false },
		version: { pollInterval: 0 },
		typescript: {
			// Type-check the benchmarks and the Playwright config with the app.
			config: (ts) => ({
				...ts,
				include: [...ts.include, '../bench/**/*.ts', '../playwright.config.ts']
			})
		}
	}
};

export default config;
