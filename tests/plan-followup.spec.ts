import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { engineResults, exampleCampaign, questionnaire } from './engine';
import { createCampaign, createExample, expectNoViolation } from './helpers';
import { newAction } from '../src/lib/domain/plan/plan';
import type { PlanAction } from '../src/lib/domain/plan/action';

const example = exampleCampaign();
const engine = engineResults(example);
const authority = example.campaign.authority;
const leverLabel = (id: string) => questionnaire.levers.find((l) => l.id === id)!.label;

/** A stored action, as the repository writes it. */
function action(campaignId: string, title: string, over: Partial<PlanAction> = {}): PlanAction {
	const context = { campaignId, now: Date.now(), newId: () => crypto.randomUUID() };
	return { ...newAction(title, context, { levers: ['mutualisation'] }), ...over };
}

type StoredAction = ReturnType<typeof action>;

/** Writes actions straight into the app's database (the plan page is tested elsewhere). */
async function putActions(page: Page, actions: StoredAction[]): Promise<void> {
	await page.evaluate(async (rows) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('leviers');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		await new Promise<void>((resolve, reject) => {
			const tx = db.transaction('actions', 'readwrite');
			for (const row of rows) tx.objectStore('actions').put(row);
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
		});
		db.close();
	}, actions);
}

/** The stored actions of a campaign. */
async function actionsOf(page: Page, campaignId: string): Promise<StoredAction[]> {
	return page.evaluate(async (id) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('leviers');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const rows = await new Promise<unknown[]>((resolve, reject) => {
			const request = db
				.transaction('actions')
				.objectStore('actions')
				.index('campaignId')
				.getAll(id);
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		db.close();
		return rows as StoredAction[];
	}, campaignId);
}

/** The smallest font size of the visible text of the slide and its controls, in px. */
function smallestText(page: Page): Promise<number> {
	return page.evaluate(() => {
		let min = Infinity;
		const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
		while (walker.nextNode()) {
			const el = walker.currentNode.parentElement!;
			if (!walker.currentNode.textContent!.trim() || !el.checkVisibility()) continue;
			if (el.closest('.visually-hidden')) continue;
			min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
		}
		return min;
	});
}

const idOf = (url: string) => /\/campagnes\/([^/?#]+)/.exec(url)![1]!;

/** The example campaign with a plan: two open actions, one realised. */
async function exampleWithPlan(page: Page) {
	const url = await createExample(page);
	const id = idOf(url);
	const open = action(id, 'Créer une ressourcerie', { status: 'en-cours' });
	const blocked = action(id, 'Clauses sociales', {
		status: 'bloque',
		levers: ['commande-publique']
	});
	const done = action(id, 'Bourse aux matériaux', { status: 'realise' });
	await putActions(page, [open, blocked, done]);
	return { url, id, open, blocked, done };
}

const offer = (page: Page) =>
	page.getByRole('region', { name: 'Reprendre le plan d’action précédent\u202f?' });

test('the open actions of the previous campaign are carried over once confirmed', async ({
	page
}) => {
	const before = await exampleWithPlan(page);
	const url = await createCampaign(page, authority);
	const id = idOf(url);
	const box = offer(page);
	await expect(box).toBeVisible();
	await expect(box.getByRole('checkbox')).toHaveCount(2);
	await expect(box.getByRole('checkbox', { name: /Créer une ressourcerie/ })).toBeChecked();
	await expect(box.getByRole('checkbox', { name: /Bourse aux matériaux/ })).toHaveCount(0);
	await expectNoViolation(page);
	expect(await actionsOf(page, id), 'nothing is copied before confirming').toEqual([]);

	await box.getByRole('checkbox', { name: /Clauses sociales/ }).uncheck();
	await box.getByRole('button', { name: 'Reprendre les actions cochées' }).click();
	await expect(box).toHaveCount(0);
	const copies = await actionsOf(page, id);
	expect(copies.map((a) => [a.title, a.status, a.source])).toEqual([
		[
			'Créer une ressourcerie',
			'en-cours',
			{ kind: 'carried', campaignId: before.id, actionId: before.open.id }
		]
	]);
	expect(await actionsOf(page, before.id)).toHaveLength(3);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: authority })).toBeVisible();
	await expect(offer(page)).toHaveCount(0);

	// The comparison shows what was done between the two campaigns beside each lever's change.
	await putActions(page, [{ ...copies[0]!, status: 'realise' }]);
	await page.goto(`${url}/comparer`);
	const table = page.getByRole('table', { name: /actions réalisées entre les deux démarches/ });
	const row = table.getByRole('row', { name: new RegExp(leverLabel('mutualisation')) });
	await expect(row).toContainText('Bourse aux matériaux');
	await expect(row).toContainText('Créer une ressourcerie (reprise puis réalisée)');
	await expect(
		table.getByRole('row', { name: new RegExp(leverLabel('commande-publique')) })
	).toContainText('Aucune');
});

