/**
 * The actions of a campaign's plan (fiches action, issue 14): who does what by when, the levers
 * they serve and the services they concern, followed with the status vocabulary of Territoires en
 * Transitions. Plain data, stored like diagnostics (random UUID, a revision bumped on each change).
 */
import type { Checkpoint, Origin } from '../answers';
import { LEVER_IDS, MODULE_IDS, type LeverId, type ModuleId } from '../content/questionnaire';

/**
 * The statuses a person sets, in Territoires en Transitions' order. « En retard » is not one of
 * them: it is computed from the due date (`isLate`), so an action never stays late once done.
 */
export const ACTION_STATUSES = [
	'a-venir',
	'en-cours',
	'realise',
	'en-pause',
	'abandonne',
	'bloque',
	'a-discuter'
] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** What the plan shows: a stored status, or « En retard » when the due date has passed. */
export type ShownStatus = ActionStatus | 'en-retard';

export const ACTION_STATUS_LABELS: Record<ShownStatus, string> = {
	'a-venir': 'À venir',
	'en-cours': 'En cours',
	realise: 'Réalisé',
	'en-pause': 'En pause',
	abandonne: 'Abandonné',
	bloque: 'Bloqué',
	'en-retard': 'En retard',
	'a-discuter': 'À discuter'
};

export const ACTION_PRIORITIES = ['elevee', 'moyenne', 'basse'] as const;
export type ActionPriority = (typeof ACTION_PRIORITIES)[number];

export const ACTION_PRIORITY_LABELS: Record<ActionPriority, string> = {
	elevee: 'Élevée',
	moyenne: 'Moyenne',
	basse: 'Basse'
};

/** A step of the action's checklist. */
export interface ActionStep {
	id: string;
	text: string;
	done: boolean;
}

/** A dated follow-up note (« point de suivi »). */
export interface FollowUp {
	id: string;
	/** The day it is about, YYYY-MM-DD. */
	date: string;
	text: string;
}

/** What the action is measured by. */
export interface Indicator {
	name: string;
	target?: number;
	unit?: string;
}

/** Where an action comes from. */
export type ActionSource =
	/** Written from scratch. */
	| { kind: 'manual' }
	/** One of the concrete actions a lever's recommendation proposes (levers.json, in order). */
	| { kind: 'recommendation'; lever: LeverId; index: number }
	/** Carried over from the plan of an earlier campaign, which keeps its own copy. */
	| { kind: 'carried'; campaignId: string; actionId: string };

/** One action of a campaign's plan. */
export interface PlanAction {
	id: string;
	campaignId: string;
	title: string;
	description?: string;
	objectives?: string;
	/**
	 * The levers it serves. Strings, not only LeverId: an action imported with a lever this
	 * version does not know keeps it, listed by `unknownParts`, never dropped.
	 */
	levers: string[];
	/** The pilot service, and the partner services (the same rule for unknown ids). */
	pilot?: string;
	partners: string[];
	/** The person in charge (free texts, optional). */
	responsible?: { name?: string; role?: string };
	/** YYYY-MM-DD. */
	startDate?: string;
	dueDate?: string;
	status: ActionStatus;
	priority: ActionPriority;
	/** Forecast budget, in euros. */
	budget?: number;
	indicator?: Indicator;
	steps: ActionStep[];
	followUps: FollowUp[];
	source: ActionSource;
	/** Bumped by every change; with `lineage`, tells copies apart as diagnostics do. */
	revision: number;
	lineage?: Checkpoint[];
	origin: Origin;
	createdAt: number;
	updatedAt: number;
}

