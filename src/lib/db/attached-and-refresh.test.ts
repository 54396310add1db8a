import { describe, expect, it } from 'vitest';
import { planCounts } from '$lib/domain/exchange/plan';
import { SyncWrites } from './sync-writes';
import { testDevices } from './test-devices';

const { device } = testDevices();
const Q = 'dechets-plpdma-pilotage';

describe('a campaign attached to one of this device’s, its file imported again', () => {
	it('updates the copies where they are, as the preview announced', async () => {
		const coord = device();
		const head = device();
		const x = await coord.repo.createCampaign({
			authority: 'Ville',
			label: 'D',
			modules: ['dechets']
		});
		const d = await coord.repo.openDiagnostic(x.id, 'dechets');
		await coord.repo.saveAnswer(d.id, Q, 1);
		const first = await coord.export({ scope: 'campaign', campaignId: x.id });
		const mine = await head.repo.createCampaign({
			authority: 'Ville',
			label: 'Ma démarche',
			modules: ['dechets']
		});
		await head.import(first, {
			campaigns: new Map([[x.id, { kind: 'attach', campaignId: mine.id }]])
		});
		expect((await head.db.diagnostics.get(d.id))!.campaignId).toBe(mine.id);
		await coord.repo.saveAnswer(d.id, Q, 4);
		const plan = await head.import(await coord.export({ scope: 'campaign', campaignId: x.id }));
		expect(planCounts(plan)).toMatchObject({ updated: 1 });
		const stored = (await head.db.diagnostics.get(d.id))!;
		expect([stored.campaignId, stored.revision]).toEqual([mine.id, 2]);
	});
});

describe('a campaign renamed on another device (synchronisation)', () => {
	it('keeps every module whose diagnostic this device holds, even one the newer copy lacks', async () => {
		const s = device();
		const c = await s.repo.createCampaign({
			authority: 'Ville',
			label: 'D',
			modules: ['dechets', 'eau']
		});
		const d = await s.repo.openDiagnostic(c.id, 'eau');
		await s.repo.saveAnswer(d.id, 'eau-tarification-sociale', 2);
		const later = (await s.db.campaigns.get(c.id))!.updatedAt + 60_000;
		const changed = await new SyncWrites(s.db).refreshCampaign(
			{ ...c, label: 'D renommée', modules: ['cantines', 'dechets'], updatedAt: later },
			later
		);
		expect(changed).toBe(true);
		expect(await s.db.campaigns.get(c.id)).toMatchObject({
			label: 'D renommée',
			modules: ['cantines', 'dechets', 'eau']
		});
	});

	it('keeps its own modules when the newer copy lists none this version knows', async () => {
		const s = device();
		const c = await s.repo.createCampaign({ authority: 'Ville', label: 'D', modules: ['dechets'] });
		const later = c.updatedAt + 60_000;
		await new SyncWrites(s.db).refreshCampaign({ ...c, modules: [], updatedAt: later }, later);
		expect((await s.db.campaigns.get(c.id))!.modules).toEqual(['dechets']);
	});
});
