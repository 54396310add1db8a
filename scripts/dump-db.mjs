// Writes tests/fixtures/db-previous-release.json: the whole IndexedDB database of a release,
// as Chromium holds it after a person loaded the example campaign and answered a few things.
// Run it against the build of the release being replaced (the storage of "the previous
// release"), before the schema or the content changes:
//   npm run build && node scripts/serve.mjs --port 4391 &
//   node scripts/dump-db.mjs http://127.0.0.1:4391 <release commit>
// tests/previous-release.spec.ts recreates the database from the file and opens the new app on it.
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';

const [baseURL = 'http://127.0.0.1:4391', release = 'unknown'] = process.argv.slice(2);
const OUT = 'tests/fixtures/db-previous-release.json';

const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
const page = await (await browser.newContext({ baseURL, locale: 'fr-FR' })).newPage();
await page.goto('/');
await page.getByRole('button', { name: 'Créer la démarche exemple' }).click();
await page
	.getByRole('heading', { level: 1, name: 'Communauté de communes exemple' })
	.waitFor({ state: 'visible' });
const campaignUrl = page.url();

// A few answers by hand on the waste module: a level changed, a note written.
const dechets = JSON.parse(readFileSync('questionnaires/dechets.json', 'utf8'));
const questions = dechets.themes.flatMap((t) => t.questions);
const [first, second] = questions.filter((q) => q.type === 'scale');
await page.getByRole('link', { name: dechets.title, exact: true }).click();
await page.getByRole('heading', { level: 1, name: dechets.title }).waitFor({ state: 'visible' });
await page.getByRole('radiogroup', { name: first.text }).getByLabel('Je ne sais pas').check();
await page.getByRole('radiogroup', { name: second.text }).getByLabel('4 · Exemplaire').check();
const card = page
	.getByRole('listitem')
	.filter({ has: page.getByRole('heading', { name: second.text }) });
const noteBox = page.getByLabel(`Note sur la question ${questions.indexOf(second) + 1}`, {
	exact: true
});
if (!(await noteBox.isVisible())) await card.getByText(/^Note/).click();
await noteBox.fill('Saisi à la main avant la mise à jour');
await page
	.getByRole('status')
	.filter({ hasText: 'Toutes les réponses sont enregistrées' })
	.waitFor();
await page.goto(campaignUrl);

const dump = await page.evaluate(async () => {
	const db = await new Promise((resolve, reject) => {
		const request = indexedDB.open('leviers');
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
	const stores = {};
	for (const name of db.objectStoreNames) {
		const store = db.transaction(name).objectStore(name);
		const records = await new Promise((resolve, reject) => {
			const request = store.getAll();
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		stores[name] = {
			keyPath: store.keyPath,
			autoIncrement: store.autoIncrement,
			indexes: [...store.indexNames].map((i) => {
				const index = store.index(i);
				return {
					name: i,
					keyPath: index.keyPath,
					unique: index.unique,
					multiEntry: index.multiEntry
				};
			}),
			records
		};
	}
	const dumped = { name: db.name, version: db.version, stores };
	db.close();
	return dumped;
});
writeFileSync(OUT, JSON.stringify({ release, ...dump }, null, '\t') + '\n');
console.log(`${OUT}: version ${dump.version}, ${Object.keys(dump.stores).join(', ')}`);
await browser.close();
