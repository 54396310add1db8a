// The app's database is the global IndexedDB: fake-indexeddb must be installed before Dexie loads.
import 'fake-indexeddb/auto';
import { afterEach, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { testDevice } from '$lib/db/test-devices';
import { modules } from '$lib/domain/content/content';
import { buildExampleCampaign } from '$lib/domain/example/example';
import { ImportFlow } from './import-flow.svelte';

afterEach(async () => {
	await Promise.all(db.tables.map((t) => t.clear()));
});

/** A file holding the example campaign, exported by another device. */
async function exampleFile(): Promise<File> {
	const other = testDevice();
	const { campaign, diagnostics } = buildExampleCampaign(modules);
	await other.repo.addCampaign(campaign, diagnostics);
	const text = await other.export({ scope: 'campaign', campaignId: campaign.id });
	other.db.close();
	return new File([text], 'demarche.json', { type: 'application/json' });
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
