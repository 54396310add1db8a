import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { LEVER_IDS } from '../src/lib/domain/content/questionnaire';
import { maturityBasisText, servicesBasisText } from '../src/lib/score-text';
import { engineResults, exampleCampaign, questionnaire, shown } from './engine';
import { createExample, readModule } from './helpers';

const example = exampleCampaign();
const engine = engineResults(example);
const authority = example.campaign.authority;
/** The obligations slide is there only when an obligation is unmet or unknown. */
const obligationsSlide = engine.scores.obligations.unmet + engine.scores.obligations.unknown > 0;
const leverLabel = (id: string) => questionnaire.levers.find((l) => l.id === id)!.label;

test('the workshop moves forward and back with the keyboard and hides names by default', async ({
	page
}) => {
	const url = await createExample(page);
	await page.getByRole('link', { name: 'Mode atelier' }).click();
	// Three recommendations, each followed by the plan of its lever.
	const total = 3 + (obligationsSlide ? 1 : 0) + example.campaign.modules.length + 1 + 3 * 2 + 1;
	const firstService = 4 + (obligationsSlide ? 1 : 0);
	const slide = (n: number, title: string | RegExp) =>
		page.getByRole('region', {
			name: typeof title === 'string' ? `${n} / ${total}\u202f: ${title}` : title
		});
	await expect(slide(1, 'La démarche et ses services')).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: authority })).toBeVisible();
	const names = example.diagnostics.map((d) => d.respondent!.name!);
	for (const name of names) await expect(page.getByText(name)).toHaveCount(0);

	await page.keyboard.press('ArrowRight');
	await expect(slide(2, 'Transversalité')).toBeVisible();
	await expect(page.getByTestId('transversality-score')).toHaveText(
		shown(engine.scores.transversality.score)
	);
	await expect(slide(2, 'Transversalité')).toContainText(
		servicesBasisText(engine.scores.transversality.basis)
	);
	if (obligationsSlide) {
		await page.keyboard.press('ArrowRight');
		await expect(slide(3, 'Obligations légales')).toBeVisible();
	}
	await page.keyboard.press('PageDown');
	await expect(slide(firstService - 1, 'Les leviers de tous les services')).toBeVisible();
	await page.keyboard.press(' ');
	await expect(slide(firstService, readModule('economie').title)).toBeVisible();
	await expect(page.getByText(names[0]!)).toHaveCount(0);

	await page.getByRole('checkbox', { name: 'Afficher les noms' }).check();
	await expect(page.getByText(names[0]!)).toBeVisible();
	await page.getByRole('checkbox', { name: 'Afficher les noms' }).uncheck();
	await expect(page.getByText(names[0]!)).toHaveCount(0);
	await page.locator('body').click({ position: { x: 5, y: 5 } });

	await page.keyboard.press('ArrowLeft');
	await expect(slide(firstService - 1, 'Les leviers de tous les services')).toBeVisible();
	await page.keyboard.press('Home');
	await expect(slide(1, 'La démarche et ses services')).toBeVisible();
	await page.keyboard.press('End');
	await expect(slide(total, 'Prochaines étapes')).toBeVisible();
	await page.keyboard.press('ArrowLeft');
	await expect(slide(total - 1, 'Levier n° 3\u202f: plan d’action')).toBeVisible();
	await page.keyboard.press('ArrowLeft');
	const first = engine.recommendations.levers[2]!;
	await expect(slide(total - 2, `Levier n° 3\u202f: ${first.title}`)).toBeVisible();
	await expect(page.getByRole('blockquote')).toContainText(first.source!.quote.slice(0, 40));

	await page.keyboard.press('f');
	await expect(page.getByRole('button', { name: /Plein écran/, pressed: true })).toBeVisible();
	expect(await page.evaluate(() => document.fullscreenElement !== null)).toBe(true);

	await page.keyboard.press('Escape');
	await expect(page).toHaveURL(url);
	expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
	await expect(page.getByRole('heading', { level: 1, name: authority })).toBeVisible();
});

