import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreCampaign } from '../scoring/campaign';
import { TRANSVERSALITY_WEIGHTS } from '../scoring/transversality';
import { levers, modules } from '../content/content';
import { buildExampleCampaign } from '../example/example';
import { LEVER_IDS } from '../content/questionnaire';
import { ANSWER_COLUMNS, answersCsv, countedSnapshots } from './answers-csv';
import { CSV_BOM, csvNumber, neutralise, toCsv } from './csv';
import type { DiagnosticSnapshot } from './format';
import { fixtureLevers } from '../testing/fixtures';
import {
	campaign as testCampaign,
	diagnostic,
	module as testModule,
	obligation,
	scale
} from '../testing/fixture-builders';
import { BASIS_COLUMNS, OBLIGATION_COLUMNS, scoresCsv, TRANSVERSALITY_ROW } from './scores-csv';

/** Parses like a spreadsheet would: `;`, BOM, quotes; and checks every line ends in CRLF. */
function read(text: string): string[][] {
	expect(text.startsWith(CSV_BOM)).toBe(true);
	expect(text.replace(/"[^"]*"/g, '').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	return parse(text, { delimiter: ';', bom: true, record_delimiter: '\r\n' }) as string[][];
}

const AWKWARD = [
	'Il a dit "oui"',
	'a;b;c',
	'ligne 1\r\nligne 2\nligne 3',
	'Émilie, cheffe de l’équipe «\u202fDéchets\u202f» — çà et là',
	'♻️ réemploi 👩‍🌾 🇫🇷',
	'"";;"',
	'',
	' espaces '
];

describe('toCsv', () => {
	it('round-trips awkward strings through a real CSV parser', () => {
		const rows = [AWKWARD, AWKWARD.slice().reverse()];
		expect(read(toCsv(rows))).toEqual(rows);
	});

	it('round-trips any string, formula-like ones neutralised', () => {
		fc.assert(
			fc.property(
				fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }), {
					minLength: 1,
					maxLength: 5
				}),
				(rows) => {
					const width = rows[0]!.length;
					const square = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
					expect(read(toCsv(square))).toEqual(square.map((r) => r.map(neutralise)));
				}
			),
			{ numRuns: 300 }
		);
	});

	it('neutralises cells a spreadsheet would run as a formula', () => {
		const evil = ['=1+1', '+33 6 12', '-2', '@SUM(A1)', '=HYPERLINK("http://x";"clic")'];
		const [row] = read(toCsv([evil]));
		expect(row).toEqual(evil.map((s) => `'${s}`));
		expect(read(toCsv([['1+1', 'a=b']]))[0]).toEqual(['1+1', 'a=b']);
		// Found by a red-team pass: a formula behind blanks, a line break or in full-width signs.
		const hidden = ['\n=1+1', ' =1+1', '\u00a0=1+1', '\ufeff=1+1', '\uff1d1+1', '\t=1'];
		expect(read(toCsv([hidden]))[0]).toEqual(hidden.map((s) => `'${s}`));
	});

	it('writes French numbers', () => {
		expect([csvNumber(62.5), csvNumber(100), csvNumber(1 / 3), csvNumber(null)]).toEqual([
			'62,5',
			'100',
			'0,3',
			null
		]);
	});
});

describe('answers and scores of the example campaign', () => {
	const { campaign, diagnostics } = buildExampleCampaign(modules);
	const snapshots: DiagnosticSnapshot[] = diagnostics.map((d) => ({
		...d,
		answers: Object.values(d.answers)
	}));

	it('answers: one row per answer with the question, the value and its label', () => {
		const rows = read(
			answersCsv(campaign, countedSnapshots(campaign, snapshots, modules), modules)
		);
		expect(rows[0]).toEqual([...ANSWER_COLUMNS]);
		const total = diagnostics.reduce((n, d) => n + Object.keys(d.answers).length, 0);
		expect(rows).toHaveLength(total + 1);
		const dechets = modules.find((m) => m.id === 'dechets')!;
		const first = rows.find((r) => r[1] === dechets.title)!;
		expect(first[0]).toBe('Communauté de communes exemple — Diagnostic 2026');
		expect(first[2]).toBe(dechets.themes[0]!.questions[0]!.id);
		expect(first[3]).toBe(dechets.themes[0]!.questions[0]!.text);
		const labels = new Set(rows.slice(1).map((r) => `${r[4]}=${r[5]}`));
		expect(labels).toContain('nsp=Je ne sais pas');
		expect(labels).toContain('3=Réalisé');
		expect(rows.some((r) => r[4]!.includes('cantines') && r[5]!.includes('Cantines'))).toBe(true);
		expect(rows.slice(1).every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(r[7]!))).toBe(true);
	});

	it('scores: one row per service and a transversality row, one column per lever', () => {
		const scores = scoreCampaign(campaign, diagnostics, { modules, levers });
		const rows = read(scoresCsv(scores, modules, levers));
		expect(rows[0]!.slice(0, 3)).toEqual(['Service', 'Maturité', 'Méconnaissance']);
		expect(rows[0]!.slice(8, 8 + LEVER_IDS.length)).toEqual(levers.map((l) => l.label));
		expect(rows).toHaveLength(modules.length + 2);
		const last = rows.at(-1)!;
		expect(last[0]).toBe(TRANSVERSALITY_ROW);
		expect(last[rows[0]!.indexOf('Transversalité')]).toBe(csvNumber(scores.transversality.score));
		const dechets = rows.find((r) => r[1] && r[0] === modules[1]!.title)!;
		const d = scores.diagnostics.find((s) => s.moduleId === 'dechets')!;
		expect(dechets[1]).toBe(csvNumber(d.maturity));
		expect(dechets[8]).toBe(csvNumber(d.levers[LEVER_IDS[0]].score) ?? '');
	});
});

