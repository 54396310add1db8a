// Red team of the import preview in a worker (issue 16): a worker that fails after it started,
// or that says something the page does not expect, must end in a French message with the file
// picker back, nothing written, and a second try must work.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

const v1 = readFileSync('src/lib/domain/exchange/fixtures/v1.json', 'utf8');

// Without the service worker, so that the worker's script can be rewritten on its way.
test.use({ serviceWorkers: 'block' });

/**
 * Prepends `prelude` to the first `times` fetches of the preview worker's script (the worker
 * started when the page opens is the first preview's); later workers run unchanged.
 */
async function sabotage(page: Page, prelude: string, times = 1): Promise<void> {
	let left = times;
	await page.route('**/_app/immutable/workers/*.js', async (route) => {
		const response = await route.fetch();
		const body = await response.text();
		if (left-- <= 0) return route.fulfill({ response, body });
		return route.fulfill({ response, body: `${prelude}\n${body}` });
	});
}

async function choose(page: Page, name = 'ancien.json', text = v1): Promise<void> {
	await page.getByLabel('Choisir un fichier…').setInputFiles({
		name,
		mimeType: 'application/json',
		buffer: Buffer.from(text)
	});
}

/** The preview fails in French, the picker is back, and a second try previews the file. */
async function failsThenWorks(page: Page): Promise<void> {
	await expect(page.getByText('Le fichier n’a pas pu être lu.')).toBeVisible({ timeout: 15_000 });
	await choose(page);
	await expect(page.getByText('2 à ajouter')).toBeVisible();
	await page.goto('/');
	await expect(page.getByText('Aucune démarche', { exact: false }).first()).toBeVisible();
}

// Each sabotage makes the worker's message carrying the plan fail as a bug or the browser would.
const failures: [string, string][] = [
	[
		// previewMessages or postMessage throws (stack overflow, DataCloneError): in the worker's
		// promise, an unhandled rejection the page is never told about.
		'throws while sending the plan',
		`const send = self.postMessage.bind(self);
self.postMessage = (m) => { if (m && m.kind === 'head') throw new RangeError('Maximum call stack size exceeded'); send(m); };`
	],
	[
		'sends the end of a plan it never began',
		`const send = self.postMessage.bind(self);
self.postMessage = (m) => { if (m && m.kind === 'head') { send({ kind: 'end' }); return; } send(m); };`
	],
	[
		'sends a message of a kind the page does not know',
		`const send = self.postMessage.bind(self);
self.postMessage = (m) => { if (m && m.kind === 'head') { send({ kind: 'autre' }); return; } send(m); };`
	],
	[
		// Closed or killed by the browser: no event reaches the page.
		'stops without a word after its first progress',
		`const send = self.postMessage.bind(self);
self.postMessage = (m) => { send(m); if (m && m.kind === 'progress') self.close(); };`
	]
];

for (const [what, prelude] of failures)
	test(`a preview worker that ${what}: French message, then a second try works`, async ({
		page
	}) => {
		await sabotage(page, prelude);
		await page.goto('/importer');
		await choose(page);
		await failsThenWorks(page);
	});

// The worker holds back the plan: a preview that takes as long as a large file's.
const slow = (ms: number) => `const send = self.postMessage.bind(self);
let late = false;
self.postMessage = (m) => { if (m && m.kind === 'head') late = true; if (late) setTimeout(() => send(m), ${ms}); else send(m); };`;

test('leaving the page during a preview ends its worker (and its connection to the database)', async ({
	page
}) => {
	await sabotage(page, slow(60_000));
	await page.goto('/importer');
	await choose(page);
	await expect(page.getByText(/Vérification de «\u202fancien\.json\u202f»/)).toBeVisible();
	expect(page.workers()).toHaveLength(1);
	await page.getByRole('link', { name: 'Accueil' }).first().click();
	await expect(page).toHaveURL(/\/$/);
	await expect.poll(() => page.workers().length, { timeout: 5000 }).toBe(0);
});

test('two files dropped at once: the second one’s preview shows, never the first one’s', async ({
	page
}) => {
	await sabotage(page, slow(3000));
	await page.goto('/importer');
	const zone = page.getByRole('region', { name: 'Zone de dépôt du fichier à importer' });
	await expect(zone).toBeVisible();
	await page.waitForFunction(() => document.querySelector('input[type=file]') !== null);
	// Two drops in one task: the second comes before the page shows the first one's progress.
	await expect(async () => {
		await page.evaluate((text) => {
			const region = document.querySelector('[aria-label="Zone de dépôt du fichier à importer"]')!;
			for (const name of ['premier.json', 'second.json']) {
				const dt = new DataTransfer();
				dt.items.add(new File([text], name, { type: 'application/json' }));
				region.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
			}
		}, v1);
		await expect(page.getByText(/second\.json/).first()).toBeVisible({ timeout: 1000 });
	}).toPass();
	await expect(page.getByText('2 à ajouter')).toBeVisible({ timeout: 15_000 });
	await page.waitForTimeout(4000); // the first worker's plan would have come by now
	await expect(page.getByText(/«\u202fsecond\.json\u202f», exporté/)).toBeVisible();
	await expect(page.getByText(/premier\.json/)).toHaveCount(0);
});