/** Whether a string is a date written YYYY-MM-DD that exists in the calendar. */
export function isIsoDay(text: unknown): text is string {
	if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	const d = new Date(`${text}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** The local day of an instant, YYYY-MM-DD (the user's calendar, not UTC's). */
export function localDay(at: number): string {
	const d = new Date(at);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whether an action is done with: realised or abandoned (never late, not carried over). */
export function isClosed(action: Pick<PlanAction, 'status'>): boolean {
	return action.status === 'realise' || action.status === 'abandonne';
}

/** Late: its due date is before `today` (YYYY-MM-DD) and it is neither realised nor abandoned. */
export function isLate(action: Pick<PlanAction, 'status' | 'dueDate'>, today: string): boolean {
	return !isClosed(action) && action.dueDate !== undefined && action.dueDate < today;
}

/** The status the plan shows on `today`. */
export function shownStatus(
	action: Pick<PlanAction, 'status' | 'dueDate'>,
	today: string
): ShownStatus {
	return isLate(action, today) ? 'en-retard' : action.status;
}

/** The levers and services an action names that this version does not know, as typed. */
export function unknownParts(action: Pick<PlanAction, 'levers' | 'pilot' | 'partners'>): {
	levers: string[];
	services: string[];
} {
	const knownLever = (id: string) => (LEVER_IDS as readonly string[]).includes(id);
	const knownModule = (id: string) => (MODULE_IDS as readonly string[]).includes(id);
	const services = [...(action.pilot ? [action.pilot] : []), ...action.partners];
	return {
		levers: action.levers.filter((l) => !knownLever(l)),
		services: [...new Set(services.filter((s) => !knownModule(s)))]
	};
}

/** The known levers of an action, in LEVER_IDS order. */
export function knownLevers(action: Pick<PlanAction, 'levers'>): LeverId[] {
	return LEVER_IDS.filter((l) => action.levers.includes(l));
}

/** The known services of an action, pilot first, then partners in MODULE_IDS order. */
export function knownServices(action: Pick<PlanAction, 'pilot' | 'partners'>): ModuleId[] {
	const pilot = MODULE_IDS.find((m) => m === action.pilot);
	const partners = MODULE_IDS.filter((m) => m !== pilot && action.partners.includes(m));
	return pilot ? [pilot, ...partners] : partners;
}

const PRIORITY_RANK: Record<ActionPriority, number> = { elevee: 0, moyenne: 1, basse: 2 };

/** Plan orders: by due date (none last), or by priority then due date; the title breaks ties. */
export function compareActions(
	order: 'due' | 'priority'
): (a: PlanAction, b: PlanAction) => number {
	const due = (a: PlanAction, b: PlanAction) =>
		(a.dueDate ?? '9999-99-99').localeCompare(b.dueDate ?? '9999-99-99');
	const title = (a: PlanAction, b: PlanAction) => a.title.localeCompare(b.title, 'fr');
	return order === 'due'
		? (a, b) => due(a, b) || PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || title(a, b)
		: (a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || due(a, b) || title(a, b);
}

/** The longest texts of an action, in UTF-16 code units (as TEXT_LIMITS, content/text-limits.ts). */
export const ACTION_TEXT_LIMITS = {
	title: 200,
	description: 5000,
	objectives: 5000,
	responsibleName: 200,
	responsibleRole: 200,
	step: 500,
	followUp: 5000,
	indicatorName: 200,
	indicatorUnit: 50
} as const;
export type ActionText = keyof typeof ACTION_TEXT_LIMITS;

/** What each text is called in French messages (at the start of a sentence). */
export const ACTION_TEXT_NAMES: Record<ActionText, string> = {
	title: 'Le titre de l’action',
	description: 'La description de l’action',
	objectives: 'Les objectifs de l’action',
	responsibleName: 'Le nom de la personne responsable',
	responsibleRole: 'La fonction de la personne responsable',
	step: 'Une étape',
	followUp: 'Une note de suivi',
	indicatorName: 'Le nom de l’indicateur',
	indicatorUnit: 'L’unité de l’indicateur'
};

/** The largest budget or indicator target accepted (euros or units): a typo guard. */
export const MAX_ACTION_NUMBER = 1e12;
/** The most steps or follow-up notes of one action. */
export const MAX_ACTION_ITEMS = 200;

/** Every text of an action with the limit it falls under. */
function actionTexts(action: PlanAction): [ActionText, string][] {
	const out: [ActionText, string | undefined][] = [
		['title', action.title],
		['description', action.description],
		['objectives', action.objectives],
		['responsibleName', action.responsible?.name],
		['responsibleRole', action.responsible?.role],
		['indicatorName', action.indicator?.name],
		['indicatorUnit', action.indicator?.unit],
		...action.steps.map((s): [ActionText, string] => ['step', s.text]),
		...action.followUps.map((f): [ActionText, string] => ['followUp', f.text])
	];
	return out.filter((e): e is [ActionText, string] => e[1] !== undefined);
}

/**
 * What is wrong with an action before it is written, in French (empty: nothing): a title, texts
 * within their limits, real days with the start before the due date, numbers in range.
 */
export function actionProblems(action: PlanAction): string[] {
	const problems: string[] = [];
	if (action.title.trim() === '') problems.push('Donnez un titre à l’action.');
	const count = (n: number) => n.toLocaleString('fr-FR');
	for (const [field, text] of actionTexts(action))
		if (text.length > ACTION_TEXT_LIMITS[field])
			problems.push(
				`${ACTION_TEXT_NAMES[field]} compte ${count(text.length)} caractères, pour une limite de ${count(ACTION_TEXT_LIMITS[field])}\u202f: raccourcissez ce texte.`
			);
	for (const [name, day] of [
		['de début', action.startDate],
		['d’échéance', action.dueDate]
	] as const)
		if (day !== undefined && !isIsoDay(day))
			problems.push(`La date ${name} n’est pas une date valide.`);
	for (const f of action.followUps)
		if (!isIsoDay(f.date)) problems.push('Une note de suivi n’a pas de date valide.');
	if (isIsoDay(action.startDate) && isIsoDay(action.dueDate) && action.startDate > action.dueDate)
		problems.push('La date d’échéance précède la date de début.');
	const inRange = (x: number | undefined) =>
		x === undefined || (Number.isFinite(x) && x >= 0 && x <= MAX_ACTION_NUMBER);
	if (!inRange(action.budget))
		problems.push('Le budget prévisionnel doit être un montant positif, en euros.');
	if (!inRange(action.indicator?.target))
		problems.push('La cible de l’indicateur doit être un nombre positif.');
	if (action.steps.length > MAX_ACTION_ITEMS || action.followUps.length > MAX_ACTION_ITEMS)
		problems.push(
			`Une action compte au plus ${MAX_ACTION_ITEMS} étapes et ${MAX_ACTION_ITEMS} notes de suivi.`
		);
	return problems;
}
