import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { levers, modules } from '../content/content';
import { newAction } from '../plan/plan';
import type { PlanAction } from '../plan/action';
import { CSV_BOM } from './csv';
import { PLAN_COLUMNS, planCsv } from './plan-csv';

let n = 0;
const context = { campaignId: 'c1', now: Date.UTC(2026, 0, 5), newId: () => `a${++n}` };

const late: PlanAction = {
	...newAction('Créer une ressourcerie', context, {
		levers: ['mutualisation', 'levier-futur'],
		pilot: 'dechets',
		partners: ['marches', 'service-futur'],
		priority: 'elevee'
	}),
	status: 'en-cours',
	responsible: { name: 'Claire Martin', role: 'Cheffe de projet; déchets' },
	startDate: '2026-01-15',
	dueDate: '2026-03-31',
	budget: 12500.75,
	indicator: { name: 'Tonnes réemployées', target: 12.5, unit: 't' },
	steps: [
		{ id: 's1', text: 'Trouver un local', done: true },
		{ id: 's2', text: 'Recruter', done: false },
		{ id: 's3', text: 'Ouvrir', done: true }
	],
	followUps: [
		{ id: 'f2', date: '2026-03-01', text: 'Local signé, "enfin".' },
		{ id: 'f1', date: '2026-02-01', text: 'Première visite.' }
	]
};
const hostile: PlanAction = {
	...newAction('=HYPERLINK("http://example.com","Cliquez")', context),
	status: 'realise',
	dueDate: '2026-02-01',
	followUps: [{ id: 'f', date: '2026-01-20', text: '@SUM(A1:A2)' }]
};

/** Parses like a spreadsheet would, checking the BOM and that every line ends in CRLF. */
function read(text: string): string[][] {
	expect(text.startsWith(CSV_BOM)).toBe(true);
	expect(text.replace(/"[^"]*"/g, '').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	return parse(text, { delimiter: ';', bom: true, record_delimiter: '\r\n' }) as string[][];
}

describe('the plan d’action as CSV for French Excel', () => {
	const rows = read(planCsv([hostile, late], modules, levers, '2026-04-10'));

	it('has a header, then one row per action by due date, with `;`, BOM and CRLF', () => {
		expect(rows[0]).toEqual([...PLAN_COLUMNS]);
		expect(rows.length).toBe(3);
		expect(rows.every((r) => r.length === PLAN_COLUMNS.length)).toBe(true);
	});

	it('shows what the plan shows: « En retard » computed, labels, French numbers, steps done', () => {
		const row = Object.fromEntries(PLAN_COLUMNS.map((c, i) => [c, rows[2]![i]]));
		const label = (id: string) => levers.find((l) => l.id === id)!.label;
		const title = (id: string) => modules.find((m) => m.id === id)!.title;
		expect(row).toEqual({
			Titre: 'Créer une ressourcerie',
			Statut: 'En retard',
			Priorité: 'Élevée',
			Leviers: `${label('mutualisation')}, levier-futur`,
			'Service pilote': title('dechets'),
			'Services partenaires': `${title('marches')}, service-futur`,
			Responsable: 'Claire Martin',
			Fonction: 'Cheffe de projet; déchets',
			Début: '2026-01-15',
			Échéance: '2026-03-31',
			'Budget prévisionnel (€)': '12500,75',
			Indicateur: 'Tonnes réemployées',
			Cible: '12,5',
			Unité: 't',
			'Étapes faites': '2',
			'Étapes au total': '3',
			'Date de la dernière note de suivi': '2026-03-01',
			'Dernière note de suivi': 'Local signé, "enfin".'
		});
	});

	it('neutralises cells a spreadsheet would run as formulas; a done action is never late', () => {
		expect(rows[1]![0]).toBe('\'=HYPERLINK("http://example.com","Cliquez")');
		expect(rows[1]![1]).toBe('Réalisé');
		expect(rows[1]!.at(-1)).toBe("'@SUM(A1:A2)");
	});

	it('an empty plan is its header alone', () => {
		expect(planCsv([], modules, levers, '2026-04-10')).toBe(
			CSV_BOM + PLAN_COLUMNS.map((c) => `"${c}"`).join(';') + '\r\n'
		);
	});
});