const v5 = readFileSync('src/lib/domain/exchange/fixtures/v5.json', 'utf8');
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
/** v5 with a value nested `n` deep in the places a schema reads as « anything ». */
function deepInside(n: number): string {
	const file = JSON.parse(v5) as { diagnostics: { answers: { value: unknown }[] }[] };
	file.diagnostics[0]!.answers[0]!.value = '@DEEP@';
	return JSON.stringify({ ...file, extra: '@DEEP@' })
		.replaceAll('"@DEEP@"', deep(n))
		.replace('"actions":[', `"actions":[${deep(n)},`);
}

// Files a person may drop by mistake or a hostile one may send: each must end in a French
// refusal or a preview, the file picker back, in a worker that neither hangs nor crashes the page.
const hostileFiles: [string, Buffer, RegExp][] = [
	['blancs.json', Buffer.from(' \n\t '.repeat(1000)), /vide/],
	['texte.json', Buffer.from('Bonjour, voici le fichier.'), /JSON|format/],
	[
		'image.json',
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0xc3, 0x28, 0x80]),
		/texte|lisible/
	],
	['liste-profonde.json', Buffer.from(deep(1_000_000)), /liste/],
	['objet-profond.json', Buffer.from(deepInside(200_000)), /.*/],
	[
		'longue-chaine.json',
		Buffer.from(`{"format":"leviers-export","version":5,"app":"${'x'.repeat(30_000_000)}"}`),
		/.*/
	]
];

for (const [name, bytes, said] of hostileFiles)
	test(`a hostile file through the worker: ${name}`, async ({ page }) => {
		const crashed: string[] = [];
		page.on('crash', () => crashed.push(name));
		await page.goto('/importer');
		await page.getByLabel('Choisir un fichier…').setInputFiles({
			name,
			mimeType: 'application/json',
			buffer: bytes
		});
		const refused = page.getByRole('alert').filter({ hasText: 'ne peut pas être importé' });
		await expect(refused.or(page.getByText('Aperçu de l’import'))).toBeVisible({
			timeout: 20_000
		});
		if (await refused.isVisible()) await expect(refused).toContainText(said);
		else await page.getByRole('button', { name: 'Annuler' }).click();
		expect(crashed).toEqual([]);
		await choose(page);
		await expect(page.getByText('2 à ajouter')).toBeVisible();
	});

test('a worker whose script cannot be fetched: the page previews the file itself', async ({
	page
}) => {
	await page.route('**/_app/immutable/workers/**', (route) => route.abort());
	await page.goto('/importer');
	await choose(page);
	await expect(page.getByText('2 à ajouter')).toBeVisible({ timeout: 15_000 });
});

test('a preview under way does not block another tab’s upgrade of the database', async ({
	page,
	context
}) => {
	await sabotage(page, slow(60_000));
	await page.goto('/importer');
	await choose(page);
	// The worker has read the database (its plan is held back): its connection is open.
	await expect(page.getByText(/Vérification de «\u202fancien\.json\u202f»/)).toBeVisible();
	await page.waitForTimeout(2000); // a small file: read, checked and compared by then
	const other = await context.newPage();
	await other.goto('/importer');
	const outcome = await other.evaluate(
		() =>
			new Promise<string>((resolve) => {
				const request = indexedDB.open('leviers', 1000);
				let blocked = false;
				request.onblocked = () => (blocked = true);
				request.onsuccess = () => {
					request.result.close();
					resolve(blocked ? 'upgraded after blocked' : 'upgraded');
				};
				request.onerror = () => resolve(`error ${request.error?.name}`);
				setTimeout(() => resolve(blocked ? 'blocked' : 'no answer'), 10_000);
			})
	);
	expect(outcome).toMatch(/^upgraded/);
});

test('a preview made stale by another tab is not applied: French message, nothing written', async ({
	page,
	context
}) => {
	await page.goto('/importer');
	await choose(page);
	await expect(page.getByText('2 à ajouter')).toBeVisible();
	// Meanwhile another tab imports the same file.
	const other = await context.newPage();
	await other.goto('/importer');
	await choose(other);
	await other.getByRole('button', { name: 'Importer', exact: true }).click();
	await expect(other.getByRole('heading', { name: 'Import terminé' })).toBeVisible();
	await page.getByRole('button', { name: 'Importer', exact: true }).click();
	await expect(page.getByText(/ont changé depuis l’aperçu/)).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Import terminé' })).toHaveCount(0);
	const count = await page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				const request = indexedDB.open('leviers');
				request.onsuccess = () => {
					const tx = request.result.transaction('diagnostics');
					const counted = tx.objectStore('diagnostics').count();
					counted.onsuccess = () => {
						resolve(counted.result);
						request.result.close();
					};
				};
			})
	);
	expect(count).toBe(2);
});

