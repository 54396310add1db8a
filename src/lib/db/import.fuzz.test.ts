/**
 * Fuzzing the import: thousands of mutations of a valid export (fields deleted, replaced by
 * hostile values, keys such as __proto__ added, text cut or garbled). Each file must either
 * preview a valid subset or be refused with a French message, and the database must be byte for
 * byte unchanged by the preview or the refusal.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Answer } from '$lib/domain/answers';
import { modules } from '$lib/domain/content/content';
import v2 from '$lib/domain/exchange/fixtures/v2.json';
import { isConsistentLineage } from '$lib/domain/exchange/lineage';
import type { ImportPlan } from '$lib/domain/exchange/plan';
import { resolveImport } from '$lib/domain/exchange/resolve';
import { complianceOf } from '$lib/domain/scoring/obligations';
import { isScaleValue } from '$lib/domain/scoring/scoring';
import { moduleQuestions } from '$lib/domain/content/questionnaire';
import { TEXT_LIMITS } from '$lib/domain/content/text-limits';
import { testDevice, type TestDevice } from './test-devices';

const RUNS = 2000;
const questions = new Map(
	modules.map((m) => [m.id, new Map(moduleQuestions(m).map((q) => [q.id, q.type]))])
);
const HOSTILE: unknown[] = [
	null,
	'',
	-1,
	1.5,
	2 ** 53,
	true,
	'na',
	'conforme',
	7,
	[],
	{},
	'x'.repeat(6000),
	'<img src=x onerror="alert(1)"><script>alert(2)</script>',
	'__proto__',
	'constructor',
	'piscine',
	['dechets', 'dechets'],
	{ __proto__: null, polluted: true },
	'2026-02-31T10:00:00.000Z',
	'2026-11-26T10:42:00Z'
];

type Json = Record<string, unknown> | unknown[];
function paths(node: unknown, at: (string | number)[] = [], out: (string | number)[][] = []) {
	out.push(at);
	if (node && typeof node === 'object')
		for (const [k, child] of Object.entries(node))
			paths(child, [...at, Array.isArray(node) ? Number(k) : k], out);
	return out;
}
function parentOf(root: Json, path: (string | number)[]) {
	let node: unknown = root;
	for (const k of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[k];
	return node as Record<string | number, unknown> & unknown[];
}

const base = JSON.stringify(v2);
const basePaths = paths(JSON.parse(base)).filter((p) => p.length > 0);

/** One structural mutation: delete, replace, add a hostile key, or duplicate an array item. */
const structural = fc
	.record({
		at: fc.nat(basePaths.length - 1),
		op: fc.constantFrom('delete', 'replace', 'proto', 'constructor', 'duplicate', 'json'),
		hostile: fc.constantFrom(...HOSTILE),
		json: fc.jsonValue({ maxDepth: 2 })
	})
	.map(({ at, op, hostile, json }) => (text: string) => {
		let root: Json;
		try {
			root = JSON.parse(text) as Json;
		} catch {
			return text; // already garbled by a textual mutation
		}
		const all = paths(root).filter((p) => p.length > 0);
		const path = all[at % all.length];
		if (!path) return text;
		const parent = parentOf(root, path);
		const key = path.at(-1)!;
		if (op === 'delete') {
			if (Array.isArray(parent)) parent.splice(key as number, 1);
			else delete parent[key];
		} else if (op === 'replace') parent[key] = hostile;
		else if (op === 'json') parent[key] = json;
		else if (op === 'duplicate' && Array.isArray(parent)) parent.push(parent[key as number]);
		const out = JSON.stringify(root);
		if (op !== 'proto' && op !== 'constructor') return out;
		// JSON.stringify cannot write a "__proto__" key: splice it into the text.
		const inject = `"${op === 'proto' ? '__proto__' : 'constructor'}":{"polluted":true,"prototype":{"polluted":true}},`;
		const braces = [...out.matchAll(/\{(?=")/g)].map((m) => m.index);
		const i = braces[at % braces.length] ?? 0;
		return out.slice(0, i + 1) + inject + out.slice(i + 1);
	});

/** One textual mutation: cut, insert, replace or delete characters. */
const textual = fc
	.record({
		at: fc.nat(),
		length: fc.nat(40),
		insert: fc.oneof(
			fc.string({ maxLength: 8 }),
			fc.constantFrom('1e309', '{', ']', '"', '\\u0000', '\u0000')
		)
	})
	.map(({ at, length, insert }) => (text: string) => {
		const i = at % (text.length + 1);
		return [
			text.slice(0, i),
			text.slice(0, i) + insert + text.slice(i + length),
			text.slice(0, i) + insert + text.slice(i)
		][at % 3]!;
	});

const mutations = fc.array(
	fc.oneof({ arbitrary: structural, weight: 3 }, { arbitrary: textual, weight: 1 }),
	{
		minLength: 1,
		maxLength: 4
	}
);

/** Checks that a previewed subset is something the device can hold. */
function expectValidPlan(plan: ImportPlan) {
	const campaigns = new Set(plan.campaigns.map((c) => c.incoming.id));
	const ids = new Set<string>();
	for (const item of plan.diagnostics) {
		const d = item.incoming;
		expect(ids.has(d.id)).toBe(false);
		ids.add(d.id);
		expect(campaigns.has(d.campaignId)).toBe(true);
		const kinds = questions.get(d.moduleId);
		expect(kinds).toBeDefined();
		expect(isConsistentLineage(d.lineage ?? [], d.revision)).toBe(true);
		expect(Number.isFinite(d.createdAt) && Number.isFinite(d.updatedAt)).toBe(true);
		for (const a of d.answers) {
			const kind = kinds!.get(a.questionId);
			expect(kind).toBeDefined();
			const value = a.value as Answer['value'] | null;
			if (value !== null)
				expect(
					kind === 'scale'
						? isScaleValue(value)
						: kind === 'obligation'
							? complianceOf(value) !== undefined
							: Array.isArray(value)
				).toBe(true);
			expect(Number.isFinite(a.changedAt)).toBe(true);
			expect(a.note?.length ?? 0).toBeLessThanOrEqual(TEXT_LIMITS.note);
		}
		expect(d.respondent?.name?.length ?? 0).toBeLessThanOrEqual(TEXT_LIMITS.respondentName);
		expect(d.respondent?.role?.length ?? 0).toBeLessThanOrEqual(TEXT_LIMITS.respondentRole);
	}
	for (const c of plan.campaigns) {
		expect(c.incoming.authority.length).toBeLessThanOrEqual(TEXT_LIMITS.authority);
		expect(c.incoming.label.length).toBeLessThanOrEqual(TEXT_LIMITS.label);
	}
}

let device: TestDevice;
beforeAll(async () => {
	device = testDevice();
	// The device already holds the fixture, one diagnostic changed since: updates and conflicts
	// are exercised too.
	await device.import(base);
	await device.repo.saveAnswer(v2.diagnostics[1]!.id, 'cantines-egalim-qualite', 0);
});
afterAll(() => device.db.close());

it(`${RUNS} mutated files: a valid subset or a French refusal, never a write`, async () => {
	const before = await device.dump();
	let refused = 0;
	let applied = 0;
	await fc.assert(
		fc.asyncProperty(mutations, fc.nat(9), async (steps, pick) => {
			const text = steps.reduce((t, step) => step(t), base);
			const r = await device.preview(text);
			if (r.ok) {
				expectValidPlan(r.plan);
				if (pick === 0) {
					// One in ten: apply the subset on a fresh device, which must accept it.
					const fresh = testDevice();
					const writes = resolveImport(
						r.plan,
						{ campaigns: new Map(), conflicts: new Map() },
						{ device: 'x', newId: () => 'copie', now: 1 }
					);
					await fresh.repo.applyImport(writes);
					fresh.db.close();
					applied++;
				}
			} else {
				refused++;
				expect(r.problem.message).toMatch(/^[A-ZÉ].+\.$/);
				expect(r.problem.action).toMatch(/Rien n’a été importé/);
			}
			expect(await device.dump()).toBe(before);
		}),
		{ numRuns: RUNS, seed: 2026 }
	);
	expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	expect(refused).toBeGreaterThan(RUNS / 4);
	expect(RUNS - refused).toBeGreaterThan(RUNS / 10);
	expect(applied).toBeGreaterThan(0);
}, 120_000);
