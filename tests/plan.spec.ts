import { expect, test, type Page } from '@playwright/test';
import { engineResults, exampleCampaign, questionnaire } from './engine';
import { createExample, expectNoViolation } from './helpers';

const engine = engineResults(exampleCampaign());
const shortTitle = (id: string) => questionnaire.modules.find((m) => m.id === id)!.shortTitle;
const leverLabel = (id: string) => questionnaire.levers.find((l) => l.id === id)!.label;

/** Writes an action from scratch on the plan page and opens its editor. */
async function newAction(page: Page, planUrl: string, title: string): Promise<void> {
	await page.goto(planUrl);
	await page.getByLabel('Titre de la nouvelle action').fill(title);
	await page.getByRole('button', { name: 'Nouvelle action' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** Saves the editor and waits until the write is done. */
async function save(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.getByText('Action enregistrée')).toBeVisible();
}

/** The rows of the plan table, as their action titles, in order. */
const rowTitles = (page: Page) =>
	page.getByRole('table', { name: /Actions du plan/ }).getByRole('rowheader');

test('an empty plan says where actions come from; an action can be written from scratch', async ({
	page
}) => {
	const url = await createExample(page);
	await page.getByRole('link', { name: 'Plan d’action' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Plan d’action' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Aucune action pour l’instant' })).toBeVisible();
	await expect(
		page.getByText('chaque levier à actionner propose des actions concrètes')
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Résultats' })).toHaveAttribute(
		'href',
		/\/resultats$/
	);
	await expectNoViolation(page);

	await newAction(page, `${url}/plan`, 'Cartographier les recycleries');
	await expect(page.getByLabel('Titre', { exact: true })).toHaveValue(
		'Cartographier les recycleries'
	);
	await expect(page.getByLabel('Statut')).toHaveValue('a-venir');
	await page.getByRole('link', { name: '← Plan d’action' }).click();
	await expect(rowTitles(page)).toHaveText(['Cartographier les recycleries']);
	await expect(page.getByRole('status')).toHaveText('1 action');
});

test('« Ajouter au plan » on a recommendation opens a pre-filled draft', async ({ page }) => {
	const url = await createExample(page);
	const first = engine.recommendations.levers[0]!;
	const proposed = first.actions[0]!;
	await page.goto(`${url}/resultats`);
	await page.getByRole('button', { name: `Ajouter au plan\u202f: ${proposed.text}` }).click();

	await expect(page.getByRole('heading', { level: 1, name: proposed.text })).toBeVisible();
	await expect(page.getByLabel('Titre', { exact: true })).toHaveValue(proposed.text);
	await expect(page.getByRole('checkbox', { name: first.label })).toBeChecked();
	await expect(page.getByLabel('Statut')).toHaveValue('a-discuter');
	const pilot = proposed.modules[0];
	expect(pilot).toBeDefined();
	await expect(page.getByLabel('Service pilote').locator('option:checked')).toHaveText(
		shortTitle(pilot!)
	);
	await expectNoViolation(page);

	// The report and the workshop show the same cards without the button.
	await page.goto(`${url}/rapport`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('heading', { name: first.title }).first()).toBeVisible();
	await expect(page.getByRole('button', { name: /Ajouter au plan/ })).toHaveCount(0);
});

test('a past due date flags the action « En retard » in the editor and the plan', async ({
	page
}) => {
	const url = await createExample(page);
	await newAction(page, `${url}/plan`, 'Réunir déchets et cantines');
	await page.getByLabel('Statut').selectOption('en-cours');
	await page.getByLabel('Échéance').fill('2020-01-15');
	await page.getByRole('checkbox', { name: leverLabel('mutualisation') }).check();
	await expect(page.getByText('l’échéance est passée')).toBeVisible();
	await save(page);

	await page.reload();
	await expect(page.getByLabel('Statut')).toHaveValue('en-cours');
	await expect(page.getByLabel('Échéance')).toHaveValue('2020-01-15');
	await page.goto(`${url}/plan`);
	const row = page.getByRole('row', { name: /Réunir déchets et cantines/ });
	await expect(row).toContainText('En retard');
	await expect(row).toContainText('15 janvier 2020');
	const summary = page.getByRole('table', { name: /Actions par levier/ });
	await expect(
		summary.getByRole('row', { name: new RegExp(leverLabel('mutualisation')) })
	).toContainText('dont 1 en retard');

	// Realised, it is late no more.
	await row.getByRole('link').click();
	await page.getByLabel('Statut').selectOption('realise');
	await save(page);
	await page.goto(`${url}/plan`);
	await expect(page.getByRole('row', { name: /Réunir déchets et cantines/ })).not.toContainText(
		'En retard'
	);
	await expect(page.getByRole('row', { name: /Réunir déchets et cantines/ })).toContainText(
		'Réalisé'
	);
});

test('steps and follow-up notes persist after a reload', async ({ page }) => {
	const url = await createExample(page);
	await newAction(page, `${url}/plan`, 'Ouvrir une ressourcerie');
	for (const step of ['Trouver un local', 'Signer la convention', 'Inaugurer']) {
		await page.getByLabel('Nouvelle étape').fill(step);
		await page.getByRole('button', { name: 'Ajouter l’étape' }).click();
		await expect(page.getByRole('checkbox', { name: step })).toBeVisible();
	}
	await page.getByRole('checkbox', { name: 'Trouver un local' }).check();
	await page.getByRole('button', { name: 'Retirer l’étape «\u202fInaugurer\u202f»' }).click();
	await expect(page.getByRole('checkbox', { name: 'Inaugurer' })).toHaveCount(0);
	await expect(page.getByText('1 sur 2 réalisées')).toBeVisible();

	await page.getByLabel('Date de la note').fill('2026-11-20');
	await page.getByLabel('Note de suivi').fill('Visite du local avec l’association.');
	await page.getByRole('button', { name: 'Ajouter la note' }).click();
	await expect(page.getByText('Visite du local avec l’association.')).toBeVisible();

	await page.reload();
	await expect(page.getByRole('checkbox', { name: 'Trouver un local' })).toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'Signer la convention' })).not.toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'Inaugurer' })).toHaveCount(0);
	await expect(page.getByText('20 novembre 2026')).toBeVisible();
	await expect(page.getByText('Visite du local avec l’association.')).toBeVisible();
});

