import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';

const IDS = ['economie', 'dechets', 'eau', 'urbanisme', 'cantines', 'marches', 'transversal'];
const MODULES: { id: string; title: string }[] = IDS.map((id) =>
	JSON.parse(readFileSync(`questionnaires/${id}.json`, 'utf8'))
);

test('the home page lists the seven modules of the diagnostic', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Leviers' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	const list = page.getByRole('heading', { name: 'Les sept modules du diagnostic' });
	await expect(list).toBeVisible();
	expect(MODULES).toHaveLength(7);
	for (const { title } of MODULES) {
		await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
	}
});

type Question = { id: string; type: string; text: string; todo?: string };
const questionsOf = (id: string): Question[] =>
	JSON.parse(readFileSync(`questionnaires/${id}.json`, 'utf8')).themes.flatMap(
		(t: { questions: Question[] }) => t.questions
	);

test('the module list counts legal obligations apart from the questions', async ({ page }) => {
	await page.goto('/');
	const questions = questionsOf('cantines');
	const count = (type: string) => questions.filter((q) => q.type === type).length;
	expect(count('obligation')).toBeGreaterThan(1);
	const card = page.getByRole('listitem').filter({
		has: page.getByRole('link', { name: MODULES.find((m) => m.id === 'cantines')!.title })
	});
	await expect(card).toContainText(
		`${count('scale')} questions, ${count('obligation')} obligations · `
	);
});

test('a module page shows an obligation as a legal duty with what to do', async ({ page }) => {
	await page.goto('/modules/dechets');
	const plpdma = questionsOf('dechets').find((q) => q.id === 'dechets-plpdma-pilotage')!;
	expect(plpdma.type).toBe('obligation');
	const card = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { level: 3, name: plpdma.text }) });
	await expect(card).toContainText('Obligation légale, hors score');
	await expect(card).toContainText(`Pour être en conformité\u202f: ${plpdma.todo}`);
	await expect(card).not.toContainText('Question de coopération');
	await expect(card).not.toContainText('Leviers\u202f:');
});

test('a module page lists its questions by theme with their reference', async ({ page }) => {
	await page.goto('/');
	const marches = MODULES.find((m) => m.id === 'marches')!;
	await page.getByRole('link', { name: marches.title, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: marches.title })).toBeVisible();
	await expect(page.getByRole('heading', { level: 3, name: /SPASER/ }).first()).toBeVisible();
	await expect(page.locator('blockquote, .fact').first()).toBeVisible();
});

test('a deep link to a module page works on its own', async ({ page }) => {
	const cantines = MODULES.find((m) => m.id === 'cantines')!;
	await page.goto('/modules/cantines');
	await expect(page.getByRole('heading', { level: 1, name: cantines.title })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
});

test('an unknown module shows a French error', async ({ page }) => {
	await page.goto('/modules/inconnu');
	await expect(page.getByText('Ce questionnaire n’existe pas.')).toBeVisible();
});

test('an unknown address shows a French page, without SvelteKit’s English', async ({ page }) => {
	await page.goto('/cette-adresse-n-existe-pas');
	await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
	await expect(page.getByText('Cette page n’existe pas.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Revenir à l’accueil' })).toBeVisible();
	await expect(page).toHaveTitle('Page introuvable — Leviers');
	expect(await page.locator('body').innerText()).not.toContain('Not Found');
});

test.describe('scripts off (what a prerendered page shows until the app starts)', () => {
	test.use({ javaScriptEnabled: false });

	test('the main navigation marks the current page', async ({ page }) => {
		const nav = page.getByRole('navigation', { name: 'Navigation principale' });
		for (const [path, current] of <[string, string][]>[
			['/', 'Accueil'],
			['/modules', 'Questionnaires'],
			['/modules/dechets', 'Questionnaires'],
			['/donnees', 'Données']
		]) {
			await page.goto(path);
			await expect(nav.getByRole('link', { name: current })).toHaveAttribute(
				'aria-current',
				'page'
			);
			await expect(nav.locator('[aria-current]')).toHaveCount(1);
		}
	});
});

test('the home page shows at once a campaign created or deleted in another tab', async ({
	page,
	context
}) => {
	// The home page reads without Dexie (issue 16) and hears Dexie's announcements of changes.
	await page.goto('/');
	await expect(page.getByText('Aucune démarche sur cet appareil')).toBeVisible();
	const other = await context.newPage();
	await other.goto('/');
	await other.getByRole('button', { name: 'Créer la démarche exemple' }).click();
	await expect(
		other.getByRole('heading', { level: 1, name: 'Communauté de communes exemple' })
	).toBeVisible();
	const link = page.getByRole('link', { name: /Communauté de communes exemple/ });
	await expect(link).toBeVisible();
	await other.getByRole('button', { name: 'Supprimer la démarche' }).click();
	await other.getByRole('button', { name: 'Supprimer définitivement' }).click();
	await expect(page.getByText('Aucune démarche sur cet appareil')).toBeVisible();
	await expect(link).toHaveCount(0);
});
