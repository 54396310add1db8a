/**
 * Whatever file the import accepts — revisions and histories up to the format's bounds, damaged
 * diagnostics, "complete" ones with unanswered questions, answers dated up to a day after the
 * export — and whatever edits follow through the repository, the full backup of the device is a
 * valid file that imports again with every diagnostic and nothing set aside.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import schema from '../../../docs/leviers-export.schema.json';
import { OBLIGATION_VALUES, SCALE_VALUES } from '$lib/domain/answers';
import { getModule, modules } from '$lib/domain/content/content';
import v2 from '$lib/domain/exchange/fixtures/v2.json';
import { MAX_LINEAGE, MAX_REVISION, SANE_REVISION } from '$lib/domain/exchange/limits';
import { moduleQuestions, type ModuleId } from '$lib/domain/content/questionnaire';
import { RepositoryError } from './errors';
import { testDevices, type TestDevice } from './test-devices';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

const { device, closeAll } = testDevices();

const HOUR = 3_600_000;
const exportedAt = Date.parse(v2.exportedAt);

/** How one diagnostic of the fixture is changed before the file is imported. */
const diagnosticShape = fc.record({
	revision: fc.constantFrom(
		1,
		19,
		SANE_REVISION - 1,
		SANE_REVISION,
		SANE_REVISION + 1,
		MAX_REVISION
	),
	checkpoints: fc.constantFrom(0, 1, 2, 99, 100, 101, MAX_LINEAGE),
	status: fc.constantFrom('draft', 'complete'),
	answers: fc.nat(18),
	// Up to a day after the export: accepted.
	lateBy: fc.integer({ min: 0, max: 24 })
});

type Shape = typeof diagnosticShape extends fc.Arbitrary<infer T> ? T : never;

function shaped(d: (typeof v2.diagnostics)[number], s: Shape) {
	const n = s.checkpoints === 0 ? 0 : Math.min(s.checkpoints, s.revision);
	const revision = n === 0 ? 0 : s.revision;
	return {
		...structuredClone(d),
		status: s.status,
		revision,
		lineage: Array.from({ length: n }, (_, i) => ({
			device: i % 2 ? 'poste-b' : v2.device,
			revision: revision - (n - 1 - i)
		})),
		answers: d.answers.slice(0, s.answers).map((a, i) => ({
			...a,
			changedAt: new Date(
				i === 0 ? exportedAt + s.lateBy * HOUR : Date.parse(a.changedAt)
			).toISOString()
		}))
	};
}

/** One edit through the repository, on one of the imported diagnostics. */
const edit = fc.record({
	kind: fc.constantFrom('answer', 'note', 'respondent', 'complete', 'draft', 'clear'),
	diagnostic: fc.nat(1),
	question: fc.nat(40),
	pick: fc.nat(10),
	text: fc.string({ maxLength: 20 })
});

async function apply(d: TestDevice, e: typeof edit extends fc.Arbitrary<infer T> ? T : never) {
	const { id, module: moduleId } = v2.diagnostics[e.diagnostic]!;
	const module = getModule(moduleId as ModuleId)!;
	const questions = moduleQuestions(module);
	const q = questions[e.question % questions.length]!;
	const partners = modules.map((m) => m.id).filter((m) => m !== moduleId);
	const value =
		q.type === 'scale'
			? SCALE_VALUES[e.pick % SCALE_VALUES.length]!
			: q.type === 'obligation'
				? OBLIGATION_VALUES[e.pick % OBLIGATION_VALUES.length]!
				: partners.slice(0, e.pick % 3);
	try {
		if (e.kind === 'answer') await d.repo.saveAnswer(id, q.id, value);
		else if (e.kind === 'note') await d.repo.saveNote(id, q.id, e.text);
		else if (e.kind === 'respondent') await d.repo.saveRespondent(id, { name: e.text });
		else if (e.kind === 'clear') await d.repo.clearAnswer(id, q.id);
		else await d.repo.setStatus(id, e.kind);
	} catch (error) {
		// "Il reste N questions sans réponse": a refusal the person sees, nothing written.
		if (!(error instanceof RepositoryError)) throw error;
	}
}

it('any accepted file, any edits: the full backup imports again, nothing set aside', async () => {
	await fc.assert(
		fc.asyncProperty(
			diagnosticShape,
			diagnosticShape,
			fc.boolean(),
			fc.array(edit, { maxLength: 12 }),
			async (first, second, damaged, edits) => {
				const diagnostics: unknown[] = [
					shaped(v2.diagnostics[0]!, first),
					shaped(v2.diagnostics[1]!, second)
				];
				// A damaged third diagnostic is set aside; the file is still accepted.
				if (damaged) diagnostics.push({ ...v2.diagnostics[1], id: 'x', revision: -1 });
				const file = { ...structuredClone(v2), diagnostics };
				const source = device();
				const firstPlan = await source.import(JSON.stringify(file));
				expect(firstPlan.diagnostics.map((p) => p.kind)).toEqual(['added', 'added']);
				for (const e of edits) await apply(source, e);

				const backup = await source.export({ scope: 'database' });
				expect(validate(JSON.parse(backup)), JSON.stringify(validate.errors)).toBe(true);
				const stored = await source.dump();

				const restored = device();
				const plan = await restored.import(backup);
				expect(plan.setAside).toEqual([]);
				expect(plan.diagnostics.map((p) => p.kind)).toEqual(['added', 'added']);
				for (const { id } of v2.diagnostics) {
					// A cleared answer without a note is an empty row: not exported, nothing lost.
					const filled = async (d: TestDevice) =>
						(await d.queries.answerRows(id)).filter((r) => r.value !== null || r.note);
					const a = await filled(source);
					const b = await filled(restored);
					expect(b).toEqual(a);
					const [x, y] = [
						await source.queries.getDiagnostic(id),
						await restored.queries.getDiagnostic(id)
					];
					const facts = (d: typeof x) => [
						d?.status,
						d?.revision,
						d?.respondent?.name,
						d?.respondent?.role
					];
					expect(facts(y)).toEqual(facts(x));
				}
				// Restoring its own backup on the same device changes nothing.
				const again = await source.preview(backup);
				if (!again.ok) throw new Error(again.problem.message);
				expect(again.plan.setAside).toEqual([]);
				expect(again.plan.diagnostics.map((p) => p.kind)).toEqual(['skipped', 'skipped']);
				expect(await source.dump()).toBe(stored);
				closeAll();
			}
		),
		{ numRuns: 60, seed: 2026 }
	);
}, 120_000);

it('an edit past the sane revision starts a fresh history, which exports and imports again', async () => {
	const file = structuredClone(v2);
	file.diagnostics[1]!.revision = SANE_REVISION;
	file.diagnostics[1]!.lineage = [{ device: v2.device, revision: SANE_REVISION }];
	const source = device();
	await source.import(JSON.stringify(file));
	const { id } = v2.diagnostics[1]!;
	await source.repo.saveAnswer(id, v2.diagnostics[1]!.answers[0]!.question, 'nsp');
	const stored = await source.queries.getDiagnostic(id);
	expect(stored?.revision).toBe(1);
	expect(stored?.lineage).toHaveLength(1);
	expect(stored?.lineage?.[0]?.device).not.toBe(v2.device);
	// The device that holds the copy from before sees a conflict, not an older or newer copy.
	const holder = device();
	await holder.import(JSON.stringify(file));
	const plan = await holder.import(await source.export({ scope: 'database' }));
	expect(plan.setAside).toEqual([]);
	expect(plan.diagnostics.find((d) => d.incoming.id === id)?.kind).toBe('conflict');
});
