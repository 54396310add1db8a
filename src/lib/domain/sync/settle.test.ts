import { describe, expect, it } from 'vitest';
import type { ImportPlan } from '../exchange/plan';
import { resolveImport } from '../exchange/resolve';
import { isAncestor } from '../exchange/lineage';
import { settleForSync } from './settle';

const snap = (answer: number, lineage: [string, number][]) =>
	({
		id: 'd1',
		campaignId: 'c1',
		moduleId: 'dechets',
		questionnaireVersion: 2,
		status: 'draft',
		revision: lineage.at(-1)![1],
		lineage: lineage.map(([device, revision]) => ({ device, revision })),
		createdAt: 0,
		updatedAt: 0,
		answers: [{ questionId: 'q1', value: answer, changedAt: 0 }]
	}) as never;

const plan = {
	campaigns: [],
	diagnostics: [
		{
			kind: 'conflict',
			local: snap(1, [
				['H', 5],
				['C', 6]
			]),
			incoming: snap(3, [['H', 7]])
		}
	],
	actions: []
} as unknown as ImportPlan;

const context = { device: 'C', newId: () => 'new', now: 10 };

describe('settling a synchronised conflict', () => {
	it('keeping this device’s version writes its content as a descendant of the server’s copy', () => {
		const s = settleForSync(plan, new Map([['d1', 'local']]), new Map());
		const writes = resolveImport(s.plan, { campaigns: new Map(), ...s }, context);
		expect(writes.diagnostics).toHaveLength(1);
		const [w] = writes.diagnostics;
		expect(w!.answers.map((a) => a.value)).toEqual([1]);
		expect(w!.diagnostic.revision).toBe(8);
		expect(isAncestor([{ device: 'H', revision: 7 }], w!.diagnostic.lineage!)).toBe(true);
		expect(w!.replaces).toBe(6);
	});

	it('taking the server’s version writes its content; undecided conflicts write nothing', () => {
		const taken = settleForSync(plan, new Map([['d1', 'file']]), new Map());
		const w = resolveImport(taken.plan, { campaigns: new Map(), ...taken }, context).diagnostics;
		expect(w.map((x) => x.answers[0]!.value)).toEqual([3]);
		const none = settleForSync(plan, new Map(), new Map());
		expect(
			resolveImport(none.plan, { campaigns: new Map(), ...none }, context).diagnostics
		).toEqual([]);
	});
});
