import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createExample, expectNoViolation } from './helpers';

/** Clicks a button that downloads a file; returns its name and text. */
async function downloadFrom(page: Page, button: Locator): Promise<{ name: string; text: string }> {
	const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
	return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

const TITLE = 'Créer une ressourcerie intercommunale';

/**
 * Writes an action of the plan straight into the app's IndexedDB (the plan page is built apart),
 * with a lever this version does not know beside a known one.
 */
async function addAction(page: Page, campaignId: string): Promise<void> {
	await page.evaluate(
		({ campaignId, title }) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('leviers');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction('actions', 'readwrite');
					const now = Date.now();
					tx.objectStore('actions').put({
						id: crypto.randomUUID(),
						campaignId,
						title,
						levers: ['mutualisation', 'levier-futur'],
						pilot: 'dechets',
						partners: ['marches'],
						dueDate: '2020-06-30',
						status: 'en-cours',
						priority: 'elevee',
						budget: 12000,
						steps: [{ id: 's1', text: 'Trouver un local', done: true }],
						followUps: [{ id: 'f1', date: '2020-05-02', text: '=HYPERLINK("x")' }],
						source: { kind: 'manual' },
						revision: 3,
						origin: { kind: 'local' },
						createdAt: now,
						updatedAt: now
					});
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		{ campaignId, title: TITLE }
	);
}

/** The actions stored on a device. */
function storedActions(page: Page): Promise<{ title: string; levers: string[] }[]> {
	return page.evaluate(
		() =>
			new Promise((resolve, reject) => {
				const open = indexedDB.open('leviers');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const all = db.transaction('actions').objectStore('actions').getAll();
					all.onsuccess = () => {
						db.close();
						resolve(all.result);
					};
				};
			})
	);
}

test('the plan d’action travels with the campaign file to another device', async ({
	page,
	browser,
	baseURL
}) => {
	const url = await createExample(page);
	await addAction(page, new URL(url).pathname.split('/').filter(Boolean).at(-1)!);

	const csv = await downloadFrom(
		page,
		page.getByRole('button', { name: 'Plan d’action pour tableur (CSV)' })
	);
	expect(csv.name).toMatch(/^leviers-cc-exemple-diagnostic-2026-plan-action-.*\.csv$/);
	expect(csv.text.startsWith('\uFEFF"Titre";"Statut";"Priorité"')).toBe(true);
	expect(csv.text).toContain(`"${TITLE}";"En retard";"Élevée"`);
	expect(csv.text).toContain('"\'=HYPERLINK(""x"")"\r\n');

	const file = await downloadFrom(
		page,
		page.getByRole('button', { name: 'Exporter la démarche (JSON)' })
	);
	const json = JSON.parse(file.text);
	expect(json).toMatchObject({ version: 5, actions: [{ title: TITLE }] });

	const context = await browser.newContext({ baseURL, locale: 'fr-FR' });
	const other = await context.newPage();
	await other.goto('/importer');
	await other.getByLabel('Choisir un fichier…').setInputFiles({
		name: file.name,
		mimeType: 'application/json',
		buffer: Buffer.from(file.text)
	});
	await expect(other.getByRole('heading', { name: 'Aperçu de l’import' })).toBeVisible();
	await expect(other.getByText('Plan d’action\u202f: 1 à ajouter')).toBeVisible();
	const unknown = other.getByRole('region', { name: /1 action nomme un levier/ });
	await expect(unknown).toContainText(TITLE);
	await expect(unknown).toContainText('levier «\u202flevier-futur\u202f»');
	await other.getByText(/^Actions à ajouter/).click();
	await expect(other.getByRole('listitem').filter({ hasText: TITLE }).first()).toBeVisible();
	await expectNoViolation(other);
	await other.getByRole('button', { name: 'Importer', exact: true }).click();
	await expect(other.getByRole('heading', { name: 'Import terminé' })).toBeVisible();
	await expect(other.getByText(/7 diagnostics enregistrés et 1 action enregistrée/)).toBeVisible();
	expect(await storedActions(other)).toMatchObject([
		{ title: TITLE, levers: ['mutualisation', 'levier-futur'] }
	]);

	// The same file again: the action is already there, nothing to import.
	await other.getByRole('button', { name: 'Importer un autre fichier' }).click();
	await other.getByLabel('Choisir un fichier…').setInputFiles({
		name: file.name,
		mimeType: 'application/json',
		buffer: Buffer.from(file.text)
	});
	await expect(
		other.getByText(/Plan d’action\u202f: 0 à ajouter, 0 à mettre à jour, 1 ignorée,/)
	).toBeVisible();
	await context.close();
});

test('an action changed on both sides waits for a decision in the preview', async ({ page }) => {
	const url = await createExample(page);
	await addAction(page, new URL(url).pathname.split('/').filter(Boolean).at(-1)!);
	const file = await downloadFrom(
		page,
		page.getByRole('button', { name: 'Exporter la démarche (JSON)' })
	);
	// The same history, another content: a copy edited elsewhere without a newer revision.
	const json = JSON.parse(file.text);
	json.actions[0].title = 'Ressourcerie, version de l’autre poste';
	await page.goto('/importer');
	await page.getByLabel('Choisir un fichier…').setInputFiles({
		name: file.name,
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(json))
	});
	const conflict = page.getByRole('group', { name: `Conflit sur une action\u202f: ${TITLE}` });
	await expect(conflict).toContainText('Ressourcerie, version de l’autre poste');
	await expectNoViolation(page);
	await conflict.getByLabel('Prendre la version du fichier').check();
	await page.getByRole('button', { name: 'Importer', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Import terminé' })).toBeVisible();
	expect((await storedActions(page)).map((a) => a.title)).toEqual([
		'Ressourcerie, version de l’autre poste'
	]);
});
