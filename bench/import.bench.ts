/**
 * Import of one file holding 500 diagnostics: in Node, reading and previewing it (pure domain
 * code), and in Chromium, the whole import as a person does it: file chosen → preview on screen →
 * "Importer" → "Import terminé" (one strictly durable transaction). Budget: ≤ 2 s in Chromium.
 */
import { modules } from '../src/lib/domain/content/content';
import { buildExampleCampaign } from '../src/lib/domain/example/example';
import { planImport } from '../src/lib/domain/exchange/plan';
import { readExportText } from '../src/lib/domain/exchange/read';
import { buildExport, serializeExport } from '../src/lib/domain/exchange/write';
import { startBrowserBench } from './browser';
import { quantile, timeSync, type Figure } from './stats';

const DIAGNOSTICS = 500;
const RUNS = 7;

/** A full-database export of example campaigns (variants), cut at 500 diagnostics. */
function bigFile(): string {
	const campaigns = [];
	const diagnostics = [];
	for (let seed = 1; diagnostics.length < DIAGNOSTICS; seed++) {
		const c = buildExampleCampaign(modules, { seed, authority: `Collectivité ${seed}` });
		campaigns.push(c.campaign);
		for (const d of c.diagnostics)
			if (diagnostics.length < DIAGNOSTICS)
				diagnostics.push({ ...d, answers: Object.values(d.answers) });
	}
	const file = buildExport({
		scope: 'database',
		campaigns,
		diagnostics,
		device: 'poste-du-banc-d-essai',
		app: { name: 'Leviers', version: 'bench' },
		now: Date.UTC(2026, 10, 26)
	});
	return serializeExport(file);
}

const figure = (name: string, samples: number[], budget: number): Figure => ({
	name,
	median: quantile(samples, 0.5),
	p95: quantile(samples, 0.95),
	budget,
	on: 'median'
});

/** Runs the two import benchmarks. */
export async function run(): Promise<Figure[]> {
	const text = bigFile();
	const empty = { device: null, campaigns: [], diagnostics: new Map() };
	const node = timeSync(
		() => {
			const r = readExportText(text);
			if (!r.ok) throw new Error(r.problem.message);
			return planImport(r.file, empty, { modules, fileName: 'f.json', now: 0, version: 2 });
		},
		15,
		3
	);

	const { browser, baseURL, stop } = await startBrowserBench(4472);
	const samples: number[] = [];
	try {
		for (let i = 0; i <= RUNS; i++) {
			// A new context is a new device with an empty database.
			const context = await browser.newContext({ baseURL, locale: 'fr-FR' });
			const page = await context.newPage();
			await page.goto('/importer');
			await page.waitForLoadState('networkidle');
			const t0 = performance.now();
			await page.getByLabel('Choisir un fichier…').setInputFiles({
				name: 'sauvegarde-500.json',
				mimeType: 'application/json',
				buffer: Buffer.from(text)
			});
			await page.getByRole('button', { name: 'Importer', exact: true }).click();
			await page.getByRole('heading', { name: 'Import terminé' }).waitFor({ timeout: 60_000 });
			const elapsed = performance.now() - t0;
			if (i > 0) samples.push(elapsed); // the first run warms the browser's caches up
			await context.close();
		}
	} finally {
		await stop();
	}
	const size = `${(text.length / 1048576).toFixed(1)} Mo`;
	return [
		figure(`import: read + preview of ${DIAGNOSTICS} diagnostics (${size}), Node`, node, 500),
		figure(
			`import: ${DIAGNOSTICS} diagnostics (${size}), file chosen → preview → applied, Chromium`,
			samples,
			2000
		)
	];
}
