/**
 * Legal obligations of a service: a compliance checklist, worth no points (like ADEME's
 * prerequisites). Never part of maturity, lever scores or transversality. docs/methode.md,
 * « Les obligations ».
 */
import type { DiagnosticWithAnswers, ObligationValue } from '../answers';
import type { ModuleIndex } from '../content/questionnaire-index';
import { MODULE_IDS, type FactReference, type ModuleId } from '../content/questionnaire';

/**
 * Reads an answer to an obligation question. Before method v2 obligations were scale questions:
 * a level is read as « Conforme » (3–4, Réalisé or Exemplaire), « En cours » (2, Engagé) or
 * « Non conforme » (0–1); « Non concerné » and « Je ne sais pas » keep their meaning. Anything
 * else (a list, a wrong type) is no answer.
 */
export function complianceOf(value: unknown): ObligationValue | undefined {
	switch (value) {
		case 'conforme':
		case 'en-cours':
		case 'non-conforme':
		case 'na':
		case 'nsp':
			return value;
		case 0:
		case 1:
			return 'non-conforme';
		case 2:
			return 'en-cours';
		case 3:
		case 4:
			return 'conforme';
		default:
			return undefined;
	}
}

/** Whether a stored value is a level given before the question became an obligation. */
export function isLegacyCompliance(value: unknown): value is number {
	return typeof value === 'number' && complianceOf(value) !== undefined;
}

/**
 * Where one obligation stands: met (conforme), in progress, unmet, unknown (« Je ne sais pas » or
 * no answer yet) or not applicable.
 */
export type ObligationState = 'met' | 'in-progress' | 'unmet' | 'unknown' | 'not-concerned';

/** One line of a service's checklist. */
export interface ObligationItem {
	moduleId: ModuleId;
	questionId: string;
	/** The question, as the service reads it. */
	text: string;
	reference: FactReference;
	/** What to do to comply. */
	todo: string;
	/** The answer as read (a legacy level converted), or null when not answered. */
	value: ObligationValue | null;
	state: ObligationState;
	/** Display order within the module. */
	order: number;
}

/** A checklist: its items and the counts the interface writes as « 4 sur 6 obligations remplies ». */
export interface ObligationChecklist {
	items: ObligationItem[];
	/** Items that apply (every item but « Non concerné »). */
	applicable: number;
	met: number;
	inProgress: number;
	unmet: number;
	/** « Je ne sais pas » or not answered. */
	unknown: number;
}

const STATE: Record<ObligationValue, ObligationState> = {
	conforme: 'met',
	'en-cours': 'in-progress',
	'non-conforme': 'unmet',
	na: 'not-concerned',
	nsp: 'unknown'
};

/** The counts of a list of items. */
export function checklistOf(items: ObligationItem[]): ObligationChecklist {
	const count = (s: ObligationState) => items.filter((i) => i.state === s).length;
	return {
		items,
		applicable: items.length - count('not-concerned'),
		met: count('met'),
		inProgress: count('in-progress'),
		unmet: count('unmet'),
		unknown: count('unknown')
	};
}

/** The checklist of one diagnostic (every obligation of its module, answered or not). */
export function obligationChecklist(
	diagnostic: Pick<DiagnosticWithAnswers, 'moduleId' | 'answers'>,
	index: ModuleIndex | undefined
): ObligationChecklist {
	const items: ObligationItem[] = [];
	for (const { question, order } of index?.obligations.values() ?? []) {
		const value = complianceOf(diagnostic.answers[question.id]?.value) ?? null;
		items.push({
			moduleId: diagnostic.moduleId,
			questionId: question.id,
			text: question.text,
			reference: question.reference,
			todo: question.todo,
			value,
			state: value === null ? 'unknown' : STATE[value],
			order
		});
	}
	return checklistOf(items);
}

/**
 * The checklist of a campaign: the items of every diagnostic that counts, and those of expected
 * modules without a diagnostic as unknown (nobody has said yet), in MODULE_IDS then display order.
 */
export function campaignChecklist(
	expected: readonly ModuleId[],
	checklists: ReadonlyMap<ModuleId, ObligationChecklist>,
	modules: ReadonlyMap<ModuleId, ModuleIndex>
): ObligationChecklist {
	const items: ObligationItem[] = [];
	for (const m of MODULE_IDS) {
		if (!expected.includes(m)) continue;
		const own =
			checklists.get(m) ?? obligationChecklist({ moduleId: m, answers: {} }, modules.get(m));
		items.push(...own.items);
	}
	return checklistOf(items);
}

/** Advice order: unmet first, then unknown, then in progress; met and not concerned give none. */
const ADVICE_RANK: Partial<Record<ObligationState, number>> = {
	unmet: 0,
	unknown: 1,
	'in-progress': 2
};

/** The items of a checklist that call for action, in advice order (then display order). */
export function obligationsToAct(checklist: ObligationChecklist): ObligationItem[] {
	return checklist.items
		.filter((i) => ADVICE_RANK[i.state] !== undefined)
		.sort(
			(a, b) =>
				(ADVICE_RANK[a.state] ?? 0) - (ADVICE_RANK[b.state] ?? 0) ||
				MODULE_IDS.indexOf(a.moduleId) - MODULE_IDS.indexOf(b.moduleId) ||
				a.order - b.order
		);
}
