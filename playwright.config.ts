import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Debian's Chromium (or CHROMIUM_PATH): no browser can be downloaded on these machines. */
function findChromium(): string {
	const candidates = [
		process.env.CHROMIUM_PATH,
		'/usr/bin/chromium',
		'/usr/bin/chromium-browser',
		'/usr/bin/google-chrome',
		'/usr/bin/google-chrome-stable'
	].filter((p): p is string => !!p);
	const found = candidates.find((p) => existsSync(p));
	if (!found) {
		throw new Error(
			`Aucun Chromium trouvé (essayé : ${candidates.join(', ')}). ` +
				'Installez-le (apt-get install -y chromium) ou indiquez son chemin dans CHROMIUM_PATH.'
		);
	}
	return found;
}

/** Flags that keep Chromium from calling home on a closed network. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

const port = Number(process.env.E2E_PORT ?? 4319);

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.spec.ts',
	fullyParallel: false,
	workers: process.env.CI ? 1 : 2,
	retries: 0,
	timeout: 30_000,
	reporter: process.env.LEVIERS_REPORT_DIR
		? [['list'], ['json', { outputFile: `${process.env.LEVIERS_REPORT_DIR}/playwright.json` }]]
		: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		locale: 'fr-FR',
		launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS }
	},
	webServer: {
		command: `npm run build && node scripts/serve.mjs --port ${port}`,
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: !process.env.CI,
		timeout: 180_000,
		stdout: 'ignore'
	}
});