describe('scores CSV: basis, reliability, obligations and partial transversality', () => {
	// Two services without the steering module: governance is not measured, so the
	// transversality is partial. Waste: 2 levels (4 and 2) and 3 « Je ne sais pas » on
	// portage-politique, one obligation met and one unmet, one not answered. Water: one level
	// only (too few), one « Non concerné », one unanswered; its obligation unanswered (unknown).
	const questionnaire = {
		levers: fixtureLevers,
		modules: [
			testModule('dechets', 'Déchets', [
				[
					scale('d1', { 'portage-politique': 1 }),
					scale('d2', { 'portage-politique': 1 }),
					scale('d3', { 'portage-politique': 1 }),
					scale('d4', { 'portage-politique': 1 }),
					scale('d5', { 'portage-politique': 1 })
				],
				[obligation('do1'), obligation('do2'), obligation('do3')]
			]),
			testModule('eau', 'Eau', [
				[
					scale('e1', { 'portage-politique': 1 }),
					scale('e2', { 'portage-politique': 1 }),
					scale('e3', { 'portage-politique': 1 })
				],
				[obligation('eo1')]
			])
		]
	};
	const scores = scoreCampaign(
		testCampaign(['dechets', 'eau']),
		[
			diagnostic('dechets', {
				answers: {
					d1: 4,
					d2: 2,
					d3: 'nsp',
					d4: 'nsp',
					d5: 'nsp',
					do1: 'conforme',
					do2: 'non-conforme'
				}
			}),
			diagnostic('eau', { answers: { e1: 3, e2: 'na' } })
		],
		questionnaire
	);
	const rows = read(scoresCsv(scores, questionnaire.modules, fixtureLevers));
	const header = rows[0]!;
	const cell = (service: string, column: string) =>
		rows.find((r) => r[0] === service)![header.indexOf(column)];

	it('has the basis, reliability, obligation and transversality columns, in French', () => {
		expect(header.slice(0, 8)).toEqual([
			'Service',
			'Maturité',
			'Méconnaissance',
			'Réponses (niveaux)',
			'Je ne sais pas',
			'Non concerné',
			'Sans réponse',
			'Fiabilité'
		]);
		expect(header.slice(-11)).toEqual([
			...OBLIGATION_COLUMNS,
			'Transversalité',
			'Transversalité maximale mesurable',
			'Partielle',
			'Leviers partagés',
			'Coopération',
			'Diffusion',
			'Gouvernance'
		]);
		expect(BASIS_COLUMNS).toHaveLength(4);
		expect(header.some((h) => /Couverture|Équilibre/.test(h))).toBe(false);
	});

	it('writes what each service’s maturity rests on and whether it can be trusted', () => {
		// (4/4 + 2/4 + 0 + 0 + 0) / 5 = 30; 3 « Je ne sais pas » of 5 answers = 60 %.
		expect(cell('Module Déchets', 'Maturité')).toBe('30');
		expect(cell('Module Déchets', 'Méconnaissance')).toBe('60');
		expect(
			['Réponses (niveaux)', 'Je ne sais pas', 'Non concerné', 'Sans réponse'].map((c) =>
				cell('Module Déchets', c)
			)
		).toEqual(['2', '3', '0', '0']);
		expect(cell('Module Déchets', 'Fiabilité')).toBe(
			'Peu fiable\u202f: la plupart des réponses sont «\u202fJe ne sais pas\u202f»'
		);
		expect(cell('Module Eau', 'Maturité')).toBe('');
		expect(cell('Module Eau', 'Fiabilité')).toBe('Trop peu de réponses');
		expect(
			['Réponses (niveaux)', 'Je ne sais pas', 'Non concerné', 'Sans réponse'].map((c) =>
				cell('Module Eau', c)
			)
		).toEqual(['1', '0', '1', '1']);
		expect(cell('Module Eau', 'Portage politique')).toBe('');
	});

	it('counts obligations per service and for the whole authority', () => {
		expect(OBLIGATION_COLUMNS.map((c) => cell('Module Déchets', c))).toEqual(['1', '3', '1', '1']);
		expect(OBLIGATION_COLUMNS.map((c) => cell('Module Eau', c))).toEqual(['0', '1', '0', '1']);
		expect(OBLIGATION_COLUMNS.map((c) => cell(TRANSVERSALITY_ROW, c))).toEqual([
			'1',
			'4',
			'1',
			'2'
		]);
		expect(cell(TRANSVERSALITY_ROW, 'Réponses (niveaux)')).toBe('3');
		expect(cell(TRANSVERSALITY_ROW, 'Sans réponse')).toBe('1');
	});

	it('says the transversality is partial and how high it could go', () => {
		expect(scores.transversality.components.governance.value).toBeNull();
		expect(cell(TRANSVERSALITY_ROW, 'Partielle')).toBe('oui');
		expect(cell(TRANSVERSALITY_ROW, 'Gouvernance')).toBe('');
		const maximum = cell(TRANSVERSALITY_ROW, 'Transversalité maximale mesurable')!;
		expect(Number(maximum.replace(',', '.'))).toBeLessThan(100);
		// No steering module and no cooperation question: only shared levers and diffusion count.
		expect(scores.transversality.components.cooperation.value).toBeNull();
		expect(maximum).toBe(
			csvNumber(100 * (TRANSVERSALITY_WEIGHTS.sharedLevers + TRANSVERSALITY_WEIGHTS.diffusion))
		);
		expect(cell('Module Déchets', 'Partielle')).toBe('');
	});
});
