/** Shared set-up of the browser benchmarks: a fresh build served locally, and Chromium. */
import { chromium, type Browser } from '@playwright/test';
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { serve } from '../scripts/serve.mjs';

const ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

let built = false;

/** Builds the app once per bench run, serves it, and launches Chromium. */
export async function startBrowserBench(
	port: number
): Promise<{ browser: Browser; baseURL: string; stop: () => Promise<void> }> {
	if (!built) {
		execSync('npm run build', { stdio: 'ignore' });
		built = true;
	}
	const server: Server = await serve({ root: 'build', port });
	const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find(
		(p): p is string => !!p && existsSync(p)
	);
	if (!executablePath)
		throw new Error('Chromium introuvable : installez-le ou définissez CHROMIUM_PATH.');
	const browser = await chromium.launch({ executablePath, args: ARGS });
	return {
		browser,
		baseURL: `http://127.0.0.1:${port}`,
		stop: async () => {
			await browser.close();
			await new Promise((ok) => server.close(ok));
		}
	};
}
