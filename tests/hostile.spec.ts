import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

// An imported file whose every text tries to leave its place: end a CSS string (CR, FF, LF, a
// quote), close a rule or a <style>, import a style sheet or load an image from another origin,
// print a fake score. Every page of the campaign must show these texts as text, look exactly as
// with a clean file, stay within the policy and send no request out of 127.0.0.1.

const PAYLOAD =
	'\r}\f"*{display:none}</style><style>@import url(http://evil.example/a.css);' +
	'@top-center{content:"Transversalité : 100 / 100"}\n{background:url(//evil.example/b)}';

interface FixtureAnswer {
	question: string;
	value: unknown;
	note?: string;
}
interface Fixture {
	campaigns: { id: string; authority: string; label: string; createdAt: string }[];
	diagnostics: {
		id: string;
		campaignId: string;
		module: string;
		respondent?: { name?: string; role?: string };
		answers: FixtureAnswer[];
	}[];
	[key: string]: unknown;
}

const fixture = JSON.parse(
	readFileSync('src/lib/domain/exchange/fixtures/v2.json', 'utf8')
) as Fixture;

/**
 * The fixture as two campaigns of one authority (so that the comparison has a pair), with ids
 * of their own and every free text passed through `text`.
 */
function exchangeFile(prefix: string, text: (s: string) => string): Fixture {
	const source = fixture.campaigns[0]!;
	const campaigns = [0, 1].map((n) => ({
		...source,
		id: `${prefix}-${n}`,
		authority: text('Ville témoin'),
		label: text(`Diagnostic 202${5 + n}`),
		createdAt: `202${5 + n}-02-27T09:00:00.000Z`
	}));
	const diagnostics = campaigns.flatMap((c, n) =>
		fixture.diagnostics.map((d) => ({
			...d,
			id: `${prefix}-${n}-${d.id}`,
			campaignId: c.id,
			respondent: { name: text('Claire Martin'), role: text('Responsable du service') },
			answers: d.answers.map((a) => ({ ...a, note: text(a.note ?? 'Note') }))
		}))
	);
	return { ...fixture, campaigns, diagnostics };
}

const clean = exchangeFile('propre', (s) => s);
const hostile = exchangeFile('hostile', (s) => `${s} ${PAYLOAD}`);
const authority = hostile.campaigns[0]!.authority;

/** The pages of a campaign, as a person goes through them. */
const PAGES = [
	'',
	'/dechets',
	'/dechets/resultats',
	'/resultats',
	'/comparer',
	'/atelier',
	'/rapport'
];

