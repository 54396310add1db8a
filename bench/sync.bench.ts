/**
 * Synchronisation through the test server (express-pouchdb in memory on the loopback):
 * - first sync: a service head joins a campaign of 30 diagnostics (every scale question answered)
 *   from its invitation; from the click on « Rejoindre la démarche » to the 30 diagnostics in the
 *   device's IndexedDB (5 runs, a new database and a new browser context each);
 * - a change on one device visible on another: an answer written on the coordinator's device,
 *   until the service head's IndexedDB holds it (20 changes).
 * Times are taken in Node around the browser (a few ms of driver round trip included).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { startSyncServer } from '../scripts/sync-server.mjs';
import { startBrowserBench } from './browser';
import { quantile, type Figure } from './stats';

const MODULES = ['economie', 'dechets', 'eau', 'urbanisme', 'cantines', 'marches', 'transversal'];

interface Question {
	id: string;
	type: string;
}

function moduleFile(id: string): { version: number; questions: Question[] } {
	const m = JSON.parse(readFileSync(`questionnaires/${id}.json`, 'utf8'));
	return {
		version: m.version,
		questions: m.themes.flatMap((t: { questions: Question[] }) => t.questions)
	};
}

/** A campaign document and `n` diagnostic documents, answered on every scale question. */
function campaignDocs(campaignId: string, n: number): object[] {
	const now = new Date().toISOString();
	const docs: object[] = [
		{
			_id: `campaign:${campaignId}`,
			type: 'campaign',
			format: 5,
			campaign: {
				id: campaignId,
				authority: 'Banc d’essai synchronisé',
				label: 'Diagnostic 2026',
				modules: MODULES,
				createdAt: now,
				updatedAt: now
			}
		}
	];
	for (let i = 0; i < n; i++) {
		const module = MODULES[i % MODULES.length]!;
		const { version, questions } = moduleFile(module);
		const id = `${campaignId}-d${i}`;
		docs.push({
			_id: `diagnostic:${id}`,
			type: 'diagnostic',
			format: 5,
			campaignId,
			module,
			diagnostic: {
				id,
				campaignId,
				module,
				questionnaireVersion: version,
				status: 'draft',
				revision: 1,
				createdAt: now,
				updatedAt: now,
				lineage: [{ device: `bench-${i}`, revision: 1 }],
				answers: questions
					.filter((q) => q.type === 'scale')
					.map((q, k) => ({ question: q.id, value: (i + k) % 5, changedAt: now }))
			}
		});
	}
	return docs;
}

type Server = Awaited<ReturnType<typeof startSyncServer>>;

