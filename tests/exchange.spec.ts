import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCampaign, expectAllSaved, openModule, readModule, scale } from './helpers';

const dechets = readModule('dechets');
const [q1, q2, q3] = dechets.questions.filter((q) => q.type === 'scale');

/** Clicks a button that downloads a file; returns its name and text. */
async function downloadFrom(page: Page, button: Locator): Promise<{ name: string; text: string }> {
	const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
	const path = await download.path();
	return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** Another device: a new browser context, with its own IndexedDB. */
async function otherDevice(browser: Browser, baseURL: string | undefined): Promise<Page> {
	const context = await browser.newContext({ baseURL, locale: 'fr-FR' });
	return context.newPage();
}

/** Opens the import page and chooses a file (as the file picker does). */
async function chooseFile(page: Page, name: string, text: string | Buffer) {
	await page.goto('/importer');
	await page.getByLabel('Choisir un fichier…').setInputFiles({
		name,
		mimeType: 'application/json',
		buffer: typeof text === 'string' ? Buffer.from(text) : text
	});
}

test('a service head exports a diagnostic; the coordinator imports it into a new campaign', async ({
	page,
	browser,
	baseURL
}) => {
	const url = await createCampaign(page, 'Commune de Test');
	await openModule(page, url, dechets.title);
	await scale(page, q1!).getByLabel('3 · Réalisé').check();
	await scale(page, q2!).getByLabel('Je ne sais pas').check();
	await expectAllSaved(page);
	const file = await downloadFrom(
		page,
		page.getByRole('button', { name: 'Exporter ce diagnostic' })
	);
	expect(file.name).toMatch(/^leviers-dechets-commune-de-test-\d{4}-\d{2}-\d{2}\.json$/);
	expect(JSON.parse(file.text)).toMatchObject({ format: 'leviers-export', version: 5 });

	const coordinator = await otherDevice(browser, baseURL);
	await chooseFile(coordinator, file.name, file.text);
	await expect(coordinator.getByRole('heading', { name: 'Aperçu de l’import' })).toBeVisible();
	await expect(coordinator.getByText('1 à ajouter')).toBeVisible();
	const choice = coordinator.getByRole('group', { name: /Démarche inconnue sur cet appareil/ });
	await expect(choice.getByLabel('Créer cette démarche sur cet appareil')).toBeChecked();
	await coordinator.getByRole('button', { name: 'Importer', exact: true }).click();
	await expect(coordinator.getByRole('heading', { name: 'Import terminé' })).toBeVisible();
	await coordinator.getByRole('link', { name: /Commune de Test/ }).click();
	await expect(coordinator.getByRole('row', { name: new RegExp(dechets.title) })).toContainText(
		'En cours\u202f: 2 sur'
	);
	await expect(coordinator.getByText(`depuis le fichier «\u202f${file.name}\u202f»`)).toBeVisible();
	await coordinator.context().close();
});

test('round trip: export the example, delete it, import it: the same scores', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Créer la démarche exemple' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Communauté de communes exemple' })
	).toBeVisible();
	const scores = await downloadFrom(
		page,
		page.getByRole('button', { name: 'Scores pour tableur (CSV)' })
	);
	expect(scores.name).toMatch(/^leviers-cc-exemple-diagnostic-2026-scores-.*\.csv$/);
	expect(scores.text.startsWith('\uFEFF"Service";"Maturité";"Méconnaissance"')).toBe(true);
	const json = await downloadFrom(
		page,
		page.getByRole('button', { name: 'Exporter la démarche (JSON)' })
	);

	await page.getByRole('button', { name: 'Supprimer la démarche' }).click();
	await page.getByRole('button', { name: 'Supprimer définitivement' }).click();
	await expect(page.getByText('Aucune démarche sur cet appareil')).toBeVisible();

	await chooseFile(page, json.name, json.text);
	await expect(page.getByText('7 à ajouter')).toBeVisible();
	await page.getByRole('button', { name: 'Importer', exact: true }).click();
	await page.getByRole('link', { name: /Communauté de communes exemple/ }).click();
	const again = await downloadFrom(
		page,
		page.getByRole('button', { name: 'Scores pour tableur (CSV)' })
	);
	expect(again.text).toBe(scores.text);
});

