import { sveltekit } from '@sveltejs/kit/vite';
import { playwright } from '@vitest/browser-playwright';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, findChromium } from './tests/chromium';
import { catalogue } from './scripts/vite-catalogue';

// CI asks for machine-readable results to print one "N passed, N failed" line.
const reportDir = process.env.LEVIERS_REPORT_DIR;

// The state classes (*.svelte.ts) need Svelte compiled for the browser and a real IndexedDB:
// their tests (*.svelte.test.ts) run in Debian's Chromium (vitest browser mode); the rest in Node.
const browserTests = 'src/**/*.svelte.test.ts';

/**
 * In the browser build, Svelte's runtime and SvelteKit's client (with their small dependencies)
 * are one chunk: every page needs most of them, and Rollup otherwise cuts them into ~25 files that
 * a page fetches in waves (six at a time over HTTP/1.1). Measured (issue 16): the filling page
 * 58 → 38 scripts and 121.3 → 115.9 kB gzip, the home page 49 → 30 and 99.2 → 94.8 kB.
 */
function frameworkChunk(): Plugin {
	const framework =
		/node_modules\/(svelte\/src|@sveltejs\/kit\/src\/runtime|esm-env|clsx|devalue)\//;
	return {
		name: 'leviers-framework-chunk',
		config: (_, env) =>
			env.isSsrBuild
				? undefined
				: {
						build: {
							rollupOptions: {
								output: { manualChunks: (id) => (framework.test(id) ? 'framework' : undefined) }
							}
						}
					}
	};
}

export default defineConfig({
	plugins: [catalogue(), frameworkChunk(), sveltekit()],
	build: { sourcemap: !!process.env.SOURCEMAP },
	// The import page's preview worker is an ES module: it can share chunks and load modules lazily.
	worker: { format: 'es', plugins: () => [catalogue()] },
	server: { fs: { allow: ['questionnaires'] } },
	test: {
		expect: { requireAssertions: true },
		// Property tests take seconds on a loaded 2-core machine: time is measured in benches.
		testTimeout: 30_000,
		reporters: reportDir ? ['default', 'json'] : ['default'],
		outputFile: reportDir ? { json: `${reportDir}/vitest.json` } : undefined,
		projects: [
			{
				extends: true,
				test: {
					name: 'server',
					include: ['src/**/*.test.ts', 'questionnaires/**/*.test.ts', 'scripts/**/*.test.ts'],
					exclude: [browserTests],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'client',
					include: [browserTests],
					browser: {
						enabled: true,
						headless: true,
						provider: playwright({
							launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS }
						}),
						instances: [{ browser: 'chromium' }]
					}
				}
			}
		]
	}
});
