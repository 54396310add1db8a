/**
 * Which answer values belong to which kind of question. A stored value may not fit its question:
 * the content changed kind since it was given (a scale question became an obligation), or it
 * was written by a hand-made file or another version. The filling page shows and counts only
 * the values that fit, and writes only the values its inputs offer.
 */
import {
	isExternalPartner,
	OBLIGATION_VALUES,
	SCALE_VALUES,
	type Answer,
	type PartnerId
} from './answers';
import { MODULE_IDS, type ModuleId, type Question } from './content/questionnaire';
import { isLegacyCompliance } from './scoring/obligations';

function isPartnerList(value: unknown, self: ModuleId | undefined): value is PartnerId[] {
	return (
		Array.isArray(value) &&
		new Set(value).size === value.length &&
		value.every((m) => (MODULE_IDS.includes(m as ModuleId) || isExternalPartner(m)) && m !== self)
	);
}

/**
 * Whether `value` may be written as the answer to `question`: a value of the scale for a scale
 * question, one of the five compliance answers for an obligation, a list of other modules
 * (`self` excluded) and external partners for a cooperation question.
 */
export function acceptsValue(
	question: Pick<Question, 'type'>,
	value: unknown,
	self?: ModuleId
): value is Answer['value'] {
	switch (question.type) {
		case 'scale':
			return SCALE_VALUES.includes(value as never);
		case 'obligation':
			return OBLIGATION_VALUES.includes(value as never);
		case 'cooperation':
			return isPartnerList(value, self);
	}
}

/**
 * Whether a stored value is an answer to `question`, as the page shows it: what `acceptsValue`
 * admits, and for an obligation also a level given when it was a scale question (read as a
 * compliance by `complianceOf`).
 */
export function readsValue(
	question: Pick<Question, 'type'>,
	value: unknown,
	self?: ModuleId
): value is Answer['value'] {
	return (
		acceptsValue(question, value, self) ||
		(question.type === 'obligation' && isLegacyCompliance(value))
	);
}
