/** Shared set-up of the browser benchmarks: a fresh build served locally, and Chromium. */
import { chromium, type Browser } from '@playwright/test';
import { execSync } from 'node:child_process';
import type { Server } from 'node:http';
import { serve } from '../scripts/serve.mjs';
import { CHROMIUM_ARGS, findChromium } from '../tests/chromium';

let built = false;

/**
 * The build the browser benches serve: `build`, built once per run, or BENCH_BUILD (an existing
 * build directory, not rebuilt: to compare two builds one after the other in the same conditions).
 */
export const buildDir = process.env.BENCH_BUILD || 'build';

/**
 * Builds the app once per bench run, serves it, and launches Chromium. BENCH_PORT, when set,
 * replaces `port` (several worktrees may run benches on one machine).
 */
export async function startBrowserBench(
	port: number
): Promise<{ browser: Browser; baseURL: string; stop: () => Promise<void> }> {
	port = Number(process.env.BENCH_PORT) || port;
	if (!built && !process.env.BENCH_BUILD) {
		execSync('npm run build', { stdio: 'ignore' });
		built = true;
	}
	const server: Server = await serve({ root: buildDir, port });
	const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
	return {
		browser,
		baseURL: `http://127.0.0.1:${port}`,
		stop: async () => {
			await browser.close();
			await new Promise((ok) => server.close(ok));
		}
	};
}
