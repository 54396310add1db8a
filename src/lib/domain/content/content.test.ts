import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, FACTS_CHECKED_ON, MAX_OBLIGATION_TEXT } from './content-rules';
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
						text: 'Question\u202f?',
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
		expect(lines[0]).toMatch(/^eau\.json › question eau-q1 › help\u202f: /);
	});

	it('names an unknown lever tag', () => {
		const broken = structuredClone(valid);
		broken.themes[0]!.questions[0]!.levers[0]!.lever = 'portage';
		const r = parseModule('eau.json', broken);
		const lines = r.ok ? [] : r.problems.map(formatProblem);
		expect(lines).toEqual(['eau.json › question eau-q1 › levers.0.lever\u202f: levier inconnu']);
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
			'eau.json › question eau-q1 › reference.quote\u202f: citation absente du document source'
		);
	});
});

describe('obligations', () => {
	const moduleFile = (m: Module) => ({ file: `${m.id}.json`, module: m });
	const shipped = moduleFiles.map((f) => read(f) as Module);

	// The eleven of the review (§2.1), ids kept, then those content v2 added (docs/contenu/).
	it('are the eleven legal obligations of the December 2026 review and those content v2 added, each with a dated legal text', () => {
		const obligations = shipped.flatMap((m) =>
			moduleQuestions(m).filter((q) => q.type === 'obligation')
		);
		expect(obligations.map((q) => q.id).sort()).toEqual(
			[
				'dechets-plpdma-pilotage',
				'dechets-biodechets-foyers',
				'dechets-zone-reemploi',
				'cantines-egalim-qualite',
				'cantines-egalim-viandes-poissons',
				'cantines-menu-vegetarien',
				'cantines-contenants-plastique',
				'cantines-tri-biodechets',
				'urbanisme-diagnostic-pemd',
				'marches-critere-environnemental',
				'marches-reemploi-recycle',
				'dechets-rapport-annuel',
				'eau-rpqs',
				'eau-descriptif-reseaux',
				'eau-plan-actions-pertes',
				'urbanisme-rapport-artificialisation',
				'cantines-information-convives',
				'marches-spaser',
				'marches-condition-environnementale',
				'marches-condition-sociale',
				'transversal-rapport-dd'
			].sort()
		);
		for (const q of obligations) {
			expect(q.reference.text, q.id).toMatch(/art\. [LRD]?\.?\d/);
			expect(q.reference.date <= FACTS_CHECKED_ON, q.id).toBe(true);
		}
	});

	it('never speak of the loi Climat criteria of August 2026 as a future deadline', () => {
		const q = shipped
			.flatMap((m) => moduleQuestions(m))
			.find((x) => x.id === 'marches-critere-environnemental')!;
		expect(q.type).toBe('obligation');
		expect(`${q.text} ${q.help}`).not.toMatch(/au plus tard en août 2026|échéance|sans attendre/);
		expect(q.reference.kind === 'fact' && q.reference.date).toBe('2026-08-22');
	});

	// A valid module with one obligation, to break one field at a time.
	const base = (): Module => {
		const r = parseModule('dechets.json', {
			id: 'dechets',
			version: 1,
			title: 'Déchets',
			shortTitle: 'Déchets',
			description: 'Le service des déchets.',
			themes: [
				{
					id: 'dechets-t',
					title: 'Thème',
					questions: [
						{
							id: 'dechets-o1',
							type: 'obligation',
							text: 'Le programme local de prévention des déchets est-il adopté et en vigueur\u202f?',
							help: 'Obligatoire depuis 2012. «\u202fConforme\u202f»\u202f: adopté et en vigueur.',
							reference: {
								kind: 'fact',
								statement: 'Les collectivités définissent un programme local de prévention.',
								text: 'Code de l’environnement, art. L.541-15-1',
								date: '2012-01-01',
								checked: { where: 'Légifrance, art. L541-15-1', on: '2026-12-03' }
							},
							todo: 'Faire adopter le programme par l’assemblée délibérante.'
						}
					]
				}
			]
		});
		if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
		return r.value;
	};
	const obligationProblems = (m: Module) =>
		checkContent([moduleFile(m)], [], source)
			.filter((p) => p.questionId === 'dechets-o1')
			.map(formatProblem);

	it('a valid obligation raises no problem of its own', () => {
		expect(obligationProblems(base())).toEqual([]);
	});

	it('without what to do, or with a source quote as its reference, is refused by the schema', () => {
		const noTodo = structuredClone(base()) as unknown as {
			themes: { questions: Record<string, unknown>[] }[];
		};
		delete noTodo.themes[0]!.questions[0]!.todo;
		const r = parseModule('dechets.json', noTodo);
		expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
			expect.stringMatching(/^dechets\.json › question dechets-o1 › todo\u202f: /)
		]);

		const quoted = structuredClone(base()) as unknown as typeof noTodo;
		quoted.themes[0]!.questions[0]!.reference = {
			kind: 'source',
			section: 'Enjeux',
			quote: 'Le portage politique'
		};
		const q = parseModule('dechets.json', quoted);
		expect(q.ok).toBe(false);
		expect(q.ok ? [] : q.problems.map(formatProblem)).toContainEqual(
			expect.stringMatching(/^dechets\.json › question dechets-o1 › reference\.kind\u202f: /)
		);

		const levers = structuredClone(base()) as unknown as typeof noTodo;
		levers.themes[0]!.questions[0]!.levers = [{ lever: 'mutualisation', weight: 1 }];
		expect(parseModule('dechets.json', levers).ok).toBe(false);
	});

	it('not yet in force on the day the facts were checked is reported', () => {
		const m = base();
		const q = m.themes[0]!.questions[0]!;
		if (q.type !== 'obligation') throw new Error('fixture');
		q.reference.date = '2028-01-01';
		expect(obligationProblems(m)).toEqual([
			`dechets.json › question dechets-o1 › reference.date\u202f: 2028-01-01 est postérieure à la vérification des faits (${FACTS_CHECKED_ON})\u202f: une obligation pas encore en vigueur ne se demande pas comme une conformité`
		]);
		q.reference.date = FACTS_CHECKED_ON;
		expect(obligationProblems(m)).toEqual([]);
	});

	it('with a text over the limit, not a question, or a help without «\u202fConforme\u202f» is reported', () => {
		const m = base();
		const q = m.themes[0]!.questions[0]!;
		if (q.type !== 'obligation') throw new Error('fixture');
		q.text = `${'x'.repeat(MAX_OBLIGATION_TEXT)}\u202f?`;
		q.help = '«\u202fRéalisé\u202f»\u202f: le programme est adopté.';
		expect(obligationProblems(m)).toEqual([
			`dechets.json › question dechets-o1 › text\u202f: ${MAX_OBLIGATION_TEXT + 2} caractères, au plus ${MAX_OBLIGATION_TEXT} pour une obligation`,
			'dechets.json › question dechets-o1 › help\u202f: l’aide doit dire ce que signifie «\u202fConforme\u202f» pour cette obligation',
			'dechets.json › question dechets-o1 › help\u202f: l’aide d’une obligation ne parle pas des niveaux de l’échelle'
		]);
		q.text = 'Le programme est adopté.';
		q.help = 'Obligatoire. «\u202fConforme\u202f»\u202f: adopté.';
		expect(obligationProblems(m)).toEqual([
			'dechets.json › question dechets-o1 › text\u202f: une obligation se pose comme une question'
		]);
	});

	it('count apart from scale questions, and a module of seven obligations is reported', () => {
		const m = base();
		const theme = m.themes[0]!;
		const one = theme.questions[0]!;
		theme.questions = Array.from({ length: 7 }, (_, i) => ({ ...one, id: `dechets-o${i + 1}` }));
		const lines = checkContent([moduleFile(m)], [], source).map(formatProblem);
		expect(lines).toContain('dechets.json › themes\u202f: 7 obligations, au plus 6');
		// Obligations are not scale questions: the module still has none.
		expect(lines).toContain(
			'dechets.json › themes\u202f: 0 questions sur l’échelle, attendu de 8 à 16'
		);
	});
});
