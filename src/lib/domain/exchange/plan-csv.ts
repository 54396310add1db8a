/**
 * A campaign's plan d'action for a spreadsheet, one row per action (ordered by due date), with
 * the conventions of the other CSV files (csv.ts): the status a person sees (« En retard »
 * computed on `today`), labels rather than ids, days as Excel recognises them.
 */
import type { Lever, Module } from '../content/questionnaire';
import {
	ACTION_PRIORITY_LABELS,
	ACTION_STATUS_LABELS,
	compareActions,
	shownStatus,
	type PlanAction
} from '../plan/action';
import { toCsv, type CsvCell } from './csv';

/** Column headers of the plan file. */
export const PLAN_COLUMNS = [
	'Titre',
	'Statut',
	'Priorité',
	'Leviers',
	'Service pilote',
	'Services partenaires',
	'Responsable',
	'Fonction',
	'Début',
	'Échéance',
	'Budget prévisionnel (€)',
	'Indicateur',
	'Cible',
	'Unité',
	'Étapes faites',
	'Étapes au total',
	'Date de la dernière note de suivi',
	'Dernière note de suivi'
] as const;

/** An amount in euros or units: French decimal comma, at most two decimals, no grouping. */
function amount(value: number | undefined): CsvCell {
	if (value === undefined || !Number.isFinite(value)) return null;
	return value.toLocaleString('fr-FR', { maximumFractionDigits: 2, useGrouping: false });
}

/** The CSV text of a plan, seen on `today` (YYYY-MM-DD, the user's local day). */
export function planCsv(
	actions: readonly PlanAction[],
	modules: readonly Module[],
	levers: readonly Lever[],
	today: string
): string {
	// An id this version does not know is shown as the file wrote it, never dropped.
	const lever = (id: string) => levers.find((l) => l.id === id)?.label ?? id;
	const service = (id: string) => modules.find((m) => m.id === id)?.title ?? id;
	const rows = [...actions].sort(compareActions('due')).map((a): CsvCell[] => {
		const last = [...a.followUps].sort((x, y) => x.date.localeCompare(y.date)).at(-1);
		return [
			a.title,
			ACTION_STATUS_LABELS[shownStatus(a, today)],
			ACTION_PRIORITY_LABELS[a.priority],
			a.levers.map(lever).join(', '),
			a.pilot ? service(a.pilot) : null,
			a.partners.map(service).join(', '),
			a.responsible?.name ?? null,
			a.responsible?.role ?? null,
			a.startDate ?? null,
			a.dueDate ?? null,
			amount(a.budget),
			a.indicator?.name || null,
			amount(a.indicator?.target),
			a.indicator?.unit ?? null,
			String(a.steps.filter((s) => s.done).length),
			String(a.steps.length),
			last?.date ?? null,
			last?.text ?? null
		];
	});
	return toCsv([[...PLAN_COLUMNS], ...rows]);
}
