/**
 * The scores of a campaign in wide format: one row per service (maturity, méconnaissance, one
 * column per lever), then one row for the whole authority carrying the lever means and the
 * transversality with its five components.
 */
import type { CampaignScores } from '../scoring/campaign';
import { TRANSVERSALITY_LABELS } from '../content/labels';
import { LEVER_IDS, type Lever, type Module } from '../content/questionnaire';
import { meanOf } from '../scoring/stats';
import { TRANSVERSALITY_COMPONENTS } from '../scoring/transversality';
import { csvNumber, toCsv, type CsvCell } from './csv';

/** Label of the row for the whole authority. */
export const TRANSVERSALITY_ROW = 'Transversalité (ensemble de la collectivité)';

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
		...LEVER_IDS.map(label),
		'Transversalité',
		...TRANSVERSALITY_COMPONENTS.map((c) => TRANSVERSALITY_LABELS[c].label)
	];
	const blank = (n: number) => Array.from({ length: n }, (): CsvCell => null);
	const rows: CsvCell[][] = [header];
	for (const d of scores.diagnostics) {
		rows.push([
			modules.find((m) => m.id === d.moduleId)?.title ?? d.moduleId,
			csvNumber(d.maturity),
			csvNumber(d.meconnaissance),
			...LEVER_IDS.map((l) => csvNumber(d.levers[l].score)),
			...blank(1 + TRANSVERSALITY_COMPONENTS.length)
		]);
	}
	const t = scores.transversality;
	rows.push([
		TRANSVERSALITY_ROW,
		csvNumber(meanOf(scores.diagnostics.map((d) => d.maturity))),
		csvNumber(scores.meconnaissance),
		...LEVER_IDS.map((l) => csvNumber(scores.levers[l].mean)),
		csvNumber(t.score),
		...TRANSVERSALITY_COMPONENTS.map((c) => csvNumber(t.components[c].value))
	]);
	return toCsv(rows);
}