test('the plan filters by status and lever, sorts by due date or priority, at 360 px too', async ({
	page
}) => {
	const url = await createExample(page);
	const plan = `${url}/plan`;
	const actions = [
		{
			title: 'Alpha',
			status: 'en-cours',
			due: '2099-06-01',
			priority: 'basse',
			lever: 'sensibilisation'
		},
		{
			title: 'Bêta',
			status: 'a-venir',
			due: '2099-01-01',
			priority: 'moyenne',
			lever: 'mutualisation'
		},
		{
			title: 'Gamma',
			status: 'en-cours',
			due: '2099-03-01',
			priority: 'elevee',
			lever: 'sensibilisation'
		}
	];
	for (const a of actions) {
		await newAction(page, plan, a.title);
		await page.getByLabel('Statut').selectOption(a.status);
		await page.getByLabel('Priorité').selectOption(a.priority);
		await page.getByLabel('Échéance').fill(a.due);
		await page.getByRole('checkbox', { name: leverLabel(a.lever) }).check();
		await save(page);
	}
	await page.goto(plan);
	await expect(rowTitles(page)).toHaveText(['Bêta', 'Gamma', 'Alpha']);
	await page.getByLabel('Trier par').selectOption('priority');
	await expect(rowTitles(page)).toHaveText(['Gamma', 'Bêta', 'Alpha']);

	await page.getByLabel('Statut').selectOption('en-cours');
	await expect(rowTitles(page)).toHaveText(['Gamma', 'Alpha']);
	await expect(page.getByRole('status')).toHaveText('2 actions sur 3');
	await page.getByLabel('Statut').selectOption('');
	await page.getByRole('combobox', { name: 'Levier', exact: true }).selectOption('mutualisation');
	await expect(rowTitles(page)).toHaveText(['Bêta']);
	await page.getByLabel('Statut').selectOption('realise');
	await expect(page.getByText('Aucune action ne correspond à ces filtres.')).toBeVisible();
	await page.getByLabel('Statut').selectOption('');
	await page.getByRole('combobox', { name: 'Levier', exact: true }).selectOption('');

	// The filters are reachable from the keyboard: Tab to the status select, then pick a status.
	await page.getByLabel('Titre de la nouvelle action').focus();
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Statut')).toBeFocused();
	await expectNoViolation(page);

	await page.setViewportSize({ width: 360, height: 740 });
	await page.reload();
	await expect(page.getByRole('rowheader', { name: 'Alpha' })).toBeVisible();
	const overflow = () =>
		page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
	expect(await overflow()).toBeLessThanOrEqual(0);
	await page.getByRole('link', { name: 'Alpha' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Alpha' })).toBeVisible();
	expect(await overflow()).toBeLessThanOrEqual(0);
});

test('a failed write keeps what was typed, with a French message', async ({ page }) => {
	const url = await createExample(page);
	await newAction(page, `${url}/plan`, 'Former les agents');
	await page.getByLabel('Description').fill('Deux sessions par an.');

	// The disk fills up: IndexedDB refuses every write from now on.
	await page.evaluate(() => {
		const w = window as unknown as { __put: unknown };
		w.__put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = () => {
			throw new DOMException('Quota exceeded', 'QuotaExceededError');
		};
	});
	await page.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(
		page.getByRole('alert').filter({ hasText: 'ce changement n’a pas été enregistré' })
	).toBeVisible();
	await expect(page.getByLabel('Description')).toHaveValue('Deux sessions par an.');
	await expect(page.getByText('Modifications non enregistrées')).toBeVisible();
	await page.evaluate(() => {
		IDBObjectStore.prototype.put = (window as unknown as { __put: IDBObjectStore['put'] }).__put;
	});
});

test('deleting an action asks for confirmation', async ({ page }) => {
	const url = await createExample(page);
	await newAction(page, `${url}/plan`, 'À supprimer');
	await page.getByRole('button', { name: 'Supprimer cette action' }).click();
	const dialog = page.getByRole('dialog', { name: 'Supprimer cette action\u202f?' });
	await dialog.getByRole('button', { name: 'Annuler' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'À supprimer' })).toBeVisible();
	await page.getByRole('button', { name: 'Supprimer cette action' }).click();
	await dialog.getByRole('button', { name: 'Supprimer l’action' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Plan d’action' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Aucune action pour l’instant' })).toBeVisible();
});

