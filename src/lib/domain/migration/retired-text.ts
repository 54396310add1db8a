/**
 * How a retired answer reads on the filling page: the value as the respondent chose it, in French.
 */
import type { RetiredAnswer } from '../answers';
import { moduleInfo } from '../content/catalogue';
import { EXTERNAL_PARTNER_LABELS, OBLIGATION_LABELS, SCALE_LABELS } from '../content/labels';

const partnerName = (id: string): string =>
	moduleInfo(id)?.shortTitle ??
	(Object.hasOwn(EXTERNAL_PARTNER_LABELS, id)
		? EXTERNAL_PARTNER_LABELS[id as keyof typeof EXTERNAL_PARTNER_LABELS]
		: id);

/**
 * The French label of a retired answer's value: a level or compliance as the scales name it
 * (« Réalisé », « En cours de mise en conformité »), the partners by name, or « Aucune réponse
 * (note seule) ».
 */
export function retiredValueLabel(value: RetiredAnswer['value']): string {
	if (value === null) return 'Aucune réponse (note seule)';
	if (Array.isArray(value))
		return value.length === 0 ? 'Aucun service' : value.map(partnerName).join(', ');
	if (Object.hasOwn(SCALE_LABELS, String(value)))
		return SCALE_LABELS[String(value) as keyof typeof SCALE_LABELS].label;
	if (Object.hasOwn(OBLIGATION_LABELS, value))
		return OBLIGATION_LABELS[value as keyof typeof OBLIGATION_LABELS].label;
	return String(value);
}
