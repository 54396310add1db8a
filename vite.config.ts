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
 * In the browser build, two groups of modules are one chunk each instead of ~45 small files that a
 * page fetches in waves (six at a time over HTTP/1.1, each wave waiting for the code that names
 * the next): Svelte's runtime with SvelteKit's client, and the app's core (the database, its
 * reads and writes, the catalogue, the loading of questionnaires), which the root layout and every
 * campaign page use. Measured (issue 16, `node scripts/page-sizes.mjs`): the filling page 58 → 20
 * scripts, 121.3 → 114.4 kB gzip, its first question 10–35 % sooner on a cold cache; the home
 * page 49 → 13 scripts, 99.2 → 93.5 kB. The server build (prerendering) is left as Kit makes it.
 * Rollup also moves into the core what only it uses (Vite's preload helper, `content/files.ts`):
 * the app's entry then waits for the core; moving those two out measured no faster (two
 * alternated runs) and 0.3–0.4 kB heavier pages.
 * The modules every page uses without Dexie (the storage banner, the write counter, the
 * catalogue) join the framework's chunk, and Dexie stays in the core: the home page reads with
 * plain IndexedDB (db/light-read.ts) and loads 53.5 kB instead of 94.4; every other page 1.0 kB
 * more (a separate chunk for them cost 1.4 kB and a file more).
 * The filling and results pages read without Dexie too (light-filling.ts, light-results.ts) and
 * load the core at their first write: the questionnaires' model they share is a chunk of its
 * own ('domain'; left to Rollup, it joined the core, Dexie with it), and so is valibot, which
 * only the import page, sync and upgrades run (in 'domain' through questionnaire.ts's schemas,
 * which the browser build drops, it cost every page 2.6 kB). Filling page 117.1 → 79.8 kB.
 */
function fewerChunks(): Plugin {
	const framework =
		/node_modules\/(svelte\/src|@sveltejs\/kit\/src\/runtime|esm-env|clsx|devalue)\//;
	// What the home page uses too, none of it loading Dexie (it reads with light-read.ts).
	const base =
		/src\/lib\/(db\/(errors|space-probe|names|loaded|backup-facts)\.ts|state\/(writes|storage-health)\.svelte\.ts|domain\/content\/(catalogue|files)\.ts|format\.ts|files\.ts)/;
	const core =
		/(node_modules\/dexie\/|src\/lib\/(db\/(queries|repository|sync-keys|write-rules|db|write-gate)\.ts|state\/live\.svelte\.ts|domain\/exchange\/limits\.ts))/;
	// What the filling page needs besides the framework, without Dexie (it reads with
	// light-read.ts and loads the repository at its first write): the questionnaires' model.
	const domain =
		/src\/lib\/(db\/(answer-sets|filling|persistence)\.ts|domain\/content\/(questionnaire|load|text-limits|questionnaire-index)\.ts|domain\/answers\.ts|domain\/scoring\/selection\.ts)/;
	return {
		name: 'leviers-fewer-chunks',
		config: (_, env) =>
			env.isSsrBuild
				? undefined
				: {
						build: {
							rollupOptions: {
								output: {
									manualChunks: (id) =>
										id.includes('node_modules/valibot/')
											? 'valibot'
											: framework.test(id)
												? 'framework'
												: base.test(id)
													? 'framework'
													: core.test(id)
														? 'core'
														: domain.test(id)
															? 'domain'
															: undefined
								}
							}
						}
					}
	};
}

export default defineConfig({
	plugins: [catalogue(), fewerChunks(), sveltekit()],
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