test('every workshop slide is legible from the back of the room at 1920×1080', async ({ page }) => {
	// A contrast check with axe on every slide: seconds each on 2 cores.
	test.setTimeout(120_000);
	await page.setViewportSize({ width: 1920, height: 1080 });
	const url = await createExample(page);
	await page.goto(`${url}/atelier`);
	const next = page.getByRole('button', { name: /Suivante/ });
	await expect(page.getByRole('region', { name: /^1 \// })).toBeVisible();
	for (let n = 1; ; n++) {
		await expect(page.getByRole('region', { name: new RegExp(`^${n} /`) })).toBeVisible();
		const smallest = await page.evaluate(() => {
			let min = Infinity;
			const walker = document.createTreeWalker(
				document.querySelector('main')!,
				NodeFilter.SHOW_TEXT
			);
			while (walker.nextNode()) {
				const el = walker.currentNode.parentElement!;
				if (!walker.currentNode.textContent!.trim() || !el.checkVisibility()) continue;
				if (el.closest('.visually-hidden')) continue;
				min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
			}
			return min;
		});
		expect(smallest, `slide ${n}`).toBeGreaterThanOrEqual(28);
		// No CSSOM preload: it is blocked by the app's CSP (see a11y.spec.ts).
		const contrast = await new AxeBuilder({ page })
			.options({ preload: false })
			.withRules(['color-contrast-enhanced'])
			.analyze();
		expect(contrast.violations, `slide ${n}`).toEqual([]);
		if (await next.isDisabled()) break;
		await page.keyboard.press('ArrowRight');
	}
});

test('the workshop shows what each service’s scores rest on and the legal obligations', async ({
	page
}) => {
	const url = await createExample(page);
	await page.goto(`${url}/atelier`);
	const slideNamed = (title: string) =>
		// An accessible name folds the narrow no-break space into a space.
		page.getByRole('region', { name: new RegExp(`^\\d+ / \\d+\\s: ${title}$`) });

	// First slide: each service's maturity with its basis and reliability.
	const table = page.getByRole('table', { name: 'Services de la démarche' });
	await expect(table.getByRole('columnheader')).toHaveText([
		'Service',
		'Diagnostic',
		'Maturité',
		'Base',
		'Fiabilité'
	]);
	const economie = engine.scores.diagnostics.find((d) => d.moduleId === 'economie')!;
	await expect(table.getByRole('row', { name: readModule('economie').title })).toContainText(
		maturityBasisText(economie.counts)
	);

	// The obligations slide: the campaign checklist when something is to act on, else none.
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	if (obligationsSlide) {
		const checklist = engine.scores.obligations;
		const slide = slideNamed('Obligations légales');
		await expect(
			slide.getByRole('heading', { level: 2, name: /^Obligations légales :/ })
		).toContainText(`${checklist.met} sur ${checklist.applicable}`);
		const expected = example.campaign.modules.flatMap((m) =>
			readModule(m).questions.filter((q) => (q.type as string) === 'obligation')
		);
		await expect(slide.getByRole('listitem')).toHaveCount(expected.length);
	} else {
		await expect(slideNamed('Les leviers de tous les services')).toBeVisible();
		expect(engine.scores.obligations.unmet + engine.scores.obligations.unknown).toBe(0);
	}

	// A service slide: the basis of its maturity and the levers it cannot evaluate yet, on the
	// first service (in slide order) that has such levers.
	const expected = engine.scores.selection.expected;
	const index = expected.findIndex((m) =>
		LEVER_IDS.some(
			(l) => engine.scores.diagnostics.find((d) => d.moduleId === m)?.levers[l].status === 'too-few'
		)
	);
	expect(index, 'the example has a service with levers too thinly answered').toBeGreaterThanOrEqual(
		0
	);
	const moduleId = expected[index]!;
	const service = engine.scores.diagnostics.find((d) => d.moduleId === moduleId)!;
	await page.keyboard.press('ArrowRight');
	if (obligationsSlide) await page.keyboard.press('ArrowRight');
	for (let i = 0; i < index; i++) await page.keyboard.press('ArrowRight');
	const slide = slideNamed(readModule(moduleId).title);
	await expect(slide).toContainText(
		`Maturité ${shown(service.maturity)} ${maturityBasisText(service.counts)}`
	);
	const tooFew = LEVER_IDS.filter((l) => service.levers[l].status === 'too-few');
	await expect(slide).toContainText(
		`Non évalués (trop peu de réponses)\u202f: ${tooFew.map(leverLabel).join(', ')}.`
	);
});
