/**
 * The filling page draws its first theme first and the rest right after the first paint, on a
 * fresh visit only (issue 16: the first question sooner). What a person would notice if it went
 * wrong: Back, a reload or a link to a question landing elsewhere than where they were, or a
 * page left incomplete.
 */
import { expect, test, type Page } from '@playwright/test';
import { createCampaign, openModule, readModule } from './helpers';

const dechets = readModule('dechets');
const target = dechets.questions[14]!;

/** Where the card of `target` stands in the window, in pixels from its top. */
async function cardTop(page: Page): Promise<number> {
	const box = await page.getByRole('heading', { level: 3, name: target.text }).boundingBox();
	expect(box).not.toBeNull();
	return Math.round(box!.y);
}

test('a fresh visit ends with every question drawn; Back and a reload come back to the same question', async ({
	page
}) => {
	await page.setViewportSize({ width: 1000, height: 700 });
	const url = await createCampaign(page, 'Commune défilée');
	await openModule(page, url, dechets.title);
	const fillUrl = page.url();
	// A fresh visit (typed address): the first theme, then the whole page.
	await page.goto(fillUrl);
	await expect(page.getByRole('heading', { level: 3 })).toHaveCount(dechets.questions.length);
	await expect(page.getByRole('heading', { name: 'Terminer' })).toBeVisible();

	await page.getByRole('heading', { level: 3, name: target.text }).scrollIntoViewIfNeeded();
	await page.mouse.wheel(0, 120);
	await page.waitForTimeout(300);
	const before = await cardTop(page);
	const scrolled = await page.evaluate(() => scrollY);
	expect(scrolled).toBeGreaterThan(1000);

	// Away inside the app, then Back: the same place.
	// Clicked where it is (Playwright's click would first scroll up to the link).
	await page
		.getByRole('link', { name: 'Voir les résultats du service' })
		.evaluate((a: HTMLElement) => a.click());
	await expect(page).not.toHaveURL(fillUrl);
	await page.goBack();
	await expect(page.getByRole('heading', { level: 1, name: dechets.title })).toBeVisible();
	await expect.poll(() => cardTop(page)).toBe(before);

	// A reload: the same place.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: dechets.title })).toBeVisible();
	await expect.poll(() => cardTop(page)).toBe(before);
});

test('a link to a question opened afresh lands on it', async ({ page }) => {
	await page.setViewportSize({ width: 1000, height: 700 });
	const url = await createCampaign(page, 'Commune ancrée');
	await openModule(page, url, dechets.title);
	const fillUrl = page.url();
	await page.goto('/');
	await page.goto(`${fillUrl}#q-${target.id}`);
	const heading = page.getByRole('heading', { level: 3, name: target.text });
	await expect(heading).toBeInViewport();
	const top = await cardTop(page);
	expect(top).toBeLessThan(200);
});
