import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';

/** A question as the tests need it. */
export interface TestQuestion {
	id: string;
	type: 'scale' | 'obligation' | 'cooperation';
	text: string;
}

/** The module file, read from disk so the tests follow the content. */
export function readModule(id: string): {
	id: string;
	title: string;
	shortTitle: string;
	questions: TestQuestion[];
} {
	const m = JSON.parse(readFileSync(`questionnaires/${id}.json`, 'utf8'));
	return { ...m, questions: m.themes.flatMap((t: { questions: TestQuestion[] }) => t.questions) };
}

/** Creates a campaign through the form and returns its page URL. */
export async function createCampaign(page: Page, authority = 'Commune de Test'): Promise<string> {
	await page.goto('/campagnes/nouvelle');
	await page.getByLabel('Nom de la collectivité').fill(authority);
	await page.getByRole('button', { name: 'Créer la démarche' }).click();
	await expect(page.getByRole('heading', { level: 1, name: authority })).toBeVisible();
	return page.url();
}

/** Opens the filling page of a module from its campaign page. */
export async function openModule(page: Page, campaignUrl: string, title: string): Promise<void> {
	await page.goto(campaignUrl);
	await page.getByRole('link', { name: title, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** The radio group of a scale question, found by its text. */
export function scale(page: Page, q: TestQuestion) {
	return page.getByRole('radiogroup', { name: q.text });
}

/** Waits until every change of the page is committed. */
export async function expectAllSaved(page: Page): Promise<void> {
	await expect(page.getByRole('status')).toHaveText(/Toutes les réponses sont enregistrées/);
}

/** Creates the example campaign from the home page and returns its page URL. */
export async function createExample(page: Page): Promise<string> {
	await page.goto('/');
	await page.getByRole('button', { name: 'Créer la démarche exemple' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Communauté de communes exemple' })
	).toBeVisible();
	return page.url();
}

/** Every axe-core rule (WCAG 2.x A and AA, best practices) on the page as it stands. */
export async function expectNoViolation(page: Page): Promise<void> {
	// No CSSOM preload: axe re-parses the style sheets in <style> elements, which the app's
	// Content-Security-Policy refuses, and then waits for them until the test times out.
	const { violations } = await new AxeBuilder({ page }).options({ preload: false }).analyze();
	const summary = violations.map((v) => ({
		rule: v.id,
		impact: v.impact,
		nodes: v.nodes.map((n) => n.target.join(' '))
	}));
	expect(summary).toEqual([]);
}