test('a worker that dies before its first word: the page previews the file itself', async ({
	page
}) => {
	// Closed as the file comes, before it takes its lock: no message, no event reaches the page.
	await sabotage(page, `self.addEventListener('message', () => self.close());`);
	await page.goto('/importer');
	await choose(page);
	// Until the page gives up on the worker, the user can go back to the file picker.
	await expect(page.getByRole('button', { name: 'Annuler' })).toBeVisible();
	await expect(page.getByText('2 à ajouter')).toBeVisible({ timeout: 20_000 });
});

test('a worker refused its lock: the preview goes on, unwatched, and is shown', async ({
	page
}) => {
	await sabotage(
		page,
		`navigator.locks.request = () => Promise.reject(new DOMException('refusé', 'SecurityError'));`
	);
	await page.goto('/importer');
	await choose(page);
	await expect(page.getByText('2 à ajouter')).toBeVisible({ timeout: 15_000 });
	await expect(page.getByText('Le fichier n’a pas pu être lu.')).toHaveCount(0);
});

test('« Annuler » during a long preview: the picker is back, the worker ends, another file works', async ({
	page
}) => {
	await sabotage(page, slow(60_000));
	await page.goto('/importer');
	await choose(page);
	await expect(page.getByText(/Vérification de «\u202fancien\.json\u202f»/)).toBeVisible();
	await page.getByRole('button', { name: 'Annuler' }).click();
	await expect(page.getByText(/Vérification de/)).toHaveCount(0);
	await expect.poll(() => page.workers().length, { timeout: 5000 }).toBe(0);
	await choose(page, 'autre.json');
	await expect(page.getByText('2 à ajouter')).toBeVisible({ timeout: 15_000 });
	await expect(page.getByText(/«\u202fautre\.json\u202f», exporté/)).toBeVisible();
});

/** Another tab holds the database for `ms` (a read-write transaction kept busy): writes wait. */
async function holdDatabase(context: BrowserContext, ms: number): Promise<void> {
	const other = await context.newPage();
	await other.goto('/');
	await other.evaluate(
		(ms) =>
			new Promise<void>((started) => {
				const request = indexedDB.open('leviers');
				request.onsuccess = () => {
					const db = request.result;
					const tx = db.transaction([...db.objectStoreNames], 'readwrite');
					const store = tx.objectStore(db.objectStoreNames[0]!);
					const until = Date.now() + ms;
					const keepBusy = () => {
						if (Date.now() < until) store.count().onsuccess = keepBusy;
					};
					store.count().onsuccess = () => {
						started();
						keepBusy();
					};
					tx.oncomplete = () => db.close();
				};
			}),
		ms
	);
}

test('while the import is applied, its choices cannot be changed', async ({ page, context }) => {
	await page.goto('/importer');
	await choose(page);
	const create = page.getByLabel('Créer cette démarche sur cet appareil');
	await expect(create).toBeEnabled();
	await holdDatabase(context, 4000);
	await page.getByRole('button', { name: 'Importer', exact: true }).click();
	await expect(create).toBeDisabled();
	await expect(
		page.getByLabel('Rattacher ses diagnostics à une démarche existante')
	).toBeDisabled();
	await expect(page.getByRole('heading', { name: 'Import terminé' })).toBeVisible({
		timeout: 15_000
	});
});

test('leaving the page while the import is written: the navigation waits for it, then goes on', async ({
	page,
	context
}) => {
	await page.goto('/importer');
	await choose(page);
	await expect(page.getByText('2 à ajouter')).toBeVisible();
	await holdDatabase(context, 4000);
	await page.getByRole('button', { name: 'Importer', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Importer', exact: true })).toBeDisabled();
	await page.getByRole('link', { name: 'Accueil' }).first().click();
	// Still here while the import waits for the database: a refusal would be read here.
	await page.waitForTimeout(1000);
	expect(new URL(page.url()).pathname).toBe('/importer');
	await expect(page.getByRole('heading', { name: 'Aperçu de l’import' })).toBeVisible();
	await expect(page.getByText(/L’import s’enregistre\u202f: la page changera/)).toBeVisible();
	await expect(page).toHaveURL(/\/$/, { timeout: 15_000 });
	await expect(page.getByText(/Val d’Exemple/).first()).toBeVisible();
});
