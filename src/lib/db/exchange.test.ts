import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterEach, describe, expect, it } from 'vitest';
import schema from '../../../docs/leviers-export.schema.json';
import { scoreCampaign } from '$lib/domain/scoring/campaign';
import { levers, modules } from '$lib/domain/content/content';
import { buildExampleCampaign } from '$lib/domain/example/example';
import { EXPORT_SCOPES, FORMAT_VERSION } from '$lib/domain/exchange/format';
import { planCounts } from '$lib/domain/exchange/plan';
import { recommend } from '$lib/domain/scoring/recommendations';
import { testDevice, type TestDevice } from './test-devices';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);
const questionnaire = { modules, levers };
const opened: TestDevice[] = [];
const device = (start?: number) => {
	const d = testDevice(start);
	opened.push(d);
	return d;
};
afterEach(() => opened.splice(0).forEach((d) => d.db.close()));

/** A device holding the example campaign. */
async function withExample() {
	const d = device();
	const example = buildExampleCampaign(modules, { now: Date.UTC(2026, 10, 20) });
	await d.repo.addCampaign(example.campaign, example.diagnostics);
	return { d, ...example };
}

function expectValid(text: string) {
	const ok = validate(JSON.parse(text));
	expect(validate.errors ?? []).toEqual([]);
	expect(ok).toBe(true);
}

describe('every export the app makes validates against docs/leviers-export.schema.json', () => {
	it('the schema states the current version and the scopes of the code', () => {
		expect(schema.properties.version.const).toBe(FORMAT_VERSION);
		expect(schema.properties.scope.enum).toEqual([...EXPORT_SCOPES]);
	});

	it('diagnostic, campaign and database exports of the example', async () => {
		const { d, campaign, diagnostics } = await withExample();
		for (const x of diagnostics)
			expectValid(await d.export({ scope: 'diagnostic', diagnosticId: x.id }));
		expectValid(await d.export({ scope: 'campaign', campaignId: campaign.id }));
		expectValid(await d.export({ scope: 'database' }));
	});

	it('an empty database, a blank diagnostic, awkward strings and notes without a value', async () => {
		const d = device();
		expectValid(await d.export({ scope: 'database' }));
		const c = await d.repo.createCampaign({
			authority: 'Ville d’Œuf-en-Ternois "<script>alert(1)</script>"',
			label: '=HYPERLINK("x") ; 2026 ♻️',
			modules: ['dechets', 'eau']
		});
		const blank = await d.repo.openDiagnostic(c.id, 'eau');
		const diag = await d.repo.openDiagnostic(c.id, 'dechets');
		await d.repo.saveNote(diag.id, 'dechets-plpdma-pilotage', 'ligne 1\nligne 2 « ; » "x" 👩‍🌾');
		await d.repo.saveAnswer(diag.id, 'dechets-coop-chantiers', ['eau', 'marches']);
		await d.repo.saveRespondent(diag.id, { name: 'A. <b>Dupont</b>' });
		expectValid(await d.export({ scope: 'diagnostic', diagnosticId: blank.id }));
		expectValid(await d.export({ scope: 'database' }));
	});
});

describe('round trip', () => {
	it('export the example, wipe, import: identical scores and recommendations', async () => {
		const { d, campaign } = await withExample();
		const before = scoreCampaign(
			campaign,
			await d.queries.campaignDiagnostics(campaign.id),
			questionnaire
		);
		const file = await d.export({ scope: 'campaign', campaignId: campaign.id });
		await d.repo.deleteCampaign(campaign.id);
		expect(await d.queries.listCampaigns()).toEqual([]);

		const plan = await d.import(file);
		expect(planCounts(plan)).toEqual({ added: 7, updated: 0, skipped: 0, conflict: 0 });
		const restored = await d.queries.getCampaign(campaign.id);
		expect(restored).toEqual(campaign);
		const after = scoreCampaign(
			restored!,
			await d.queries.campaignDiagnostics(campaign.id),
			questionnaire
		);
		// Everything but where each diagnostic came from (now: this file) is the same.
		const comparable = (s: typeof before) => ({
			...s,
			selection: {
				...s.selection,
				counted: s.selection.counted.map((x) => ({ ...x, origin: null, lineage: null }))
			}
		});
		expect(comparable(after)).toEqual(comparable(before));
		expect(recommend(after, questionnaire)).toEqual(recommend(before, questionnaire));
		// Importing the same file again changes nothing.
		const again = await d.preview(file);
		expect(again.ok && planCounts(again.plan)).toEqual({
			added: 0,
			updated: 0,
			skipped: 7,
			conflict: 0
		});
	});

	it('a full backup restores every campaign on a new device, notes without a value included', async () => {
		const { d } = await withExample();
		const c = await d.repo.createCampaign({ authority: 'Autre', label: 'L', modules: ['eau'] });
		const diag = await d.repo.openDiagnostic(c.id, 'eau');
		await d.repo.saveNote(diag.id, 'eau-reutilisation-eaux-usees', 'seulement une note');
		const other = device();
		await other.import(await d.export({ scope: 'database' }));
		const strip = (s: string) => JSON.parse(s).campaigns;
		expect(strip(await other.export({ scope: 'database' }))).toEqual(
			strip(await d.export({ scope: 'database' }))
		);
		expect((await other.queries.answerRows(diag.id)).map((r) => [r.value, r.note])).toEqual([
			[null, 'seulement une note']
		]);
	});
});