test('edited on both sides: the conflict waits for a decision', async ({
	page,
	browser,
	baseURL
}) => {
	const url = await createCampaign(page, 'CC du Conflit');
	await openModule(page, url, dechets.title);
	await scale(page, q1!).getByLabel('2 · Engagé').check();
	await expectAllSaved(page);
	const first = await downloadFrom(
		page,
		page.getByRole('button', { name: 'Exporter ce diagnostic' })
	);

	const coordinator = await otherDevice(browser, baseURL);
	await chooseFile(coordinator, first.name, first.text);
	await coordinator.getByRole('button', { name: 'Importer', exact: true }).click();
	await coordinator.getByRole('link', { name: /CC du Conflit/ }).click();
	await coordinator.getByRole('link', { name: dechets.title, exact: true }).click();
	await scale(coordinator, q3!).getByLabel('0 · Rien').check();
	await expectAllSaved(coordinator);

	await scale(page, q2!).getByLabel('4 · Exemplaire').check();
	await expectAllSaved(page);
	const second = await downloadFrom(
		page,
		page.getByRole('button', { name: 'Exporter ce diagnostic' })
	);
	await chooseFile(coordinator, second.name, second.text);
	await expect(coordinator.getByText('1 en conflit')).toBeVisible();
	const apply = coordinator.getByRole('button', { name: 'Importer', exact: true });
	await expect(apply).toBeDisabled();
	const conflict = coordinator.getByRole('group', { name: `Conflit\u202f: ${dechets.title}` });
	await conflict.getByLabel('Prendre la version du fichier').check();
	await apply.click();
	await expect(coordinator.getByRole('heading', { name: 'Import terminé' })).toBeVisible();
	await coordinator.goto(url.replace(/^https?:\/\/[^/]+/, ''));
	await coordinator.getByRole('link', { name: dechets.title, exact: true }).click();
	await expect(scale(coordinator, q2!).getByLabel('4 · Exemplaire')).toBeChecked();
	await expect(scale(coordinator, q3!).getByRole('radio', { checked: true })).toHaveCount(0);
	await coordinator.context().close();
});

test('hostile files are refused in French, and strings are shown as text', async ({ page }) => {
	const alerts: string[] = [];
	page.on('dialog', (d) => {
		alerts.push(d.message());
		void d.dismiss();
	});
	await chooseFile(page, 'notes.csv', 'Démarche;Service\r\n"a";"b"');
	await expect(page.getByRole('alert')).toContainText('n’est pas un fichier JSON lisible');

	await chooseFile(page, 'coupe.json', '{"format": "leviers-export", "version": 2, "campaigns": [');
	await expect(page.getByRole('alert')).toContainText('Le fichier est incomplet');

	await chooseFile(page, 'futur.json', JSON.stringify({ format: 'leviers-export', version: 9 }));
	await expect(page.getByRole('alert')).toContainText('Mettez Leviers à jour');

	const big = join(tmpdir(), 'leviers-100-mo.json');
	writeFileSync(big, Buffer.alloc(100 * 1024 * 1024, 32));
	await page.goto('/importer');
	await page.getByLabel('Choisir un fichier…').setInputFiles(big);
	await expect(page.getByRole('alert')).toContainText('pèse 100 Mo');

	const xss = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
	const fixture = JSON.parse(readFileSync('src/lib/domain/exchange/fixtures/v2.json', 'utf8'));
	fixture.campaigns[0].authority = xss;
	fixture.diagnostics[0].respondent.name = xss;
	fixture.diagnostics[0].answers[0].question = '__proto__';
	await chooseFile(page, `${xss}.json`, JSON.stringify(fixture));
	await expect(page.getByRole('group', { name: /Démarche inconnue/ })).toContainText(xss);
	// The file answers content v1: its diagnostics are carried to v2 (reopened as drafts, since v2
	// asks new questions), so only the unknown answer is set aside.
	await expect(page.getByText('1 élément mis de côté')).toBeVisible();
	await expect(page.getByText(/question inconnue \(«\u202f__proto__\u202f»\)/)).toBeVisible();
	await page.getByRole('button', { name: 'Importer', exact: true }).click();
	await expect(page.getByRole('link', { name: new RegExp('<img src=x') })).toBeVisible();
	expect(alerts).toEqual([]);
});