/** Collects what must never happen: requests to another host and policy violations. */
async function watch(context: BrowserContext) {
	const outside: string[] = [];
	const violations: string[] = [];
	context.on('request', (r) => {
		const { protocol, hostname } = new URL(r.url());
		if (/^https?:$/.test(protocol) && hostname !== '127.0.0.1') outside.push(r.url());
	});
	await context.exposeBinding('reportViolation', (_source, v: string) => violations.push(v));
	await context.addInitScript(() => {
		document.addEventListener(
			'securitypolicyviolation',
			(e) => {
				const report = (window as unknown as { reportViolation: (v: string) => void })
					.reportViolation;
				void report(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
			},
			true
		);
	});
	return { outside, violations };
}

async function importFile(page: Page, name: string, file: Fixture) {
	await page.goto('/importer');
	await page.getByLabel('Choisir un fichier…').setInputFiles({
		name,
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(file))
	});
	await page.getByRole('button', { name: 'Importer', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Import terminé' })).toBeVisible();
}

/** The computed styles of the page's landmarks and how many style sheets it has. */
function looks(page: Page) {
	return page.evaluate(() => {
		const props = ['display', 'visibility', 'opacity', 'color', 'background-color'];
		const more = ['background-image', 'font-family', 'font-size', 'position', 'margin'];
		const landmarks = ['body', 'header', 'nav', 'main', 'h1', 'h2', 'footer'].map((sel) => {
			const el = document.querySelector(sel);
			if (!el) return `${sel}: none`;
			const cs = getComputedStyle(el);
			return `${sel}: ${[...props, ...more].map((p) => cs.getPropertyValue(p)).join(' | ')}`;
		});
		const sheets = document.styleSheets.length + document.adoptedStyleSheets.length;
		return [
			...landmarks,
			`sheets: ${sheets}`,
			`style elements: ${document.querySelectorAll('style').length}`
		];
	});
}

/** The text of each page of the report printed to PDF. */
async function printedPages(page: Page): Promise<string[]> {
	await page.emulateMedia({ media: 'print' });
	const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
	await page.emulateMedia({ media: 'screen' });
	const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
	const pages: string[] = [];
	for (let i = 1; i <= doc.numPages; i++) {
		const content = await (await doc.getPage(i)).getTextContent();
		pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
	}
	return pages;
}

/** Waits until the page shows everything it loads (no part left saying it is loading). */
async function ready(page: Page) {
	await expect(page.locator('main h1, main h2').first()).toBeVisible();
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/** The visible characters of a text: spacing and control characters are rendered differently
 * by the DOM and in a PDF (a form feed in CSS content prints as a blank). */
const squash = (s: string | null) => (s ?? '').replace(/[^\p{L}\p{N}\p{P}\p{S}]/gu, '');

test('an imported file full of CSS and HTML payloads restyles nothing and calls no other origin', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	const { outside, violations } = await watch(context);
	await importFile(page, 'propre.json', clean);
	await importFile(page, 'hostile.json', hostile);

	for (const path of ['/', '/donnees', ...PAGES.map((p) => `/campagnes/hostile-1${p}`)]) {
		const cleanPath = path.replace('hostile-1', 'propre-1');
		await page.goto(cleanPath);
		await ready(page);
		const expected = await looks(page);
		await page.goto(path);
		await expect.poll(() => looks(page), { message: path }).toEqual(expected);
	}

	// The texts are shown as they are, as text.
	await page.goto('/campagnes/hostile-1');
	expect(squash(await page.getByRole('heading', { level: 1 }).textContent())).toBe(
		squash(authority)
	);
	await page.goto('/campagnes/hostile-1/dechets');
	// A one-line field drops line breaks from what it shows (HTML's value sanitization).
	await expect(page.getByLabel('Nom', { exact: true })).toHaveValue(
		hostile.diagnostics[0]!.respondent!.name!.replace(/[\r\n]/g, '')
	);
	await page.goto('/campagnes/hostile-1/atelier');
	expect(squash(await page.locator('h2.authority').textContent())).toBe(squash(authority));

	// The report: on screen, then printed, looks as the clean one and shows its real contents.
	await page.goto('/campagnes/propre-1/rapport');
	await expect(page.getByRole('heading', { name: 'Scores des leviers' })).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	const cleanPrint = await looks(page);
	const cleanPdf = await printedPages(page);
	await page.goto('/campagnes/hostile-1/rapport');
	await expect(page.getByRole('heading', { name: 'Scores des leviers' })).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	await expect.poll(() => looks(page)).toEqual(cleanPrint);
	const hostilePdf = await printedPages(page);
	expect(hostilePdf).toHaveLength(cleanPdf.length);
	const score = /Transversalité(\d+)\/100/;
	expect(squash(hostilePdf.join('')).match(score)?.[1]).toBe(
		squash(cleanPdf.join('')).match(score)?.[1]
	);
	// The running header holds the whole text, payload included: the string was not cut short.
	expect(squash(hostilePdf.at(-1)!)).toContain(
		squash(`${authority} — ${hostile.campaigns[1]!.label}`)
	);

	expect(outside).toEqual([]);
	expect(violations).toEqual([]);
});

test('the policy lets every page work: no violation on the pages of a clean campaign', async ({
	page,
	context
}) => {
	const { outside, violations } = await watch(context);
	await importFile(page, 'propre.json', clean);
	for (const path of ['/', '/modules', '/modules/dechets', '/donnees', '/campagnes/nouvelle']) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	}
	for (const path of PAGES) {
		await page.goto(`/campagnes/propre-1${path}`);
		await expect(page.locator('main h1, main h2').first()).toBeVisible();
	}
	// The announcer Kit adds after a navigation in the app stays hidden (its style is allowed).
	await page.getByRole('link', { name: 'Leviers', exact: true }).click();
	await expect(page).toHaveURL(/\/$/);
	await expect(page.locator('#svelte-announcer')).toHaveCSS('position', 'absolute');
	expect(outside).toEqual([]);
	expect(violations).toEqual([]);
});
