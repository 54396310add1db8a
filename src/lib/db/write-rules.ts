/**
 * The rules every write of the repository follows: text limits, clean campaign input, and the
 * next revision of a diagnostic. Pure functions, used only by repository.ts.
 */
import type { Campaign, Diagnostic } from '$lib/domain/answers';
import type { ModuleId } from '$lib/domain/content/questionnaire';
import { textTooLong, type LimitedText } from '$lib/domain/content/text-limits';
import { SANE_REVISION } from '$lib/domain/exchange/limits';
import { RepositoryError } from './errors';

/** What a user types to create or rename a campaign. */
export interface CampaignInput {
	authority: string;
	label: string;
	modules: ModuleId[];
}

/** Refuses a text over its limit: it would make exports that no import accepts. */
export function checkLength(field: LimitedText, text: string | undefined): void {
	const problem = text === undefined ? null : textTooLong(field, text);
	if (problem) throw new RepositoryError(problem);
}

/**
 * The revision after one more change.
 *
 * Past SANE_REVISION (a hundred million changes, or a hand-made file) a diagnostic starts a
 * fresh history under a new checkpoint name: its exports stay within the format's bounds, and
 * other copies of it are then seen as in conflict with it, never as older or newer.
 */
export function nextRevision(
	diagnostic: Pick<Diagnostic, 'revision'>,
	newId: () => string
): Pick<Diagnostic, 'revision' | 'lineage'> {
	if (diagnostic.revision < SANE_REVISION) return { revision: diagnostic.revision + 1 };
	return { revision: 1, lineage: [{ device: newId(), revision: 1 }] };
}

/** Checks the texts of a campaign against their limits. */
export function checkCampaignTexts(campaign: Pick<Campaign, 'authority' | 'label'>): void {
	checkLength('authority', campaign.authority);
	checkLength('label', campaign.label);
}

/** Checks the respondent, the notes and the « Autre » partners of a diagnostic. */
export function checkDiagnosticTexts(
	diagnostic: Pick<Diagnostic, 'respondent'>,
	answers: Iterable<{ note?: string; otherPartner?: string }>
): void {
	checkLength('respondentName', diagnostic.respondent?.name);
	checkLength('respondentRole', diagnostic.respondent?.role);
	for (const answer of answers) {
		checkLength('note', answer.note);
		checkLength('otherPartner', answer.otherPartner);
	}
}

/** A campaign as typed, trimmed and checked, with a French error for what is missing. */
export function cleanCampaign(input: CampaignInput): CampaignInput {
	const authority = input.authority.trim();
	const label = input.label.trim();
	if (!authority) throw new RepositoryError('Indiquez le nom de la collectivité.');
	if (!label)
		throw new RepositoryError('Indiquez un libellé, par exemple «\u202fDiagnostic 2026\u202f».');
	checkCampaignTexts({ authority, label });
	if (input.modules.length === 0) throw new RepositoryError('Choisissez au moins un module.');
	return { authority, label, modules: [...new Set(input.modules)] };
}
