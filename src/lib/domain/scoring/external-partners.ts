/**
 * The partners beyond the modules that each service names in its cooperation answers (member
 * communes, green spaces, buildings, employment and inclusion, « Autre »). They are shown in the
 * cooperation network and matrix but never scored: a link needs both ends to answer a
 * questionnaire, and these partners have none (docs/methode.md, « Le réseau de coopération »).
 */
import {
	EXTERNAL_PARTNER_IDS,
	otherPartnerOf,
	type DiagnosticWithAnswers,
	type ExternalPartnerId
} from '../answers';
import type { QuestionnaireIndex } from '../content/questionnaire-index';
import { MODULE_IDS, type ModuleId } from '../content/questionnaire';

/** A service naming an external partner, through these questions. */
export interface ExternalPartnerLink {
	from: ModuleId;
	partner: ExternalPartnerId;
	/** The cooperation questions that name it (the same shape as a module link's). */
	via: { questionId: string; topic: string }[];
	/**
	 * For 'autre': the texts typed, trimmed, each once, in question order (empty when none was
	 * typed); always empty for the other partners.
	 */
	names: string[];
}

/**
 * The external partners named in the cooperation answers of the diagnostics that count, by
 * service in MODULE_IDS order, then partner in EXTERNAL_PARTNER_IDS order.
 */
export function externalPartnerLinks(
	counted: readonly DiagnosticWithAnswers[],
	index: QuestionnaireIndex
): ExternalPartnerLink[] {
	const out: ExternalPartnerLink[] = [];
	for (const from of MODULE_IDS) {
		const d = counted.find((c) => c.moduleId === from);
		if (!d) continue;
		const questions = index.modules.get(from)?.cooperationList ?? [];
		for (const partner of EXTERNAL_PARTNER_IDS) {
			const link: ExternalPartnerLink = { from, partner, via: [], names: [] };
			for (const { question } of questions) {
				const answer = d.answers[question.id];
				if (!answer || !Array.isArray(answer.value) || !answer.value.includes(partner)) continue;
				link.via.push({ questionId: question.id, topic: question.topic });
				const name = partner === 'autre' ? otherPartnerOf(answer) : undefined;
				if (name && !link.names.includes(name)) link.names.push(name);
			}
			if (link.via.length > 0) out.push(link);
		}
	}
	return out;
}

/** The external partners named by at least one service, in EXTERNAL_PARTNER_IDS order. */
export function namedExternalPartners(
	links: readonly Pick<ExternalPartnerLink, 'partner'>[]
): ExternalPartnerId[] {
	return EXTERNAL_PARTNER_IDS.filter((p) => links.some((l) => l.partner === p));
}
