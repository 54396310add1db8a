/**
 * The action editor's form: every field as the inputs hold it (texts, checked ids), read from an
 * action and turned back into the fields to write. Levers and services this version does not know
 * are not in the form; they are put back as they were, never dropped.
 */
import {
	unknownParts,
	type ActionPriority,
	type ActionStatus,
	type Indicator,
	type PlanAction
} from './action';

/** The editable fields of an action, as the form's inputs hold them. */
export interface ActionForm {
	title: string;
	description: string;
	objectives: string;
	/** Known levers checked. */
	levers: string[];
	/** A known service, or '' for none. */
	pilot: string;
	/** Known services checked. */
	partners: string[];
	responsibleName: string;
	responsibleRole: string;
	startDate: string;
	dueDate: string;
	status: ActionStatus;
	priority: ActionPriority;
	budget: string;
	indicatorName: string;
	indicatorTarget: string;
	indicatorUnit: string;
}

/** The fields of an action the form writes (others, e.g. steps, are written apart). */
export type ActionFormEdit = Pick<
	PlanAction,
	'title' | 'levers' | 'partners' | 'status' | 'priority'
> & {
	[
		K in
			| 'description'
			| 'objectives'
			| 'pilot'
			| 'responsible'
			| 'startDate'
			| 'dueDate'
			| 'budget'
			| 'indicator'
	]: PlanAction[K] | undefined;
};

/** A number as a person types it in French (« 1 500,50 »); NaN when it is not one. */
export function parseFrenchNumber(text: string): number | undefined {
	const t = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
	if (t === '') return undefined;
	return /^\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

const shown = (n: number | undefined) => (n === undefined ? '' : n.toLocaleString('fr-FR'));

/** The form of an action. */
export function toForm(action: PlanAction): ActionForm {
	const unknown = unknownParts(action);
	const pilotKnown = action.pilot !== undefined && !unknown.services.includes(action.pilot);
	return {
		title: action.title,
		description: action.description ?? '',
		objectives: action.objectives ?? '',
		levers: action.levers.filter((l) => !unknown.levers.includes(l)),
		pilot: pilotKnown ? action.pilot! : '',
		partners: action.partners.filter((p) => !unknown.services.includes(p)),
		responsibleName: action.responsible?.name ?? '',
		responsibleRole: action.responsible?.role ?? '',
		startDate: action.startDate ?? '',
		dueDate: action.dueDate ?? '',
		status: action.status,
		priority: action.priority,
		budget: shown(action.budget),
		indicatorName: action.indicator?.name ?? '',
		indicatorTarget: shown(action.indicator?.target),
		indicatorUnit: action.indicator?.unit ?? ''
	};
}

const optional = (text: string) => (text.trim() === '' ? undefined : text);

/**
 * The fields to write from the form: empty texts removed, numbers read the French way (a typo
 * stays NaN, which the repository's checks refuse with a French message), and the unknown levers
 * and services of `before` kept (an unknown pilot stays unless the form names another).
 */
export function fromForm(form: ActionForm, before: PlanAction): ActionFormEdit {
	const unknown = unknownParts(before);
	const unknownPilot =
		before.pilot !== undefined && unknown.services.includes(before.pilot) ? before.pilot : '';
	const pilot = form.pilot || unknownPilot || undefined;
	const name = optional(form.responsibleName);
	const role = optional(form.responsibleRole);
	const indicatorName = optional(form.indicatorName);
	const target = parseFrenchNumber(form.indicatorTarget);
	const unit = optional(form.indicatorUnit);
	// Any part typed keeps the indicator: a target without a name is not dropped.
	const indicator: Indicator | undefined =
		indicatorName !== undefined || target !== undefined || unit !== undefined
			? {
					name: indicatorName ?? '',
					...(target !== undefined ? { target } : {}),
					...(unit ? { unit } : {})
				}
			: undefined;
	return {
		title: form.title.trim(),
		description: optional(form.description),
		objectives: optional(form.objectives),
		levers: [...form.levers, ...unknown.levers],
		pilot,
		partners: [
			...form.partners.filter((p) => p !== pilot),
			...before.partners.filter((p) => unknown.services.includes(p))
		],
		responsible:
			name || role ? { ...(name ? { name } : {}), ...(role ? { role } : {}) } : undefined,
		startDate: optional(form.startDate),
		dueDate: optional(form.dueDate),
		status: form.status,
		priority: form.priority,
		budget: parseFrenchNumber(form.budget),
		indicator
	};
}

/** The action fields each input of the form writes. */
const WRITES: Record<keyof ActionForm, (keyof ActionFormEdit)[]> = {
	title: ['title'],
	description: ['description'],
	objectives: ['objectives'],
	levers: ['levers'],
	// A pilot is not also a partner: changing it rewrites the partners.
	pilot: ['pilot', 'partners'],
	partners: ['partners'],
	responsibleName: ['responsible'],
	responsibleRole: ['responsible'],
	startDate: ['startDate'],
	dueDate: ['dueDate'],
	status: ['status'],
	priority: ['priority'],
	budget: ['budget'],
	indicatorName: ['indicator'],
	indicatorTarget: ['indicator'],
	indicatorUnit: ['indicator']
};

/**
 * Only the fields the person changed since the form was read (`initial`), from the action as
 * stored now (`before`): a change saved meanwhile elsewhere (another tab, an import) to a field
 * left alone here is kept, not undone by the old value the form still shows.
 */
export function editedFields(
	form: ActionForm,
	initial: ActionForm,
	before: PlanAction
): Partial<ActionFormEdit> {
	const all = fromForm(form, before);
	const keys = new Set(
		(Object.keys(WRITES) as (keyof ActionForm)[])
			.filter((k) => JSON.stringify(form[k]) !== JSON.stringify(initial[k]))
			.flatMap((k) => WRITES[k])
	);
	return Object.fromEntries([...keys].map((k) => [k, all[k]])) as Partial<ActionFormEdit>;
}
