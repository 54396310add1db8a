// Prints the JavaScript each main page loads, raw and gzip-compressed, and whether it includes
// chart.js. Each page is opened afresh in Chromium (service worker blocked, so that its
// precaching does not count) on the built app; the example campaign gives the campaign pages
// their data. Usage: npm run build && node scripts/page-sizes.mjs
// `npm run bench` takes the same figures, with their budgets (bench/page-size.bench.ts).
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serve } from './serve.mjs';

// A string of chart.js's radial scale that survives minification.
const CHART_JS = 'radialLinear';

/** Creates the example campaign and returns its path. */
async function createExample(context, origin) {
	const page = await context.newPage();
	await page.goto(`${origin}/`);
	await page.getByRole('button', { name: 'Créer la démarche exemple' }).click();
	await page.getByRole('heading', { level: 1, name: 'Communauté de communes exemple' }).waitFor();
	const path = new URL(page.url()).pathname;
	await page.close();
	return path;
}

/** The scripts a fresh load of the path downloads. */
async function measure(context, url) {
	const page = await context.newPage();
	const bodies = [];
	page.on('response', (r) => {
		if (new URL(r.url()).pathname.endsWith('.js')) bodies.push(r.body());
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	const files = await Promise.all(bodies);
	await page.close();
	return {
		files: files.length,
		raw: files.reduce((n, b) => n + b.length, 0),
		gzip: files.reduce((n, b) => n + gzipSync(b).length, 0),
		chartJs: files.some((b) => b.toString('utf8').includes(CHART_JS))
	};
}

/** The scripts of each main page of the app served at `origin`, measured in `browser`. */
export async function pageSizes(browser, origin) {
	const context = await browser.newContext({ serviceWorkers: 'block', locale: 'fr-FR' });
	try {
		await createExample(context, origin);
		const campaign = await createExample(context, origin);
		const pages = [
			['Accueil', '/'],
			['Questionnaire à remplir', `${campaign}/dechets`],
			['Résultats du service', `${campaign}/dechets/resultats`],
			['Résultats (tableau de bord)', `${campaign}/resultats`],
			['Comparer', `${campaign}/comparer`],
			['Rapport', `${campaign}/rapport`],
			['Mode atelier', `${campaign}/atelier`]
		];
		const sizes = [];
		for (const [name, path] of pages)
			sizes.push({ name, ...(await measure(context, `${origin}${path}`)) });
		return sizes;
	} finally {
		await context.close();
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const executablePath = [
		process.env.CHROMIUM_PATH,
		'/usr/bin/chromium',
		'/usr/bin/chromium-browser'
	]
		.filter(Boolean)
		.find((p) => existsSync(p));
	const server = await serve({ port: 0 });
	const origin = `http://127.0.0.1:${server.address().port}`;
	const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
	try {
		const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
		console.log('| page | fichiers JS | brut | gzip | chart.js |');
		console.log('| --- | ---: | ---: | ---: | --- |');
		for (const m of await pageSizes(browser, origin))
			console.log(
				`| ${m.name} | ${m.files} | ${kB(m.raw)} | ${kB(m.gzip)} | ${m.chartJs ? 'oui' : 'non'} |`
			);
	} finally {
		await browser.close();
		server.close();
	}
}
