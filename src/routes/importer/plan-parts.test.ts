import { expect, it } from 'vitest';
import type { ImportPlan } from '$lib/domain/exchange/plan';
import { PlanAssembler, previewMessages } from './plan-parts';

const plan = {
	fileName: 'sauvegarde.json',
	version: 5,
	exportedAt: 0,
	app: 'Leviers 1',
	device: 'poste',
	scope: 'database',
	campaigns: [{ id: 'c' }],
	diagnostics: Array.from({ length: 25 }, (_, i) => ({ kind: 'added', incoming: { id: `d${i}` } })),
	setAside: [{ reason: 'duplicate', campaignId: 'c' }],
	migrated: [],
	actions: [],
	actionsSetAside: []
} as unknown as ImportPlan;

it('sends a plan in parts of bounded size and puts it back together in order', () => {
	const messages = [...previewMessages({ ok: true, plan }, 100)];
	const parts = messages.filter((m) => m.kind === 'part');
	expect(parts.length).toBeGreaterThan(5); // 25 diagnostics of ~40 characters, 100 a part
	const assembler = new PlanAssembler();
	const received = messages.map((m) => assembler.receive(m));
	expect(received.at(-1)).toEqual(plan);
	expect(received.slice(0, -1).every((r) => r === null)).toBe(true);
	expect(assembler.share).toBe(1);
});

it('sends a refusal as one message', () => {
	const problem = { message: 'Le fichier est vide.', action: '', details: [] };
	expect([...previewMessages({ ok: false, problem })]).toEqual([{ kind: 'refused', problem }]);
});

it('refuses messages out of order or of an unknown kind instead of an incomplete plan', () => {
	const [head, part] = [...previewMessages({ ok: true, plan }, 100)];
	expect(() => new PlanAssembler().receive({ kind: 'end' })).toThrow();
	expect(() => new PlanAssembler().receive(part!)).toThrow();
	const cut = new PlanAssembler();
	cut.receive(head!);
	expect(() => cut.receive({ kind: 'end' })).toThrow(); // parts missing
	const odd = new PlanAssembler();
	odd.receive(head!);
	expect(() => odd.receive({ kind: 'autre' } as never)).toThrow();
});
