import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
	AdemeIdsSchema,
	formatProblem,
	MODULE_IDS,
	parseModule,
	type Module,
	type Question
} from './questionnaire';
import {
	checkAdemeIds,
	checkOrigines,
	checkReferentielCopy,
	REFERENTIEL_IDS,
	type ReferentielCopy
} from './referentiels';

const dir = join(import.meta.dirname, '../../../../questionnaires');
const read = (path: string): unknown => JSON.parse(readFileSync(join(dir, path), 'utf8'));
const moduleFiles = readdirSync(dir).filter((f) => MODULE_IDS.some((id) => f === `${id}.json`));

function loadCopy(id: string): ReferentielCopy {
	const file = `referentiels/${id}.json`;
	const r = checkReferentielCopy(file, read(file));
	if (!r.copy || r.problems.length) throw new Error(r.problems.map(formatProblem).join('\n'));
	return r.copy;
}

describe('copies of the référentiels (questionnaires/referentiels/)', () => {
	it.each(REFERENTIEL_IDS)('%s.json is well-formed (schema, unique ids, parents)', (id) => {
		const file = `referentiels/${id}.json`;
		const r = checkReferentielCopy(file, read(file));
		expect(r.problems.map(formatProblem)).toEqual([]);
		expect(r.copy?.referentiel.id).toBe(id);
	});

	it('eci.json has the structure of the Économie circulaire référentiel (5 axes, 500 points)', () => {
		const eci = loadCopy('eci');
		const count = (level: string) => eci.items.filter((i) => i.level === level).length;
		expect([count('axe'), count('action'), count('sous-action'), count('tache')]).toEqual([
			5, 21, 80, 261
		]);
		const axes = eci.items.filter((i) => i.level === 'axe');
		expect(axes.reduce((sum, a) => sum + (a.points ?? 0), 0)).toBe(500);
	});

	it('te.json has the six axes of the «\u202fTE\u202f» référentiel', () => {
		const te = loadCopy('te');
		expect(te.items.filter((i) => i.level === 'axe').map((i) => i.id)).toEqual([
			'te_1',
			'te_2',
			'te_3',
			'te_4',
			'te_5',
			'te_6'
		]);
	});

	it('every ECi measure a «\u202fTE\u202f» measure comes from exists in eci.json', () => {
		expect(checkOrigines('referentiels/te.json', loadCopy('te'), loadCopy('eci'))).toEqual([]);
	});

	it('the id pattern of the question schema accepts every id of the copies', () => {
		const ids = REFERENTIEL_IDS.flatMap((id) => loadCopy(id).items.map((i) => i.id));
		const rejected = ids.filter((id) => !v.is(AdemeIdsSchema, [id]));
		expect(rejected).toEqual([]);
	});
});

describe('ADEME ids of the questions', () => {
	it('every ademe id named in questionnaires/*.json exists in the copies', () => {
		const modules = moduleFiles.map((file) => {
			const r = parseModule(file, read(file));
			if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
			return { file, module: r.value };
		});
		const copies = REFERENTIEL_IDS.map(loadCopy);
		expect(checkAdemeIds(modules, copies).map(formatProblem)).toEqual([]);
	});
});

describe('the checks themselves', () => {
	const copy = (items: ReferentielCopy['items']): unknown => ({
		origin: {
			repository: 'https://github.com/incubateur-ademe/territoires-en-transitions',
			path: 'x.csv',
			commit: '0'.repeat(40),
			read_on: '2026-12-03'
		},
		licence: 'MIT',
		referentiel: { id: 'eci', name: 'Économie circulaire', levels: ['axe', 'action'] },
		items
	});
	const axe = { id: 'eci_1', parent: null, level: 'axe' as const, title: 'Axe' };
	const action = { id: 'eci_1.1', parent: 'eci_1', level: 'action' as const, title: 'Action' };

	const question = (ademe: string[]): Question => ({
		id: 'dechets-exemple',
		type: 'scale',
		text: 'Question\u202f?',
		help: 'Aide.',
		reference: { kind: 'source', section: 'Enjeux', quote: 'x' },
		levers: [{ lever: 'mutualisation', weight: 1 }],
		ademe
	});
	const module = (ademe: string[]): Module => ({
		id: 'dechets',
		version: 1,
		title: 'Déchets',
		shortTitle: 'Déchets',
		description: 'Description.',
		themes: [{ id: 'dechets-t-exemple', title: 'Exemple', questions: [question(ademe)] }]
	});

	it('names the file, the question and the id of an unknown measure', () => {
		const known = checkReferentielCopy('eci.json', copy([axe, action])).copy as ReferentielCopy;
		const problems = checkAdemeIds(
			[{ file: 'dechets.json', module: module(['eci_1.1', 'eci_9.9']) }],
			[known]
		);
		expect(problems.map(formatProblem)).toEqual([
			'dechets.json › question dechets-exemple › ademe\u202f: eci_9.9 n’existe pas dans questionnaires/referentiels/eci.json'
		]);
		expect(checkAdemeIds([{ file: 'dechets.json', module: module(['eci_1.1']) }], [known])).toEqual(
			[]
		);
	});

	it('reports an id named twice in a question', () => {
		const known = checkReferentielCopy('eci.json', copy([axe, action])).copy as ReferentielCopy;
		const problems = checkAdemeIds(
			[{ file: 'dechets.json', module: module(['eci_1.1', 'eci_1.1']) }],
			[known]
		);
		expect(problems.map((p) => p.message)).toEqual(['eci_1.1 cité deux fois']);
	});

	it('reports a duplicate id, a missing parent, a wrong level and a foreign prefix', () => {
		const orphan = { id: 'eci_2.1', parent: 'eci_2', level: 'action' as const, title: 'Orpheline' };
		const deep = { id: 'eci_1.2', parent: 'eci_1', level: 'axe' as const, title: 'Niveau faux' };
		const foreign = { id: 'te_1', parent: null, level: 'axe' as const, title: 'Autre' };
		const r = checkReferentielCopy('eci.json', copy([axe, action, action, orphan, deep, foreign]));
		expect(r.problems.map((p) => `${p.field}\u202f: ${p.message}`)).toEqual([
			'items › eci_1.1\u202f: identifiant en double',
			'items › eci_2.1\u202f: parent eci_2 absent',
			'items › eci_1.2\u202f: niveau axe, attendu action',
			'items › te_1\u202f: identifiant hors du référentiel eci'
		]);
	});

	it('rejects a copy that does not match the schema, and an id of the wrong form', () => {
		expect(checkReferentielCopy('eci.json', { items: [] }).problems.length).toBeGreaterThan(0);
		expect(v.is(AdemeIdsSchema, ['eci-1.1'])).toBe(false);
		expect(v.is(AdemeIdsSchema, ['cae_1.1'])).toBe(false);
		expect(
			v.is(AdemeIdsSchema, ['te_3.4.1.2', 'te_6.3.5alterepci.1', 'te_3.4.6.3.a', 'eci_2.1'])
		).toBe(true);
		expect(v.is(AdemeIdsSchema, ['te_3.4.1.ab'])).toBe(false);
	});

	it('reports an ECi origin of a «\u202fTE\u202f» measure missing from the ECi copy', () => {
		const eci = checkReferentielCopy('eci.json', copy([axe, action])).copy as ReferentielCopy;
		const te = {
			...eci,
			items: [{ ...action, id: 'te_1', origine: ['eci_1.1', 'eci_7.7', 'cae_1'] }]
		};
		expect(checkOrigines('te.json', te, eci).map((p) => p.message)).toEqual([
			'eci_7.7 absent de la copie ECi'
		]);
	});
});