test('leaving the editor with unsaved changes saves them first, or stays with the message', async ({
	page
}) => {
	const url = await createExample(page);
	await newAction(page, `${url}/plan`, 'Avant');
	await page.getByLabel('Titre', { exact: true }).fill('Après, sans cliquer sur Enregistrer');
	await page.getByRole('link', { name: '← Plan d’action' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Plan d’action' })).toBeVisible();
	await expect(rowTitles(page)).toHaveText(['Après, sans cliquer sur Enregistrer']);

	// A change that cannot be written (no title) keeps the page and says why.
	await rowTitles(page).getByRole('link').click();
	await page.getByLabel('Titre', { exact: true }).fill('');
	await page.getByRole('link', { name: '← Plan d’action' }).click();
	await expect(page.getByRole('alert')).toContainText('Donnez un titre à l’action.');
	await expect(page.getByLabel('Titre', { exact: true })).toHaveValue('');
	await expect(page).toHaveURL(/\/plan\/[^/]+$/);
});

test('an editor left open does not undo what another tab saved meanwhile', async ({ page }) => {
	const url = await createExample(page);
	await newAction(page, `${url}/plan`, 'Ouverte deux fois');
	const editorUrl = page.url();
	const other = await page.context().newPage();
	await other.goto(editorUrl);
	await other.getByLabel('Statut', { exact: true }).selectOption({ label: 'Réalisé' });
	await save(other);
	// The first tab still shows « À venir »: nothing typed there, so nothing is unsaved.
	await expect(page.getByText('Modifications non enregistrées')).toHaveCount(0);
	await page.getByLabel('Titre', { exact: true }).fill('Titre changé ici');
	await save(page);
	await page.reload();
	await expect(page.getByLabel('Titre', { exact: true })).toHaveValue('Titre changé ici');
	await expect(page.getByLabel('Statut', { exact: true })).toHaveValue('realise');
});
