/**
 * The « Réseau » page on a hub of 1,000 authorities (issue 15, item 5): a CouchDB-protocol server
 * started here holds the documents of 1,000 example campaigns, the page reads them with the hub's
 * credentials and shows what the same pure functions compute in Node.
 */
import { expect, test, type Page } from '@playwright/test';
import { startSyncServer } from '../scripts/sync-server.mjs';
import { LEVER_IDS } from '../src/lib/domain/content/questionnaire';
import { anonymousOrder, campaignPosition } from '../src/lib/domain/scoring/network';
import { readHub, scoreHub } from '../src/lib/domain/sync/hub';
import { exampleRegion } from '../src/lib/domain/testing/hub-docs';
import { formatScore } from '../src/lib/format';
import { questionnaire } from './engine';
import { expectNoViolation } from './helpers';

const CAMPAIGNS = 1000;
const DATABASE = `reseau-e2e-${process.pid}-${Date.now()}`;

let server: Awaited<ReturnType<typeof startSyncServer>>;
const auth = () =>
	'Basic ' + Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64');

async function couch(path: string, method: string, body?: unknown): Promise<unknown> {
	const res = await fetch(`${server.url}/${path}`, {
		method,
		headers: { Authorization: auth(), 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
	return res.json();
}

const { examples, docs } = exampleRegion(questionnaire.modules, CAMPAIGNS);
// What the page must show, computed in Node by the same functions.
const hub = readHub(docs, { questionnaire, now: Date.now() });
const { scores, summary } = scoreHub(hub.campaigns, questionnaire);
const ids = hub.campaigns.map((c) => c.campaign.id);
const lever = LEVER_IDS[0];
const leverLabel = questionnaire.levers.find((l) => l.id === lever)!.label;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	test.setTimeout(180_000);
	server = await startSyncServer();
	await couch(DATABASE, 'PUT');
	for (let i = 0; i < docs.length; i += 200)
		await couch(`${DATABASE}/_bulk_docs`, 'POST', { docs: docs.slice(i, i + 200) });
});

test.afterAll(async () => {
	await server?.stop();
});

async function connect(page: Page, password: string, database = DATABASE) {
	await page.goto('/reseau');
	await page.getByLabel('Adresse du serveur').fill(server.url);
	await page.getByLabel('Nom de la base').fill(database);
	await page.getByLabel('Nom d’utilisateur').fill(server.admin.name);
	await page.getByLabel('Mot de passe').fill(password);
	await page.getByRole('button', { name: 'Charger le réseau' }).click();
}

test('shows 1,000 authorities lever by lever, anonymous until names are asked', async ({
	page
}) => {
	test.setTimeout(120_000);
	expect(hub.campaigns).toHaveLength(CAMPAIGNS);
	await connect(page, server.admin.password);
	await expect(page.getByRole('heading', { level: 2, name: /^1\s000 collectivités$/ })).toBeVisible(
		{ timeout: 90_000 }
	);
	await expect(page.getByText(/8\s000 documents lus\s; 0 document mis de côté/)).toBeVisible();

	// The lever's median, quartiles and count, as the engine computes them.
	const spread = summary.levers[lever];
	const row = page.getByRole('row', { name: new RegExp(`^${leverLabel}`) }).first();
	await expect(row.getByRole('cell').nth(0)).toHaveText(formatScore(spread.median));
	await expect(row.getByRole('cell').nth(1)).toHaveText(
		`${formatScore(spread.q1)}–${formatScore(spread.q3)}`
	);
	await expect(row.getByRole('cell').nth(3)).toHaveText(/^1\s000$/);
	const transversality = page.getByRole('row', { name: /^Transversalité/ }).first();
	await expect(transversality.getByRole('cell').nth(0)).toHaveText(
		formatScore(summary.transversality.median)
	);

	// Names hidden by default: « Collectivité n » in the hash order of the campaign ids.
	const select = page.getByLabel('Situer une collectivité');
	await expect(page.getByText(/Commune test/)).toHaveCount(0);
	await expect(select.locator('option', { hasText: 'Commune test' })).toHaveCount(0);
	const firstId = anonymousOrder(ids)[0]!;
	await select.selectOption({ label: 'Collectivité 1' });
	const position = campaignPosition(scores, ids.indexOf(firstId));
	const p = position.levers[lever];
	const table = page.getByRole('table', { name: 'Où se situe Collectivité 1' });
	const line = table.getByRole('row', { name: new RegExp(`^${leverLabel}`) });
	await expect(line.getByRole('cell').nth(0)).toHaveText(formatScore(p.value));
	await expect(line.getByRole('cell').nth(1)).toHaveText(
		new RegExp(`^${p.rank}(re|e) sur 1\\s000$`)
	);
	await expect(line.getByRole('cell').nth(2)).toContainText(
		p.side === 'above'
			? 'au-dessus de la médiane'
			: p.side === 'below'
				? 'au-dessous de la médiane'
				: 'à la médiane'
	);
	await expectNoViolation(page);

	// Names on request: the same authority, now by its name.
	await page.getByLabel('Afficher les noms des collectivités').check();
	const name = examples.find((e) => e.campaign.id === firstId)!.campaign.authority;
	await expect(
		page.getByRole('table', { name: `Où se situe ${name} — Diagnostic 2026` })
	).toBeVisible();
	await expect(select.locator('option', { hasText: 'Commune test 1 — ' })).toHaveCount(1);

	// On a 360 px phone the page does not scroll sideways (wide tables scroll in their own box).
	await page.setViewportSize({ width: 360, height: 800 });
	await page.screenshot({ path: test.info().outputPath('reseau-360.png'), fullPage: true });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('says in French when the password is wrong or the database missing', async ({ page }) => {
	await connect(page, 'pas-le-bon');
	await expect(page.getByRole('alert')).toHaveText(
		'Le serveur refuse ce nom d’utilisateur ou ce mot de passe.'
	);
	await connect(page, server.admin.password, 'base-inconnue');
	await expect(page.getByRole('alert')).toContainText('«\u202fbase-inconnue\u202f» n’existe pas');
	await expectNoViolation(page);
});