test('a text too long for the app is shortened on import and listed, not a refusal', async ({
	page
}) => {
	const fixture = JSON.parse(readFileSync('src/lib/domain/exchange/fixtures/v2.json', 'utf8'));
	fixture.diagnostics[0].answers[0].note = 'n'.repeat(6000);
	await chooseFile(page, 'longue-note.json', JSON.stringify(fixture));
	await expect(page.getByText('1 élément mis de côté')).toBeVisible();
	await expect(
		page.getByText(/dépasse 5\s000 caractères\u202f: seuls les 5\s000 premiers sont importés/)
	).toBeVisible();
	await page.getByRole('button', { name: 'Importer', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Import terminé' })).toBeVisible();
});

test('a backup with a damaged diagnostic imports the rest and lists it as set aside', async ({
	page
}) => {
	const fixture = JSON.parse(readFileSync('src/lib/domain/exchange/fixtures/v2.json', 'utf8'));
	// Déchets damaged (a revision over the format's maximum); Cantines marked complete with
	// 1 answer, one answer dated years after the export.
	fixture.diagnostics[0].revision = 1_000_000_001;
	const cantines = fixture.diagnostics[1];
	cantines.status = 'complete';
	cantines.answers = cantines.answers.slice(0, 2);
	cantines.answers[1].changedAt = '2031-01-03T10:00:00.000Z';
	await chooseFile(page, 'sauvegarde.json', JSON.stringify(fixture));
	await expect(page.getByText('2 éléments mis de côté')).toBeVisible();
	await expect(
		page.getByText(
			/Le diagnostic n° 1 du fichier \(Déchets, .+\) est endommagé \(«\u202frevision\u202f»\u202f: nombre trop grand\)\u202f: il n’est pas importé/
		)
	).toBeVisible();
	await expect(
		page.getByText(/est datée du 3 janvier 2031, plus d’un jour après l’export/)
	).toBeVisible();
	await expect(page.getByText(/1 diagnostic \(absents de cet appareil\)/)).toBeVisible();
	await page.getByRole('button', { name: 'Importer', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Import terminé' })).toBeVisible();
	await page.getByRole('link', { name: /Val d’Exemple/ }).click();
	await expect(page.getByRole('row', { name: /Restauration scolaire/ })).toContainText('En cours');
});

test('a compliance answer on a practice question is set aside; in a version 2 file its diagnostic is', async ({
	page
}) => {
	const v2 = JSON.parse(readFileSync('src/lib/domain/exchange/fixtures/v2.json', 'utf8'));
	// dechets-plpdma-commission is a practice (scale) question: « Conforme » is no answer to it.
	v2.diagnostics[0].answers[1].value = 'conforme';
	await chooseFile(page, 'format-3.json', JSON.stringify({ ...v2, version: 3 }));
	await expect(page.getByText('1 élément mis de côté')).toBeVisible();
	await expect(
		page.getByText(/n’a pas une valeur possible pour cette question\u202f: elle n’est pas importée/)
	).toBeVisible();
	await expect(page.getByText('2 à ajouter')).toBeVisible();

	// Version 2 had no compliance answers: such a file was not written by Leviers.
	await chooseFile(page, 'format-2.json', JSON.stringify(v2));
	await expect(
		page.getByText(
			/Le diagnostic n° 1 du fichier \(Déchets, .+\) est endommagé \(réponse n° 2 › «\u202fvalue\u202f»\u202f: réponse attendue\u202f: 0 à 4, "na", "nsp", une liste de modules ou null\)\u202f: il n’est pas importé/
		)
	).toBeVisible();
	await expect(page.getByText('1 à ajouter')).toBeVisible();
	await expect(page.getByText(/ancien format converti/)).toBeVisible();
});

test('the campaign form stops names at the length an export can hold', async ({ page }) => {
	await page.goto('/campagnes/nouvelle');
	const authority = page.getByLabel('Nom de la collectivité');
	await authority.fill('x'.repeat(250));
	await expect(authority).toHaveValue('x'.repeat(200));
	await expect(page.getByLabel('Libellé de la démarche')).toHaveAttribute('maxlength', '200');
});

test('a file dropped on the zone is previewed', async ({ page }) => {
	await page.goto('/importer');
	const text = readFileSync('src/lib/domain/exchange/fixtures/v1.json', 'utf8');
	const dataTransfer = await page.evaluateHandle((content) => {
		const dt = new DataTransfer();
		dt.items.add(new File([content], 'ancien.json', { type: 'application/json' }));
		return dt;
	}, text);
	const zone = page.getByRole('region', { name: 'Zone de dépôt du fichier à importer' });
	// A drop before the prerendered page has hydrated does nothing: drop again until it is.
	await expect(async () => {
		await zone.dispatchEvent('dragover', { dataTransfer });
		await zone.dispatchEvent('drop', { dataTransfer });
		// Taken once hydrated: the file's name shows (being read, checked, or previewed). Waiting
		// here for the whole preview made each retry restart a preview slower than the retry
		// on a busy machine (the preview runs in a worker started afresh).
		await expect(page.getByText(/ancien\.json/).first()).toBeVisible({ timeout: 1000 });
	}).toPass();
	await expect(page.getByText('2 à ajouter')).toBeVisible();
	await expect(page.getByText(/ancien format converti/)).toBeVisible();
});

test('the Données page offers a full backup and says when the last one was made', async ({
	page
}) => {
	const url = await createCampaign(page, 'Commune Sauvegardée');
	await openModule(page, url, dechets.title);
	await scale(page, q1!).getByLabel('1 · En réflexion').check();
	await expectAllSaved(page);

	// Eight days later, no backup yet: a gentle reminder on the home page.
	await page.clock.setFixedTime(Date.now() + 8 * 86_400_000);
	await page.goto('/');
	const reminder = page.getByRole('complementary', { name: 'Rappel de sauvegarde' });
	await expect(reminder).toBeVisible();
	await reminder.getByRole('link', { name: 'Sauvegarder mes données' }).click();

	await expect(page.getByText('Dernière sauvegarde complète\u202f: aucune')).toBeVisible();
	const backup = await downloadFrom(
		page,
		page.getByRole('button', { name: 'Télécharger une sauvegarde complète' })
	);
	expect(backup.name).toMatch(/^leviers-sauvegarde-\d{4}-\d{2}-\d{2}\.json$/);
	expect(JSON.parse(backup.text).scope).toBe('database');
	await expect(page.getByText(/Dernière sauvegarde complète\u202f: \d/)).toBeVisible();
	await page.goto('/');
	await expect(page.getByRole('complementary', { name: 'Rappel de sauvegarde' })).toHaveCount(0);
});

test('a large file shows its reading progress, then the answer, and the page stays usable', async ({
	page
}) => {
	await page.goto('/importer');
	await page.waitForLoadState('networkidle');
	// Every text the status line shows, recorded in the page as it changes.
	await page.evaluate(() => {
		const seen: string[] = [];
		(window as unknown as { seen: string[] }).seen = seen;
		const status = document.querySelector('.progress[role="status"]')!;
		new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
			childList: true,
			subtree: true,
			characterData: true
		});
	});
	// 24 MB of valid JSON that is not a Leviers file: read and checked off the page, refused.
	const big = JSON.stringify({ notes: 'x'.repeat(24_000_000) });
	await page.getByLabel('Choisir un fichier…').setInputFiles({
		name: 'gros.json',
		mimeType: 'application/json',
		buffer: Buffer.from(big)
	});
	await expect(page.getByText(/Ce fichier JSON n’est pas un export Leviers/)).toBeVisible({
		timeout: 60_000
	});
	const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
	expect(seen.some((t) => /Lecture de «\u202fgros\.json\u202f»\u202f: \d+ %/.test(t))).toBe(true);
	// The navigation still answers: the page was never left frozen.
	await page.getByRole('link', { name: 'Accueil' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Leviers' })).toBeVisible();
});
