import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/chromium';

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
