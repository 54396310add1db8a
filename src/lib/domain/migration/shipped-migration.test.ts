// The shipped mapping files against the shipped content: every question of content v1 has one
// fate, every target exists with the right type, and the answers of content v1 (the example
// campaign as v1 generated it, every exchange fixture) are carried or retired, never lost, and
// score without an answer the engine cannot place. Modules still at version 1 have nothing to map.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnswerRecord, DiagnosticWithAnswers } from '../answers';
import { levers, modules } from '../content/content';
import { moduleQuestions, type ModuleId } from '../content/questionnaire';
import { planImport } from '../exchange/plan';
import { readExportText } from '../exchange/read';
import { scoreDiagnostic } from '../scoring/scoring';
import { lostAnswers } from '../testing/migration-check';
import v1Questions from '../../../../questionnaires/migrations/v1-questions.json';
import exampleJson from './fixtures/example-v1.json';
import { parseMapping } from './mapping';
import { migrationChain, type MigratableDiagnostic } from './migrate';
import { migrateToCurrent, SHIPPED_MAPPINGS } from './shipped';

const DIR = 'questionnaires/migrations';
const FILE_NAME = /^([a-z]+)-(\d+)-(\d+)\.json$/;
const questionnaire = { modules, levers };
const migrated = modules.filter((m) => m.version > 1);
const v1 = v1Questions.modules as Record<string, { questions: { id: string; type: string }[] }>;

describe('the shipped mapping files', () => {
	const files = readdirSync(DIR).filter((f) => FILE_NAME.test(f));

	it.each(files)('%s is valid, named after its content and listed in shipped.ts', (file) => {
		const data: unknown = JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8'));
		const parsed = parseMapping(data);
		if (!parsed.ok) expect.fail(parsed.problems.join('\n'));
		const [, module, from, to] = FILE_NAME.exec(file)!;
		expect([parsed.value.module, parsed.value.from, parsed.value.to]).toEqual([
			module,
			Number(from),
			Number(to)
		]);
		expect(SHIPPED_MAPPINGS).toContainEqual(parsed.value);
	});

	it('every shipped mapping is a file of the folder', () => {
		expect(SHIPPED_MAPPINGS.length).toBe(files.length);
	});

	it('every module above version 1 has a chain of mappings from version 1', () => {
		for (const m of modules)
			expect(migrationChain(m.id, 1, m.version, SHIPPED_MAPPINGS), m.id).not.toBeNull();
	});

	it.each(migrated.map((m) => m.id))('%s: every v1 question is mapped exactly once', (id) => {
		const step = SHIPPED_MAPPINGS.find((m) => m.module === id && m.from === 1)!;
		const ids = v1[id]!.questions.map((q) => q.id);
		expect(Object.keys(step.questions).sort()).toEqual([...ids].sort());
	});

	it.each(migrated.map((m) => m.id))('%s: every target exists with the right type', (id) => {
		const current = modules.find((m) => m.id === id)!;
		const step = SHIPPED_MAPPINGS.find((m) => m.module === id && m.to === current.version)!;
		const types = new Map(moduleQuestions(current).map((q) => [q.id, q.type]));
		// The version the step starts from: v1's frozen list (a later step needs its own list).
		const before = new Map(v1[id]!.questions.map((q) => [q.id, q.type]));
		const single: string[] = [];
		for (const [source, action] of Object.entries(step.questions)) {
			const was = step.from === 1 ? before.get(source) : undefined;
			const where = `${source} → ${JSON.stringify(action)}`;
			if (action.action === 'keep' || action.action === 'rename') {
				const target = action.action === 'keep' ? source : action.to;
				expect(types.get(target), where).toBe(was ?? types.get(target));
				expect(types.has(target), where).toBe(true);
				single.push(target);
			} else if (action.action === 'obligation') {
				expect(types.get(action.to), where).toBe('obligation');
				if (was) expect(['scale', 'obligation'], where).toContain(was);
				single.push(action.to);
			} else if (action.action === 'merge') {
				expect(types.has(action.into), where).toBe(true);
				if (was) expect(types.get(action.into), where).toBe(was);
			}
		}
		expect(single.length, 'a v2 question is the target of one keep, rename or obligation').toBe(
			new Set(single).size
		);
	});
});

const record = (d: DiagnosticWithAnswers) => ({ ...d, answers: Object.values(d.answers) });
const withAnswers = <D extends MigratableDiagnostic>(d: D) => ({
	...d,
	answers: Object.fromEntries(
		d.answers
			.filter(
				(a): a is AnswerRecord & { value: NonNullable<AnswerRecord['value']> } => a.value !== null
			)
			.map((a) => [a.questionId, a])
	)
});
/** The example campaign as content v1 generated it (commit 70ba6d8). */
const exampleV1 = exampleJson as unknown as { diagnostics: DiagnosticWithAnswers[] };
const versionOf = (id: string) => modules.find((m) => m.id === id)!.version;

describe('the answers of content v1 under the shipped content', () => {
	it.each(exampleV1.diagnostics.map((d) => [d.moduleId, d] as const))(
		'the v1 example campaign, %s: carried or retired, scored without issue',
		(_, d) => {
			const before = record(d);
			const after = migrateToCurrent(before);
			expect(after.questionnaireVersion).toBe(versionOf(d.moduleId));
			expect(after.revision).toBe(d.revision);
			expect(lostAnswers(before, after, SHIPPED_MAPPINGS)).toEqual([]);
			const scores = scoreDiagnostic(withAnswers(after) as DiagnosticWithAnswers, questionnaire);
			expect(scores.issues).toEqual([]);
		}
	);

	it.each(['v1', 'v2', 'v3', 'v4', 'v5'])(
		'the exchange fixture %s.json imports under the shipped content',
		(name) => {
			const text = readFileSync(`src/lib/domain/exchange/fixtures/${name}.json`, 'utf8');
			const read = readExportText(text);
			if (!read.ok) expect.fail(read.problem.message);
			const plan = planImport(
				read.file,
				{ device: 'ce-poste', campaigns: [], diagnostics: new Map() },
				{
					modules,
					fileName: `${name}.json`,
					now: Date.UTC(2026, 11, 1),
					version: read.version,
					migrate: migrateToCurrent
				}
			);
			expect(
				plan.setAside.filter((s) => s.reason !== 'incomplete').map((s) => [s.reason, s.questionId])
			).toEqual([]);
			read.file.diagnostics.forEach((d, i) => {
				const after = plan.diagnostics[i]!.incoming;
				const before = {
					moduleId: d.module,
					questionnaireVersion: d.questionnaireVersion,
					answers: d.answers.map((a) => ({
						questionId: a.question,
						value: a.value as AnswerRecord['value'],
						...(a.note ? { note: a.note } : {}),
						changedAt: Date.parse(a.changedAt)
					}))
				};
				expect(after.questionnaireVersion).toBe(versionOf(d.module as ModuleId));
				expect(lostAnswers(before, after, SHIPPED_MAPPINGS)).toEqual([]);
				expect(
					scoreDiagnostic(withAnswers(after) as DiagnosticWithAnswers, questionnaire).issues
				).toEqual([]);
			});
		}
	);
});
