import { describe, expect, it } from 'vitest';
import { levers, modules } from '../content/content';
import v4 from '../exchange/fixtures/v4.json';
import { readExportText } from '../exchange/read';
import { currentVersion, migrateToCurrent } from '../migration/shipped';
import { scoreCampaign } from '../scoring/campaign';
import { exampleRegion } from '../testing/hub-docs';
import { toSyncDocs, type DiagnosticDoc } from './documents';
import { readHub } from './hub';

const questionnaire = { modules, levers };
const NOW = Date.UTC(2026, 11, 4);
const options = { questionnaire, migrate: migrateToCurrent, now: NOW };

describe('reading a hub', () => {
	it('gives each campaign with its diagnostics, scored as the app scores them', () => {
		const { examples, docs } = exampleRegion(modules, 3);
		// 3 campaigns × (1 campaign + 7 diagnostics), shuffled as a server may list them.
		expect(docs).toHaveLength(24);
		const hub = readHub([...docs].reverse(), options);
		expect(hub).toMatchObject({ documents: 24, setAside: 0, superseded: 0 });
		expect(hub.campaigns.map((c) => c.campaign.authority).sort()).toEqual([
			'Commune test 1',
			'Commune test 2',
			'Commune test 3'
		]);
		for (const e of examples) {
			const read = hub.campaigns.find((c) => c.campaign.id === e.campaign.id)!;
			expect(read.diagnostics).toHaveLength(7);
			const scores = scoreCampaign(read.campaign, read.diagnostics, questionnaire);
			const expected = scoreCampaign(e.campaign, e.diagnostics, questionnaire);
			expect(scores.levers).toEqual(expected.levers);
			expect(scores.transversality.score).toBe(expected.transversality.score);
		}
	});

	it('counts what it sets aside and keeps one diagnostic per service', () => {
		const { docs } = exampleRegion(modules, 2);
		const diag = docs.find((d): d is DiagnosticDoc => d.type === 'diagnostic')!;
		const older = {
			...diag,
			_id: 'diagnostic:copie-ancienne',
			diagnostic: {
				...diag.diagnostic,
				id: 'copie-ancienne',
				revision: 1,
				lineage: [{ device: 'appareil-test', revision: 1 }]
			}
		};
		const hub = readHub(
			[
				...docs,
				older, // superseded by the example's own diagnostic (higher revision)
				{ _id: '_design/leviers', validate_doc_update: 'x' }, // not a document of ours
				null, // set aside: 1
				{
					...diag,
					_id: 'diagnostic:orpheline',
					campaignId: 'inconnue',
					diagnostic: { ...diag.diagnostic, id: 'orpheline', campaignId: 'inconnue' }
				}, // no campaign: 2
				{
					...diag,
					_id: 'diagnostic:abimee',
					diagnostic: { ...diag.diagnostic, id: 'abimee', revision: 'x' }
				} // bad shape: 3
			],
			options
		);
		expect(hub.campaigns).toHaveLength(2);
		expect(hub).toMatchObject({ documents: 16 + 4, setAside: 3, superseded: 1 });
	});

	it('carries diagnostics of an older questionnaire version to the current one', () => {
		const read = readExportText(JSON.stringify(v4));
		if (!read.ok) throw new Error('fixture');
		const hub = readHub(toSyncDocs(read.file), options);
		expect(hub.setAside).toBe(0);
		const only = hub.campaigns[0]!;
		expect(only.diagnostics.map((d) => [d.moduleId, d.questionnaireVersion])).toEqual([
			['dechets', currentVersion('dechets')],
			['cantines', currentVersion('cantines')]
		]);
		expect(currentVersion('dechets')).toBeGreaterThan(1);
	});
});