async function admin(server: Server, path: string, method: string, body?: unknown) {
	const auth = Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64');
	const r = await fetch(new URL(path, server.url), {
		method,
		headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	if (!r.ok) throw new Error(`${method} ${path}: ${r.status}`);
}

/** Resolves when the device's IndexedDB holds `count` diagnostics of the campaign. */
function waitForDiagnostics(page: Page, campaignId: string, count: number): Promise<void> {
	return page.evaluate(
		({ campaignId, count }) =>
			new Promise<void>((resolve) => {
				const later = () => setTimeout(() => void poll(), 20);
				const poll = async () => {
					// Never open (and so create) the database before the app has: that would block
					// the app's schema upgrade.
					const names = (await indexedDB.databases()).map((d) => d.name);
					if (!names.includes('leviers')) return void later();
					const open = indexedDB.open('leviers');
					open.onsuccess = () => {
						const db = open.result;
						db.onversionchange = () => db.close();
						if (!db.objectStoreNames.contains('diagnostics')) {
							db.close();
							return void later();
						}
						const req = db
							.transaction('diagnostics')
							.objectStore('diagnostics')
							.index('campaignId')
							.count(campaignId);
						req.onsuccess = () => {
							db.close();
							if (req.result >= count) resolve();
							else later();
						};
					};
					open.onerror = () => void later();
				};
				void poll();
			}),
		{ campaignId, count }
	);
}

/** Resolves to the diagnostic's revision on the device once it is at least `min`. */
function revisionOf(page: Page, diagnosticId: string, min: number): Promise<number> {
	return page.evaluate(
		({ diagnosticId, min }) =>
			new Promise<number>((resolve) => {
				const poll = () => {
					const open = indexedDB.open('leviers');
					open.onsuccess = () => {
						const db = open.result;
						const req = db.transaction('diagnostics').objectStore('diagnostics').get(diagnosticId);
						req.onsuccess = () => {
							db.close();
							const revision = (req.result as { revision?: number } | undefined)?.revision ?? 0;
							if (revision >= min) resolve(revision);
							else setTimeout(poll, 10);
						};
					};
				};
				poll();
			}),
		{ diagnosticId, min }
	);
}

async function join(page: Page, server: Server, database: string, campaignId: string) {
	const link = new URL('/rejoindre', page.url() === 'about:blank' ? 'http://x' : page.url());
	link.hash = new URLSearchParams({
		serveur: server.url,
		base: database,
		demarche: campaignId
	}).toString();
	await page.goto(`${link.pathname}${link.hash}`);
	await page.getByLabel('Nom d’utilisateur').fill(server.admin.name);
	await page.getByLabel('Mot de passe').fill(server.admin.password);
}

export async function run(): Promise<Figure[]> {
	const { browser, baseURL, stop } = await startBrowserBench(4473);
	const server = await startSyncServer();
	try {
		const first: number[] = [];
		for (let run = 0; run < 5; run++) {
			const database = `bench-first-${run}-${Date.now()}`;
			const campaignId = crypto.randomUUID();
			await admin(server, `/${database}`, 'PUT');
			await admin(server, `/${database}/_bulk_docs`, 'POST', {
				docs: campaignDocs(campaignId, 30)
			});
			const context = await browser.newContext({ baseURL, locale: 'fr-FR' });
			const page = await context.newPage();
			await join(page, server, database, campaignId);
			const t0 = performance.now();
			await page.getByRole('button', { name: 'Rejoindre la démarche' }).click();
			await waitForDiagnostics(page, campaignId, 30);
			first.push(performance.now() - t0);
			await context.close();
		}

		// Two devices on one campaign: a change on the first, seen on the second.
		const database = `bench-change-${Date.now()}`;
		const campaignId = crypto.randomUUID();
		await admin(server, `/${database}`, 'PUT');
		await admin(server, `/${database}/_bulk_docs`, 'POST', { docs: campaignDocs(campaignId, 7) });
		const pages: Page[] = [];
		for (let i = 0; i < 2; i++) {
			const page = await (await browser.newContext({ baseURL, locale: 'fr-FR' })).newPage();
			await join(page, server, database, campaignId);
			await page.getByRole('button', { name: 'Rejoindre la démarche' }).click();
			await waitForDiagnostics(page, campaignId, 7);
			pages.push(page);
		}
		const [writer, reader] = pages as [Page, Page];
		await writer.goto(`/campagnes/${campaignId}/dechets`);
		await writer.locator('[role="radiogroup"]').first().waitFor();
		const groups = await writer.locator('[role="radiogroup"]').count();
		const diagnosticId = `${campaignId}-d${MODULES.indexOf('dechets')}`;
		const change: number[] = [];
		for (let i = 0; i < 20; i++) {
			const group = writer.locator('[role="radiogroup"]').nth(i % groups);
			const before = await revisionOf(writer, diagnosticId, 0);
			const t0 = performance.now();
			// An answer not already chosen: each saves a new revision.
			await group.locator('input:not(:checked)').nth(1).check();
			const written = await revisionOf(writer, diagnosticId, before + 1);
			await revisionOf(reader, diagnosticId, written);
			change.push(performance.now() - t0);
		}
		return [
			{
				name: 'sync: first sync of a campaign of 30 diagnostics (join → all in IndexedDB)',
				median: quantile(first, 0.5),
				p95: quantile(first, 0.95),
				budget: 5000,
				on: 'median'
			},
			{
				name: 'sync: a change on one device visible in the other device’s IndexedDB',
				median: quantile(change, 0.5),
				p95: quantile(change, 0.95),
				budget: 3000,
				on: 'median'
			}
		];
	} finally {
		await server.stop();
		await stop();
	}
}
