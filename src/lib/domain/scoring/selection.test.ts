import { describe, expect, it } from 'vitest';
import type { Campaign } from '../answers';
import { diagnostic, fixtureQuestionnaire } from '../testing/fixtures';
import { compareForSelection, expectedModules, selectDiagnostics } from './selection';

const campaign: Campaign = {
	id: 'c1',
	authority: 'Commune test',
	label: 'Test',
	modules: ['eau', 'dechets', 'eau'],
	createdAt: 0,
	updatedAt: 0
};
const select = (ds: ReturnType<typeof diagnostic>[]) =>
	selectDiagnostics(campaign, ds, fixtureQuestionnaire);
const winner = (ds: ReturnType<typeof diagnostic>[]) => select(ds).counted[0]?.id;

describe('which diagnostic counts for a module', () => {
	it('prefers a complete diagnostic to a draft, even an older one', () => {
		const complete = diagnostic('eau', { id: 'a', revision: 1, updatedAt: 1 });
		const draft = diagnostic('eau', { id: 'b', status: 'draft', revision: 9, updatedAt: 9 });
		expect(winner([draft, complete])).toBe('a');
	});

	it('then the higher revision, then the later update, then the greater id', () => {
		expect(
			winner([
				diagnostic('eau', { id: 'a', revision: 3 }),
				diagnostic('eau', { id: 'b', revision: 2, updatedAt: 99 })
			])
		).toBe('a');
		expect(
			winner([
				diagnostic('eau', { id: 'a', updatedAt: 5 }),
				diagnostic('eau', { id: 'b', updatedAt: 4 })
			])
		).toBe('a');
		expect(winner([diagnostic('eau', { id: 'a' }), diagnostic('eau', { id: 'b' })])).toBe('b');
	});

	it('does not depend on the order of the diagnostics', () => {
		const ds = [
			diagnostic('eau', { id: 'x', status: 'draft', revision: 4 }),
			diagnostic('eau', { id: 'y', revision: 2 }),
			diagnostic('eau', { id: 'z', revision: 2 }),
			diagnostic('dechets')
		];
		const orders = [ds, [...ds].reverse(), [ds[2]!, ds[0]!, ds[3]!, ds[1]!]];
		for (const order of orders) {
			const s = select(order);
			expect(s.counted.map((d) => d.id)).toEqual(['diag-dechets', 'z']);
			expect(s.superseded).toEqual([
				{ diagnosticId: 'y', moduleId: 'eau', by: 'z' },
				{ diagnosticId: 'x', moduleId: 'eau', by: 'z' }
			]);
		}
		expect(compareForSelection(ds[1]!, ds[1]!)).toBe(0);
	});

	it('does not depend on the order even with a damaged revision or the same id twice', () => {
		const nan = diagnostic('eau', { id: 'c', revision: Number.NaN });
		const two = diagnostic('eau', { id: 'e', revision: 0 });
		expect(winner([nan, two])).toBe(winner([two, nan]));
		const same = (answers: Record<string, 0 | 4>) => diagnostic('eau', { id: 'd', answers });
		const low = same({ 'eau-q1': 0 });
		const high = same({ 'eau-q1': 4 });
		const first = select([low, high]).counted[0]?.answers;
		expect(select([high, low]).counted[0]?.answers).toEqual(first);
	});

	it('ignores, with the reason, diagnostics of another campaign or of a module not expected', () => {
		const s = selectDiagnostics(
			{ ...campaign, modules: ['eau', 'cantines'] },
			[
				diagnostic('eau', { id: 'other', campaignId: 'c2' }),
				diagnostic('dechets', { id: 'extra' }),
				diagnostic('cantines', { id: 'unknown' })
			],
			{ modules: fixtureQuestionnaire.modules.filter((m) => m.id !== 'cantines'), levers: [] }
		);
		expect(s.counted).toEqual([]);
		expect(s.ignored).toEqual([
			{ diagnosticId: 'extra', moduleId: 'dechets', reason: 'module-not-expected' },
			{ diagnosticId: 'other', moduleId: 'eau', reason: 'other-campaign' },
			{ diagnosticId: 'unknown', moduleId: 'cantines', reason: 'unknown-module' }
		]);
	});

	it('reports a diagnostic answered against another version of its module', () => {
		const old = { ...diagnostic('eau'), questionnaireVersion: 0 };
		expect(select([old]).outdated).toEqual([
			{ diagnosticId: 'diag-eau', moduleId: 'eau', answeredVersion: 0, currentVersion: 1 }
		]);
	});

	it('lists expected modules once, in the standard order', () => {
		expect(expectedModules(campaign)).toEqual(['dechets', 'eau']);
	});
});
