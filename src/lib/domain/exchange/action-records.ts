/**
 * Actions of a campaign's plan (format version 5) as a file writes them, and a file's actions
 * turned back into the device's: texts over their limit shortened and reported, unknown levers
 * and services kept as typed (listed by the preview, never dropped), a history kept within the
 * bounds of limits.ts. An action that would break the device's own rules (a start after its due
 * date, a negative budget…) is set aside with the French reason, nothing else of the file lost.
 */
import type { Origin } from '../answers';
import { shorten } from '../content/text-limits';
import { LEVER_IDS } from '../content/questionnaire';
import {
	ACTION_TEXT_LIMITS,
	actionProblems,
	type ActionSource,
	type ActionText,
	type PlanAction
} from '../plan/action';
import type { ExportedAction } from './format';
import { SANE_REVISION } from './limits';
import { compactLineage, effectiveLineage, partialHistory } from './lineage';

/** Why an action of a file is left out of the import, or changed to be imported. */
export type ActionSetAsideReason =
	| 'unknown-campaign'
	| 'other-campaign'
	| 'duplicate'
	| 'history'
	| 'invalid'
	| 'too-long'
	| 'revision';

/** An action of the file left out or changed, with what the preview says about it. */
export interface ActionSetAside {
	reason: ActionSetAsideReason;
	actionId?: string;
	/** Its title as the file wrote it (shortened for the message). */
	title?: string;
	/** For 'too-long': the text shortened. */
	field?: ActionText;
	/** For 'invalid': its place among the file's actions (from 1) when the schema refused it. */
	position?: number;
	/** For 'invalid': the first error or the French problem, and how many there are. */
	detail?: string;
	errors?: number;
	/** For 'revision': the file's revision, replaced by a fresh history. */
	revision?: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** An action as written in a file, its history completed with this device's changes. */
export function exportAction(a: PlanAction, device: string): ExportedAction {
	const responsible =
		a.responsible && (a.responsible.name || a.responsible.role)
			? {
					...(a.responsible.name ? { name: a.responsible.name } : {}),
					...(a.responsible.role ? { role: a.responsible.role } : {})
				}
			: undefined;
	return {
		id: a.id,
		campaignId: a.campaignId,
		title: a.title,
		...(a.description === undefined ? {} : { description: a.description }),
		...(a.objectives === undefined ? {} : { objectives: a.objectives }),
		levers: [...a.levers],
		...(a.pilot === undefined ? {} : { pilot: a.pilot }),
		partners: [...a.partners],
		...(responsible ? { responsible } : {}),
		...(a.startDate === undefined ? {} : { startDate: a.startDate }),
		...(a.dueDate === undefined ? {} : { dueDate: a.dueDate }),
		status: a.status,
		priority: a.priority,
		...(a.budget === undefined ? {} : { budget: a.budget }),
		...(a.indicator ? { indicator: { ...a.indicator } } : {}),
		steps: a.steps.map((s) => ({ ...s })),
		followUps: a.followUps.map((f) => ({ ...f })),
		source: { ...a.source },
		revision: a.revision,
		lineage: compactLineage(effectiveLineage(a.lineage ?? [], a.revision, device)),
		createdAt: iso(a.createdAt),
		updatedAt: iso(a.updatedAt)
	};
}

/** What reading a file's action needs besides it. */
export interface ActionFacts {
	origin: Origin;
	newId: () => string;
}

/** A recommendation's source naming a lever this version does not know reads as written by hand. */
function knownSource(source: ExportedAction['source']): ActionSource {
	if (source.kind !== 'recommendation') return { ...source };
	const lever = LEVER_IDS.find((l) => l === source.lever);
	return lever ? { kind: 'recommendation', lever, index: source.index } : { kind: 'manual' };
}

/**
 * A file's action as the device would store it, or null when it breaks the device's rules
 * (reported in `aside` with the French reason).
 */
export function incomingAction(
	a: ExportedAction,
	facts: ActionFacts,
	aside: ActionSetAside[]
): PlanAction | null {
	const who = { actionId: a.id, title: a.title.slice(0, 80) };
	let cut = false;
	// Texts are kept as typed (spaces included), so that a copy sent back compares identical.
	const fit = (text: string | undefined, field: ActionText): string | undefined => {
		if (!text) return undefined;
		if (text.length <= ACTION_TEXT_LIMITS[field]) return text;
		if (!aside.some((s) => s.reason === 'too-long' && s.actionId === a.id && s.field === field))
			aside.push({ reason: 'too-long', field, ...who });
		cut = true;
		return shorten(text, ACTION_TEXT_LIMITS[field]);
	};
	const title = fit(a.title, 'title') ?? a.title;
	const name = fit(a.responsible?.name, 'responsibleName');
	const role = fit(a.responsible?.role, 'responsibleRole');
	const description = fit(a.description, 'description');
	const objectives = fit(a.objectives, 'objectives');
	const indicatorName = a.indicator && fit(a.indicator.name, 'indicatorName');
	const unit = a.indicator && fit(a.indicator.unit, 'indicatorUnit');
	const partners = [...new Set(a.partners)];
	const action: PlanAction = {
		id: a.id,
		campaignId: a.campaignId,
		// The schema trimmed it; a title is never empty, and is trimmed when typed (newAction).
		title: title.trimEnd(),
		...(description ? { description } : {}),
		...(objectives ? { objectives } : {}),
		levers: [...new Set(a.levers)],
		...(a.pilot ? { pilot: a.pilot } : {}),
		partners,
		...(name || role
			? { responsible: { ...(name ? { name } : {}), ...(role ? { role } : {}) } }
			: {}),
		...(a.startDate ? { startDate: a.startDate } : {}),
		...(a.dueDate ? { dueDate: a.dueDate } : {}),
		status: a.status,
		priority: a.priority,
		...(a.budget === undefined ? {} : { budget: a.budget }),
		...(a.indicator && (indicatorName || a.indicator.target !== undefined || unit)
			? {
					indicator: {
						name: indicatorName ?? '',
						...(a.indicator.target === undefined ? {} : { target: a.indicator.target }),
						...(unit ? { unit } : {})
					}
				}
			: {}),
		steps: a.steps.map((s) => ({ ...s, text: fit(s.text, 'step') ?? '' })),
		followUps: a.followUps.map((f) => ({ ...f, text: fit(f.text, 'followUp') ?? '' })),
		source: knownSource(a.source),
		...boundedHistory(a, facts.newId, aside),
		origin: facts.origin,
		createdAt: Date.parse(a.createdAt),
		updatedAt: Date.parse(a.updatedAt)
	};
	const [problem] = actionProblems(action);
	if (problem) {
		aside.push({ reason: 'invalid', ...who, detail: problem, errors: 1 });
		return null;
	}
	// Stored with less than the file held: never seen as newer than the sender's fuller copy.
	if (cut)
		Object.assign(action, partialHistory(action.lineage ?? [], action.revision, facts.newId));
	return action;
}

/** The file's history, or a fresh one when its revision is beyond any real use (as diagnostics). */
function boundedHistory(a: ExportedAction, newId: () => string, aside: ActionSetAside[]) {
	if (a.revision <= SANE_REVISION)
		return { revision: a.revision, lineage: compactLineage(a.lineage) };
	aside.push({
		reason: 'revision',
		actionId: a.id,
		title: a.title.slice(0, 80),
		revision: a.revision
	});
	return { revision: 1, lineage: [{ device: newId(), revision: 1 }] };
}

/** What a person sees of an action, its history, origin and dates aside (texts trimmed). */
function contentKey(a: PlanAction): string {
	return JSON.stringify(
		[
			a.title,
			a.description ?? '',
			a.objectives ?? '',
			[...a.levers].sort(),
			a.pilot ?? '',
			[...a.partners].sort(),
			a.responsible?.name ?? '',
			a.responsible?.role ?? '',
			a.startDate ?? '',
			a.dueDate ?? '',
			a.status,
			a.priority,
			a.budget ?? null,
			a.indicator ? [a.indicator.name, a.indicator.target ?? null, a.indicator.unit ?? ''] : null,
			a.steps.map((s) => [s.id, s.text, s.done]),
			a.followUps.map((f) => [f.id, f.date, f.text])
		],
		(_key, value: unknown) => (typeof value === 'string' ? value.trim() : value)
	);
}

/** Whether two copies of an action hold the same content. */
export function sameActionContent(a: PlanAction, b: PlanAction): boolean {
	return contentKey(a) === contentKey(b);
}
