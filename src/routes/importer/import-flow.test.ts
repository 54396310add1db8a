// The app's database is the global IndexedDB: fake-indexeddb must be installed before Dexie loads.
import 'fake-indexeddb/auto';
import { afterEach, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { repository } from '$lib/db/repository';
import { testDevice } from '$lib/db/test-devices';
import { modules } from '$lib/domain/content/content';
import { buildExampleCampaign } from '$lib/domain/example/example';
import { ImportFlow } from './import-flow.svelte';

afterEach(async () => {
	await Promise.all(db.tables.map((t) => t.clear()));
});

/** A file holding the example campaign, exported by another device. */
async function exampleFile(): Promise<File & { campaignId: string }> {
	const other = testDevice();
	const { campaign, diagnostics } = buildExampleCampaign(modules);
	await other.repo.addCampaign(campaign, diagnostics);
	const text = await other.export({ scope: 'campaign', campaignId: campaign.id });
	other.db.close();
	return Object.assign(new File([text], 'demarche.json', { type: 'application/json' }), {
		campaignId: campaign.id
	});
}

it('a double click on "Importer" imports once and reports what was imported', async () => {
	const flow = new ImportFlow();
	await flow.open(await exampleFile());
	expect(flow.step.kind).toBe('preview');
	const first = flow.apply();
	expect(flow.applying).toBe(true); // the button is disabled from the click on
	await Promise.all([first, flow.apply()]);
	expect(flow.error).toBe('');
	expect(flow.step).toMatchObject({ kind: 'done', written: 7 });
	expect(flow.applying).toBe(false);
	expect(await db.diagnostics.count()).toBe(7);
});

it('leaving the page while the import starts writes with the choices made at the click', async () => {
	// Another campaign of this device (the example's id is fixed: a copy under a new id).
	const local = { ...buildExampleCampaign(modules).campaign, id: crypto.randomUUID() };
	await repository.addCampaign(local, []);
	const file = await exampleFile();
	const flow = new ImportFlow();
	await flow.open(file);
	flow.campaigns.set(file.campaignId, { kind: 'attach', campaignId: local.id });
	const applying = flow.apply();
	flow.reset(); // the page unmounts: its choices are cleared while the import is under way
	await applying;
	expect(await db.campaigns.count()).toBe(1); // attached, not made anew
	const diagnostics = await db.diagnostics.toArray();
	expect(diagnostics).toHaveLength(7);
	expect(diagnostics.every((d) => d.campaignId === local.id)).toBe(true);
});

it('after a storage failure, a chosen file is refused in French before anything opens the store', async () => {
	// The preview's worker has a database of its own, which the halt would not stop (stop 25).
	const file = await exampleFile();
	db.writes.halt('quota');
	try {
		const flow = new ImportFlow();
		await flow.open(file);
		expect(flow.step).toMatchObject({ kind: 'refused' });
		expect(JSON.stringify(flow.step)).toContain('ne les relit pas avant');
	} finally {
		db.writes.resume();
	}
});
