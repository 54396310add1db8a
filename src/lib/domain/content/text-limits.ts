/**
 * The longest texts a person can type, counted in UTF-16 code units as `String.length` and the
 * `maxlength` attribute count them. The inputs stop at these limits, the repository refuses
 * longer texts, and an import shortens longer ones: whatever the app writes, it imports again.
 * Kept apart from the exchange format so that the pages that write do not load valibot.
 */
import { MAX_OTHER_PARTNER } from '../answers';

/** The limit of each free text, in UTF-16 code units. */
export const TEXT_LIMITS = {
	/** The authority (collectivité) of a campaign. */
	authority: 200,
	/** The label of a campaign, e.g. "Diagnostic 2026". */
	label: 200,
	/** The name of the person who answered a diagnostic. */
	respondentName: 200,
	/** The role of the person who answered a diagnostic. */
	respondentRole: 200,
	/** The note on an answer. */
	note: 5000,
	/** The partner typed for « Autre (préciser) » in a cooperation answer. */
	otherPartner: MAX_OTHER_PARTNER
} as const;

/** A free text with a limit. */
export type LimitedText = keyof typeof TEXT_LIMITS;

/** What each limited text is called in French messages (at the start of a sentence). */
export const TEXT_NAMES: Record<LimitedText, string> = {
	authority: 'Le nom de la collectivité',
	label: 'Le libellé de la démarche',
	respondentName: 'Le nom de la personne qui répond',
	respondentRole: 'La fonction de la personne qui répond',
	note: 'La note',
	otherPartner: 'Le partenaire «\u202fAutre\u202f»'
};

const count = (n: number) => n.toLocaleString('fr-FR');

/** The French refusal of a text over its limit, or null when it fits. */
export function textTooLong(field: LimitedText, text: string): string | null {
	const max = TEXT_LIMITS[field];
	if (text.length <= max) return null;
	return `${TEXT_NAMES[field]} compte ${count(text.length)} caractères, pour une limite de ${count(max)}\u202f: raccourcissez ce texte.`;
}

/** The first `max` code units of a text, without cutting a character written as two units. */
export function shorten(text: string, max: number): string {
	if (text.length <= max) return text;
	const last = text.charCodeAt(max - 1);
	const splitsPair = last >= 0xd800 && last <= 0xdbff;
	return text.slice(0, splitsPair ? max - 1 : max);
}