test('declining the carry-over copies nothing and is not offered again', async ({ page }) => {
	const before = await exampleWithPlan(page);
	const url = await createCampaign(page, authority);
	await offer(page).getByRole('button', { name: 'Ne pas reprendre' }).click();
	await expect(offer(page)).toHaveCount(0);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: authority })).toBeVisible();
	await expect(offer(page)).toHaveCount(0);
	expect(await actionsOf(page, idOf(url))).toEqual([]);
	expect(await actionsOf(page, before.id)).toHaveLength(3);
});

test('the printed report has the plan, one row per action, late ones flagged', async ({ page }) => {
	const { url } = await exampleWithPlan(page);
	const id = idOf(url);
	await putActions(page, [
		action(id, 'Former les acheteurs', {
			status: 'en-cours',
			levers: ['commande-publique'],
			pilot: 'marches',
			priority: 'elevee',
			dueDate: '2020-03-31'
		})
	]);
	await page.goto(`${url}/rapport`);
	await page.emulateMedia({ media: 'print' });
	const plan = page.getByRole('table', { name: 'Actions du plan, par priorité puis échéance' });
	await expect(plan).toBeVisible();
	await expect(plan.getByRole('row')).toHaveCount(1 + 4);
	// Priority « Élevée » first.
	await expect(plan.getByRole('row').nth(1)).toHaveText(
		/Former les acheteurs\s*Commande publique.*En retard\s*Élevée\s*Commande publique\s*31 mars 2020/
	);
	await expect(plan.getByRole('row', { name: /Bourse aux matériaux/ })).toContainText('Réalisé');
	// The section starts a printed page, like the others.
	const breakBefore = await page
		.getByRole('region', { name: 'Plan d’action' })
		.evaluate((s) => getComputedStyle(s).breakBefore);
	expect(breakBefore).toBe('page');

	await createCampaign(page, 'Commune sans plan');
	await page.goto(`${page.url()}/rapport`);
	await expect(page.getByRole('region', { name: 'Plan d’action' })).toContainText(
		'Aucune action n’est encore inscrite au plan'
	);
});

test('the workshop shows the plan of each priority lever and adds an action live', async ({
	page
}) => {
	test.setTimeout(90_000);
	await page.setViewportSize({ width: 1920, height: 1080 });
	const first = engine.recommendations.levers[0]!;
	const url = await createExample(page);
	const id = idOf(url);
	await putActions(page, [
		action(id, 'Réunir les acheteurs et l’ESS', { levers: [first.lever], pilot: 'economie' })
	]);
	await page.goto(`${url}/atelier`);
	const planSlide = page.getByRole('region', { name: /: Levier n° 1\s: plan d’action$/ });
	await expect(page.getByRole('region', { name: /^1 \// })).toBeVisible();
	for (let n = 0; n < 30 && !(await planSlide.isVisible()); n++)
		await page.keyboard.press('ArrowRight');
	await expect(planSlide).toBeVisible();
	await expect(
		planSlide.getByRole('heading', { level: 2, name: `1 Plan d’action\u202f: ${first.label}` })
	).toBeVisible();
	await expect(planSlide.getByRole('listitem')).toHaveText([
		/Réunir les acheteurs et l’ESS\s*À venir · pilote\s: Économie/
	]);
	const slideName = await planSlide.getAttribute('aria-label');

	await page.keyboard.press('a');
	const title = page.getByRole('textbox', { name: 'Titre de l’action' });
	await expect(title).toBeFocused();
	await expect(page.getByRole('combobox', { name: 'Levier' })).toHaveValue(first.lever);
	await title.pressSequentially('Forum des acteurs');
	// Keys typed in the form move the caret, not the slides.
	for (const key of ['ArrowLeft', 'ArrowRight', 'Home', 'End', ' ', 'f']) await title.press(key);
	await expect(page.getByRole('region', { name: slideName! })).toBeVisible();
	await page.getByRole('combobox', { name: 'Service pilote' }).selectOption({ label: 'Déchets' });
	await expectNoViolation(page);
	expect(await smallestText(page), 'legible from the back of the room').toBeGreaterThanOrEqual(28);
	await title.press('Enter');
	await expect(planSlide.getByRole('listitem')).toHaveCount(2);
	await expect(planSlide).toContainText(/Forum des acteurs f\s*À venir · pilote\s: Déchets/);
	await expect(page.getByRole('status')).toContainText('Action ajoutée au plan');
	const stored = await actionsOf(page, id);
	expect(stored.find((a) => a.title === 'Forum des acteurs f')).toMatchObject({
		levers: [first.lever],
		pilot: 'dechets',
		status: 'a-venir'
	});

	// Escape closes the form and stays on the slide; then the keys move the slides again.
	await title.press('Escape');
	await expect(title).toHaveCount(0);
	await expect(page.getByRole('region', { name: slideName! })).toBeVisible();
	const contrast = await new AxeBuilder({ page })
		.options({ preload: false })
		.withRules(['color-contrast-enhanced'])
		.analyze();
	expect(contrast.violations).toEqual([]);
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('region', { name: /: Levier n° 2\s: / })).toBeVisible();
});
