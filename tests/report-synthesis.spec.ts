import { expect, test, type Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { synthesis } from '../src/lib/domain/scoring/synthesis';
import { formatScore } from '../src/lib/format';
import { servicesBasisText, transversalityText } from '../src/lib/score-text';
import { SYNTHESIS_OBLIGATIONS_SHOWN } from '../src/routes/campagnes/[id]/rapport/synthesis-limits';
import { engineResults, exampleCampaign, shown } from './engine';
import { createExample, readModule } from './helpers';

const example = exampleCampaign();
const engine = engineResults(example);
const expected = synthesis(engine.scores, engine.recommendations);
const authority = example.campaign.authority;

/** The text of each page of the report printed as an A4 PDF, spaces collapsed. */
async function printedPages(page: Page): Promise<string[]> {
	await page.emulateMedia({ media: 'print' });
	const pdf = await page.pdf({ format: 'A4', printBackground: true });
	const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
	const pages: string[] = [];
	for (let i = 1; i <= doc.numPages; i++) {
		const content = await (await doc.getPage(i)).getTextContent();
		pages.push(
			content.items
				.map((item) => ('str' in item ? item.str : ''))
				.join(' ')
				.replace(/\s+/g, ' ')
				.replace(/- /g, '-')
		);
	}
	return pages;
}

/**
 * Collapses spaces so that a sentence split over PDF text runs still matches; a line broken after
 * a hyphen (« dispose-t- elle ») is joined on both sides.
 */
const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/- /g, '-');

test('the report opens with a one-page synthesis for the council', async ({ page }) => {
	const url = await createExample(page);
	await page.goto(`${url}/rapport`);
	const section = page.getByRole('region', { name: 'Synthèse' });
	await expect(section).toBeVisible();
	const print = page.getByRole('button', { name: 'Imprimer / PDF' });
	await page.evaluate(() => {
		window.print = () => document.body.setAttribute('data-printed', 'oui');
	});
	await print.click();
	await expect(page.locator('body')).toHaveAttribute('data-printed', 'oui');

	// On screen: the figures the engine computes, with what they rest on.
	const figure = transversalityText(expected.transversality);
	await expect(section.getByTestId('synthesis-transversality')).toHaveText(figure.split(' — ')[0]!);
	await expect(section).toContainText(servicesBasisText(expected.transversality.basis));
	const strengths = section.getByRole('group', { name: 'Points forts' }).getByRole('listitem');
	await expect(strengths).toHaveCount(expected.strengths.length);
	const levers = section
		.getByRole('group', { name: 'Les leviers à actionner en premier' })
		.getByRole('listitem');
	await expect(levers).toHaveCount(3);
	for (const [i, r] of expected.levers.entries()) {
		await expect(levers.nth(i)).toContainText(r.title);
		await expect(levers.nth(i)).toContainText(
			`repose sur ${r.answers} réponses de ${r.reach} services`
		);
	}
	// The obligations line: the count the checklist gives, or its empty state.
	const checklist = expected.checklist;
	const obligationsLine =
		checklist.items.length === 0
			? 'Aucune obligation légale dans ce questionnaire.'
			: `Conformité réglementaire\u202f: ${checklist.met} sur ${checklist.applicable}`;
	await expect(section).toContainText(obligationsLine);
	if (expected.obligations.length > 0)
		await expect(
			section.getByRole('group', { name: 'Obligations légales' }).getByRole('listitem')
		).toHaveCount(Math.min(SYNTHESIS_OBLIGATIONS_SHOWN, expected.obligations.length));

	// Printed: all of it on page 1, and the rest of the report from page 2 on.
	const pages = await printedPages(page);
	expect(pages.length).toBeGreaterThanOrEqual(3);
	const first = pages[0]!;
	expect(first).toContain('Synthèse');
	expect(first).toContain(authority);
	expect(first).toContain(flat(`Transversalité ${figure.split(' — ')[0]}`));
	for (const r of expected.levers) expect(first).toContain(flat(r.title));
	expect(first).toContain(flat(obligationsLine));
	for (const o of expected.obligations.slice(0, SYNTHESIS_OBLIGATIONS_SHOWN))
		expect(first).toContain(flat(o.text));
	expect(first).toContain(
		`${expected.services.answered} services sur ${expected.services.expected} ont répondu`
	);
	for (const s of expected.strengths)
		expect(first).toContain(`${formatScore(s.mean)} / 100 en moyenne`);
	// The detailed transversality is the next section: its advice is not on page 1 but on page 2.
	expect(first).not.toContain('Pour progresser');
	expect(pages[1]).toContain('Pour progresser');
	expect(pages.join(' ')).toContain('Leviers par service');
	expect(first).not.toContain('Leviers par service');
	// The running header of every page.
	expect(pages.at(-1)).toContain(`${authority} — ${example.campaign.label}`);
});

test('the report prints the campaign checklist before the levers, and each service’s basis', async ({
	page
}) => {
	const url = await createExample(page);
	await page.goto(`${url}/rapport`);
	await expect(page.getByRole('heading', { level: 2, name: 'Synthèse' })).toBeVisible();
	const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
	expect(headings.indexOf('Obligations légales')).toBeGreaterThan(-1);
	expect(headings.indexOf('Obligations légales')).toBeLessThan(
		headings.indexOf('Leviers à actionner en premier')
	);

	const dechets = engine.scores.diagnostics.find((d) => d.moduleId === 'dechets')!;
	const article = page.getByRole('article', { name: readModule('dechets').title, exact: true });
	const answered = dechets.counts.levels + dechets.counts.unknown;
	await expect(article).toContainText(
		`maturité ${shown(dechets.maturity)} sur ${answered} questions répondues`
	);
	// Every service's checklist: its count, or the empty state while the content has none.
	const obligations = readModule('dechets').questions.filter(
		(q) => (q.type as string) === 'obligation'
	);
	const heading = article.getByRole('heading', { level: 4, name: /^Conformité réglementaire/ });
	await expect(heading).toHaveText(
		obligations.length === 0
			? 'Conformité réglementaire (Déchets)\u202f: Aucune obligation légale dans ce questionnaire.'
			: new RegExp(
					`Conformité réglementaire \\(Déchets\\)\u202f: ${dechets.obligations.met} sur ${dechets.obligations.applicable}`
				)
	);
	await expect(
		article.getByRole('region', { name: 'Conformité réglementaire' }).getByRole('listitem')
	).toHaveCount(obligations.length);
});