describe('two devices', () => {
	it('a service head sends twice: the second file updates; edits on both sides conflict', async () => {
		const head = device();
		const coordinator = device();
		const c = await head.repo.createCampaign({ authority: 'CC', label: 'D', modules: ['dechets'] });
		const diag = await head.repo.openDiagnostic(c.id, 'dechets');
		await head.repo.saveAnswer(diag.id, 'dechets-plpdma-pilotage', 2);
		await coordinator.import(await head.export({ scope: 'diagnostic', diagnosticId: diag.id }));

		await head.repo.saveAnswer(diag.id, 'dechets-plpdma-commission', 3);
		const second = await head.export({ scope: 'diagnostic', diagnosticId: diag.id });
		const plan = await coordinator.import(second);
		expect(plan.diagnostics.map((p) => p.kind)).toEqual(['updated']);
		expect((await coordinator.queries.getDiagnostic(diag.id))?.origin).toMatchObject({
			kind: 'file',
			fileName: 'fichier.json',
			device: await head.repo.deviceId()
		});

		// The coordinator corrects an answer; the head changes another one meanwhile.
		await coordinator.repo.saveAnswer(diag.id, 'dechets-zone-reemploi', 1);
		await head.repo.saveAnswer(diag.id, 'dechets-zone-reemploi', 4);
		const third = await head.export({ scope: 'diagnostic', diagnosticId: diag.id });
		const before = await coordinator.dump();
		const r = await coordinator.preview(third);
		expect(r.ok && r.plan.diagnostics.map((p) => p.kind)).toEqual(['conflict']);
		await coordinator.import(third); // no decision: the device's copy stays
		expect(await coordinator.dump()).not.toEqual(before); // only the time of the import moved
		expect(
			(await coordinator.queries.answerRows(diag.id)).find(
				(a) => a.questionId === 'dechets-zone-reemploi'
			)?.value
		).toBe(1);

		await coordinator.import(third, { conflicts: new Map([[diag.id, 'file']]) });
		const rows = await coordinator.queries.answerRows(diag.id);
		expect(rows.find((a) => a.questionId === 'dechets-zone-reemploi')?.value).toBe(4);
		// Settled, then changed by the coordinator and sent back: newer than the head's copy.
		await coordinator.repo.saveAnswer(diag.id, 'dechets-plpdma-commission', 2);
		const back = await head.preview(
			await coordinator.export({ scope: 'diagnostic', diagnosticId: diag.id })
		);
		expect(back.ok && back.plan.diagnostics.map((p) => p.kind)).toEqual(['updated']);
	});
});

describe('applying is all or nothing', () => {
	it('refuses and writes nothing when the device changed since the preview', async () => {
		const { d, campaign, diagnostics } = await withExample();
		const file = await d.export({ scope: 'campaign', campaignId: campaign.id });
		const other = device();
		const r = await other.preview(file);
		if (!r.ok) throw new Error('preview');
		const { resolveImport } = await import('$lib/domain/exchange/resolve');
		const writes = resolveImport(
			r.plan,
			{ campaigns: new Map(), conflicts: new Map() },
			{
				device: 'x',
				newId: () => 'y',
				now: 1
			}
		);
		// Meanwhile, another tab creates one of the diagnostics.
		await other.repo.addCampaign({ ...campaign, id: 'autre' }, [
			{ ...diagnostics[3]!, campaignId: 'autre' }
		]);
		const before = await other.dump();
		await expect(other.repo.applyImport(writes)).rejects.toThrow(/ont changé depuis l’aperçu/);
		expect(await other.dump()).toBe(before);
	});

	it('rolls back the chunks already written when a later one fails', async () => {
		const d = device();
		const campaigns = [];
		const diagnostics = [];
		for (let seed = 1; diagnostics.length < 250; seed++) {
			const c = buildExampleCampaign(modules, { seed });
			campaigns.push(c.campaign);
			diagnostics.push(...c.diagnostics.map((x) => ({ ...x, answers: Object.values(x.answers) })));
		}
		const { resolveImport } = await import('$lib/domain/exchange/resolve');
		const { buildExport, serializeExport } = await import('$lib/domain/exchange/write');
		const text = serializeExport(
			buildExport({
				scope: 'database',
				campaigns,
				diagnostics,
				device: 'b',
				app: { name: 'L', version: '1' },
				now: 0
			})
		);
		const r = await d.preview(text);
		if (!r.ok) throw new Error('preview');
		const writes = resolveImport(
			r.plan,
			{ campaigns: new Map(), conflicts: new Map() },
			{ device: 'x', newId: () => 'y', now: 1 }
		);
		// The last diagnostic has the id of the one before: the third chunk writes the answers of
		// one diagnostic twice, and fails.
		writes.diagnostics.at(-1)!.diagnostic.id = writes.diagnostics.at(-2)!.diagnostic.id;
		const before = await d.dump();
		const progress: number[] = [];
		await expect(d.repo.applyImport(writes, (done) => progress.push(done))).rejects.toThrow();
		expect(progress).toEqual([0, 100, 200]);
		expect(await d.dump()).toBe(before);
	});
});
