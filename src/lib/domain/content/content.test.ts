import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, foldQuote, quoteInSource } from './content-rules';
import {
	formatProblem,
	LEVER_IDS,
	MODULE_IDS,
	moduleQuestions,
	parseLevers,
	parseModule,
	type Module
} from './questionnaire';

const dir = join(import.meta.dirname, '../../../../questionnaires');
const source = readFileSync(
	join(dir, 'source/cress-2.2-leviers-actions-territoriales.txt'),
	'utf8'
);
const read = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));
const moduleFiles = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'levers.json');

describe('questionnaire files', () => {
	it('has one file per module and levers.json', () => {
		expect(moduleFiles.sort()).toEqual(MODULE_IDS.map((id) => `${id}.json`).sort());
	});

	it.each(moduleFiles)('%s parses against the schema', (file) => {
		const r = parseModule(file, read(file));
		expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([]);
	});

	it('levers.json parses against the schema and holds the nine levers', () => {
		const r = parseLevers('levers.json', read('levers.json'));
		expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([]);
		expect(r.ok && r.value.map((l) => l.id)).toEqual([...LEVER_IDS]);
	});

	it('respects every cross-file rule (unique ids, quotes, lever coverage, counts)', () => {
		const modules = moduleFiles.map((file) => {
			const r = parseModule(file, read(file));
			if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
			return { file, module: r.value };
		});
		const levers = parseLevers('levers.json', read('levers.json'));
		if (!levers.ok) throw new Error('levers.json invalide');
		expect(checkContent(modules, levers.value, source).map(formatProblem)).toEqual([]);
	});

	it('defines every acronym it uses somewhere in the help texts', () => {
		const all = moduleFiles.map((f) => read(f) as Module);
		const help = all.flatMap((m) => moduleQuestions(m).map((q) => q.help)).join('\n');
		for (const acronym of ['SPASER', 'PLPDMA', 'PEMD', 'EGalim', 'SIAE', 'ESAT', 'PTCE']) {
			expect(help, `${acronym} doit être défini dans une aide`).toMatch(
				new RegExp(`${acronym}[^.]{0,12}\\(|\\(${acronym}\\)|${acronym} \\?:|${acronym}\\s*:`)
			);
		}
	});
});

describe('the content the app ships', () => {
	it('is exactly what the schema accepts (the app uses it without parsing it again)', async () => {
		const { modules, levers } = await import('./content');
		const parsed = modules.map((m) => parseModule(`${m.id}.json`, read(`${m.id}.json`)));
		expect(parsed.map((r) => (r.ok ? r.value : r.problems))).toEqual(modules);
		const parsedLevers = parseLevers('levers.json', read('levers.json'));
		expect(parsedLevers.ok && parsedLevers.value).toEqual(levers);
	});
});

describe('quote folding', () => {
	it('folds whitespace and typographic apostrophes, nothing else', () => {
		expect(foldQuote('l’ESS  et\n la  collectivité')).toBe("l'ESS et la collectivité");
		expect(quoteInSource('favoriser son appropriation', source)).toBe(true);
		expect(quoteInSource('favoriser son Appropriation', source)).toBe(false);
		expect(quoteInSource('favoriser son appropriation.', 'favoriser son appropriation ;')).toBe(
			false
		);
	});
});

describe('a broken fixture', () => {
	const valid = {
		id: 'eau',
		version: 1,
		title: 'Eau et assainissement',
		shortTitle: 'Eau',
		description: 'Le service eau.',
		themes: [
			{
				id: 'eau-t',
				title: 'Thème',
				questions: [
					{
						id: 'eau-q1',
						type: 'scale',
						text: 'Question ?',
						help: 'Aide.',
						levers: [{ lever: 'mutualisation', weight: 1 }],
						reference: { kind: 'source', section: 'Enjeux', quote: 'Le portage politique' }
					}
				]
			}
		]
	};

	it('is accepted when valid', () => {
		expect(parseModule('eau.json', valid).ok).toBe(true);
	});

	it('is rejected with a message naming the file, the question id and the field', () => {
		const broken = structuredClone(valid);
		(broken.themes[0]!.questions[0] as Record<string, unknown>).help = '';
		const r = parseModule('eau.json', broken);
		expect(r.ok).toBe(false);
		const lines = r.ok ? [] : r.problems.map(formatProblem);
		expect(lines[0]).toMatch(/^eau\.json › question eau-q1 › help : /);
	});

	it('names an unknown lever tag', () => {
		const broken = structuredClone(valid);
		broken.themes[0]!.questions[0]!.levers[0]!.lever = 'portage';
		const r = parseModule('eau.json', broken);
		const lines = r.ok ? [] : r.problems.map(formatProblem);
		expect(lines).toEqual(['eau.json › question eau-q1 › levers.0.lever : levier inconnu']);
	});

	it('reports a quote that is not in the source document', () => {
		const r = parseModule('eau.json', valid);
		if (!r.ok) throw new Error('fixture invalide');
		const m = structuredClone(r.value);
		const q = m.themes[0]!.questions[0]!;
		q.reference = {
			kind: 'source',
			section: 'Enjeux',
			quote: 'Le portage politique est essentiel'
		};
		const problems = checkContent([{ file: 'eau.json', module: m }], [], source).map(formatProblem);
		expect(problems).toContain(
			'eau.json › question eau-q1 › reference.quote : citation absente du document source'
		);
	});
});
