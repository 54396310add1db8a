/** Where Chromium is and how to launch it, for the end-to-end tests and the benchmarks. */
import { chromium, type BrowserContext } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Debian's Chromium (or CHROMIUM_PATH): no browser can be downloaded on these machines. */
export function findChromium(): string {
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
			`Aucun Chromium trouvé (essayé\u202f: ${candidates.join(', ')}). ` +
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

/** Chromium on a profile of its own (`dir`), to kill it or fill its disk as a real crash would. */
export function launchProfile(dir: string, baseURL: string | undefined): Promise<BrowserContext> {
	return chromium.launchPersistentContext(dir, {
		executablePath: findChromium(),
		args: CHROMIUM_ARGS,
		baseURL,
		locale: 'fr-FR'
	});
}
