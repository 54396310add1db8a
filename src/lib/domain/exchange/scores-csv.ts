/**
 * The scores of a campaign in wide format: one row per service (maturity, méconnaissance, the
 * answers they rest on, reliability, one column per lever, its obligations), then one row for
 * the whole authority carrying the lever means, the obligation totals and the transversality
 * with its maximum, whether it is partial and its four components.
 */
import type { CampaignScores } from '../scoring/campaign';
import { RELIABILITY_LABELS, TRANSVERSALITY_LABELS } from '../content/labels';
import { LEVER_IDS, type Lever, type Module } from '../content/questionnaire';
import type { ObligationChecklist } from '../scoring/obligations';
import type { AnswerCounts } from '../scoring/scoring';
import { meanOf } from '../scoring/stats';
import { TRANSVERSALITY_COMPONENTS } from '../scoring/transversality';
import { csvNumber, toCsv, type CsvCell } from './csv';

/** Label of the row for the whole authority. */
export const TRANSVERSALITY_ROW = 'Transversalité (ensemble de la collectivité)';

/** Headers of the answers a service's scores rest on, in `AnswerCounts` order. */
export const BASIS_COLUMNS = [
	'Réponses (niveaux)',
	'Je ne sais pas',
	'Non concerné',
	'Sans réponse'
];

/** Headers of the obligation counts. */
export const OBLIGATION_COLUMNS = [
	'Obligations remplies',
	'Obligations applicables',
	'Obligations non remplies',
	'Obligations inconnues'
];

const basis = (c: AnswerCounts): CsvCell[] =>
	[c.levels, c.unknown, c.notConcerned, c.unanswered].map(csvNumber);

const obligations = (c: ObligationChecklist): CsvCell[] =>
	[c.met, c.applicable, c.unmet, c.unknown].map(csvNumber);

/** The CSV text of a campaign's scores (0–100, one decimal; empty when not evaluated). */
export function scoresCsv(
	scores: CampaignScores,
	modules: readonly Module[],
	levers: readonly Lever[]
): string {
	const label = (id: string) => levers.find((l) => l.id === id)?.label ?? id;
	const header: CsvCell[] = [
		'Service',
		'Maturité',
		'Méconnaissance',
		...BASIS_COLUMNS,
		'Fiabilité',
		...LEVER_IDS.map(label),
		...OBLIGATION_COLUMNS,
		'Transversalité',
		'Transversalité maximale mesurable',
		'Partielle',
		...TRANSVERSALITY_COMPONENTS.map((c) => TRANSVERSALITY_LABELS[c].label)
	];
	const blank = (n: number) => Array.from({ length: n }, (): CsvCell => null);
	const rows: CsvCell[][] = [header];
	for (const d of scores.diagnostics) {
		rows.push([
			modules.find((m) => m.id === d.moduleId)?.title ?? d.moduleId,
			csvNumber(d.maturity),
			csvNumber(d.meconnaissance),
			...basis(d.counts),
			RELIABILITY_LABELS[d.reliability],
			...LEVER_IDS.map((l) => csvNumber(d.levers[l].score)),
			...obligations(d.obligations),
			...blank(3 + TRANSVERSALITY_COMPONENTS.length)
		]);
	}
	const t = scores.transversality;
	const total = (k: keyof AnswerCounts) => scores.diagnostics.reduce((n, d) => n + d.counts[k], 0);
	rows.push([
		TRANSVERSALITY_ROW,
		csvNumber(meanOf(scores.diagnostics.map((d) => d.maturity))),
		csvNumber(scores.meconnaissance),
		...basis({
			levels: total('levels'),
			unknown: total('unknown'),
			notConcerned: total('notConcerned'),
			unanswered: total('unanswered')
		}),
		null,
		...LEVER_IDS.map((l) => csvNumber(scores.levers[l].mean)),
		...obligations(scores.obligations),
		csvNumber(t.score),
		csvNumber(t.maximum),
		t.partial ? 'oui' : 'non',
		...TRANSVERSALITY_COMPONENTS.map((c) => csvNumber(t.components[c].value))
	]);
	return toCsv(rows);
}
