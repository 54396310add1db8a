import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { compareCampaigns } from '../src/lib/domain/scoring/comparison';
import { LEVER_STATUS_LABELS } from '../src/lib/domain/content/labels';
import { formatDelta } from '../src/lib/format';
import { engineResults, exampleCampaign, shown } from './engine';
import { createExample, expectAllSaved, openModule, readModule, scale } from './helpers';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const example = exampleCampaign();
const engine = engineResults(example);
const authority = example.campaign.authority;

/** The text of every JavaScript file the page downloads, to tell whether chart.js is among them. */
function scripts(page: Page): Promise<string>[] {
	const bodies: Promise<string>[] = [];
	page.on('response', (r) => {
		if (r.request().resourceType() === 'script') bodies.push(r.text());
	});
	return bodies;
}
// A string of chart.js's radial scale that survives minification.
const loadsChartJs = async (bodies: Promise<string>[]) =>
	(await Promise.all(bodies)).some((js) => js.includes('radialLinear'));

test('the dashboard shows the transversality and first lever the engine computes', async ({
	page
}) => {
	const url = await createExample(page);
	await page.getByRole('link', { name: 'Résultats', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Résultats' })).toBeVisible();
	expect(engine.scores.transversality.score).not.toBeNull();
	await expect(page.getByTestId('transversality-score')).toHaveText(
		shown(engine.scores.transversality.score)
	);
	const first = engine.recommendations.levers[0]!;
	await expect(page.getByRole('heading', { level: 3, name: first.title })).toBeVisible();
	expect(page.url()).toBe(`${url}/resultats`);
});

test('switching a service off removes it from the radar’s data table', async ({ page }) => {
	const url = await createExample(page);
	await page.goto(`${url}/resultats`);
	const table = page.getByRole('table', { name: 'Données : Leviers par service' });
	await expect(table.getByRole('columnheader')).toHaveCount(1 + engine.scores.diagnostics.length);
	await expect(table.getByRole('columnheader', { name: 'Déchets' })).toBeVisible();

	await page.getByRole('checkbox', { name: 'Déchets' }).uncheck();
	await expect(table.getByRole('columnheader', { name: 'Déchets' })).toHaveCount(0);
	await expect(table.getByRole('columnheader')).toHaveCount(engine.scores.diagnostics.length);

	await page.getByRole('checkbox', { name: 'Déchets' }).check();
	await expect(table.getByRole('columnheader', { name: 'Déchets' })).toBeVisible();
});

test('the filling page loads no chart.js; its service results show the engine’s figures', async ({
	page
}) => {
	const url = await createExample(page);
	const onFilling = scripts(page);
	await page.goto(`${url}/dechets`);
	await expect(
		page.getByRole('heading', { level: 1, name: readModule('dechets').title })
	).toBeVisible();
	await page.waitForLoadState('networkidle');
	expect(await loadsChartJs(onFilling)).toBe(false);

	const onResults = scripts(page);
	await page.getByRole('link', { name: 'Voir les résultats du service' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Résultats du service : Déchets' })
	).toBeVisible();
	const dechets = engine.scores.diagnostics.find((d) => d.moduleId === 'dechets')!;
	await expect(page.getByRole('definition').first()).toHaveText(`${shown(dechets.maturity)} / 100`);

	const table = page.getByRole('table', { name: 'Données : Leviers du service Déchets' });
	await expect(table.getByRole('columnheader')).toHaveText([
		'Levier',
		'Engagé ou réalisé',
		'Réalisé'
	]);
	const lever = 'portage-politique';
	// A lever without a score says why (too few answers, or not addressed), never 0.
	const cellText = (v: number | null) => {
		const status = dechets.levers[lever].status;
		return v !== null || status === 'evaluated' ? shown(v) : escape(LEVER_STATUS_LABELS[status]);
	};
	await expect(table.getByRole('row', { name: /Portage politique/ })).toHaveText(
		new RegExp(
			`${cellText(dechets.levers[lever].engaged)}\\s*${cellText(dechets.levers[lever].done)}$`
		)
	);
	await expect(page.getByRole('definition').nth(1)).toContainText(
		`sur ${dechets.counts.levels + dechets.counts.unknown} questions répondues, ${dechets.counts.unknown} « Je ne sais pas »`
	);

	const actions = engine.recommendations.services.find((s) => s.moduleId === 'dechets')!.actions;
	expect(actions).toHaveLength(3);
	const items = page.getByRole('listitem').filter({ has: page.getByRole('blockquote') });
	await expect(items).toHaveCount(3);
	for (const [i, action] of actions.entries())
		await expect(items.nth(i).getByRole('heading', { level: 3 })).toContainText(action.text);
	expect(await loadsChartJs(onResults)).toBe(true);
});

test('the workshop moves forward and back with the keyboard and hides names by default', async ({
	page
}) => {
	const url = await createExample(page);
	await page.getByRole('link', { name: 'Mode atelier' }).click();
	const total = 3 + example.campaign.modules.length + 1 + 3 + 1;
	const slide = (n: number, title: string | RegExp) =>
		page.getByRole('region', {
			name: typeof title === 'string' ? `${n} / ${total} : ${title}` : title
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
	await page.keyboard.press('PageDown');
	await expect(slide(3, 'Les leviers de tous les services')).toBeVisible();
	await page.keyboard.press(' ');
	await expect(slide(4, 'Développement économique')).toBeVisible();
	await expect(page.getByText(names[0]!)).toHaveCount(0);

	await page.getByRole('checkbox', { name: 'Afficher les noms' }).check();
	await expect(page.getByText(names[0]!)).toBeVisible();
	await page.getByRole('checkbox', { name: 'Afficher les noms' }).uncheck();
	await expect(page.getByText(names[0]!)).toHaveCount(0);
	await page.locator('body').click({ position: { x: 5, y: 5 } });

	await page.keyboard.press('ArrowLeft');
	await expect(slide(3, 'Les leviers de tous les services')).toBeVisible();
	await page.keyboard.press('PageUp');
	await expect(slide(2, 'Transversalité')).toBeVisible();
	await page.keyboard.press('End');
	await expect(slide(total, 'Prochaines étapes')).toBeVisible();
	await page.keyboard.press('ArrowLeft');
	const first = engine.recommendations.levers[2]!;
	await expect(slide(total - 1, `Levier n° 3 : ${first.title}`)).toBeVisible();
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

test('the report prints to an A4 PDF with the authority, transversality and first lever', async ({
	page
}) => {
	const url = await createExample(page);
	await page.goto(`${url}/rapport`);
	const print = page.getByRole('button', { name: 'Imprimer / PDF' });
	await expect(print).toBeVisible();
	await page.evaluate(() => {
		window.print = () => document.body.setAttribute('data-printed', 'oui');
	});
	await print.click();
	await expect(page.locator('body')).toHaveAttribute('data-printed', 'oui');

	await page.emulateMedia({ media: 'print' });
	const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
	const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
	expect(doc.numPages).toBeGreaterThanOrEqual(3);
	const pages: string[] = [];
	for (let i = 1; i <= doc.numPages; i++) {
		const content = await (await doc.getPage(i)).getTextContent();
		pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
	}
	const text = pages.join(' ').replace(/\s+/g, ' ');
	expect(pages[0]).toContain(authority);
	expect(text).toMatch(
		new RegExp(`Transversalité ${shown(engine.scores.transversality.score)} / 100`)
	);
	expect(text).toContain(engine.recommendations.levers[0]!.title);
	// The running header of every page.
	expect(pages.at(-1)).toContain(`${authority} — ${example.campaign.label}`);
});

test('the comparison shows the engine’s deltas between two campaigns of one authority', async ({
	page
}) => {
	await createExample(page);
	const url = await createExample(page);
	// The later campaign moves one practice of the waste service to Exemplaire.
	const dechets = readModule('dechets');
	const before = example.diagnostics.find((d) => d.moduleId === 'dechets')!;
	const q = dechets.questions.find(
		(q) =>
			q.type === 'scale' &&
			typeof before.answers[q.id]?.value === 'number' &&
			before.answers[q.id]!.value !== 4
	)!;
	await openModule(page, url, dechets.title);
	await scale(page, q).getByLabel('4 · Exemplaire').check();
	await expectAllSaved(page);

	const after = example.diagnostics.map((d) =>
		d.moduleId === 'dechets'
			? { ...d, answers: { ...d.answers, [q.id]: { ...d.answers[q.id]!, value: 4 as const } } }
			: d
	);
	const expected = compareCampaigns(engine.scores, engineResults(example, after).scores);
	expect(expected.services.dechets!.delta).toBeGreaterThan(0);

	await page.goto(`${url}/comparer`);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Comparer deux démarches' })
	).toBeVisible();
	const services = page.getByRole('table', { name: /Maturité de chaque service/ });
	await expect(services.getByRole('row', { name: /Déchets/ })).toHaveText(
		new RegExp(
			`${shown(expected.services.dechets!.before)}\\s*${shown(expected.services.dechets!.after)}\\s*▲\\s*en hausse\\s*${escape(formatDelta(expected.services.dechets!.delta))}`
		)
	);
	await expect(services.getByRole('row', { name: /Eau/ })).toContainText('stable');
	const transversality = page.getByRole('table', { name: /Transversalité et ses cinq/ });
	await expect(transversality.getByRole('row', { name: /^Transversalité/ })).toContainText(
		formatDelta(expected.transversality.delta)
	);
	await expect(
		page.getByRole('table', { name: /Données : Score moyen des leviers/ }).getByRole('columnheader')
	).toHaveCount(3);
});
