/**
 * The French labels of the domain, in one place.
 */
import type { DiagnosticStatus, ExternalPartnerId, ObligationValue, ScaleValue } from '../answers';
import type { Question, SourceQuote } from './questionnaire';

/**
 * Label and meaning of each value of the answer scale, defined once for every practice question:
 * what a person could show at each level (docs/redaction.md, §1). Each question adds what
 * « Engagé » and « Réalisé » look like for it (`levels`).
 */
export const SCALE_LABELS: Record<`${ScaleValue}`, { label: string; meaning: string }> = {
	'0': { label: 'Rien', meaning: 'Rien n’est fait ni prévu : rien à montrer.' },
	'1': {
		label: 'En réflexion',
		meaning:
			'Le sujet a été discuté, rien n’est décidé : un compte rendu de réunion, une idée dans un document de travail, un premier contact.'
	},
	'2': {
		label: 'Engagé',
		meaning:
			'C’est décidé, pas encore en place : une personne nommée et une échéance, écrites (note, délibération, plan de travail).'
	},
	'3': {
		label: 'Réalisé',
		meaning:
			'C’est en place sur tout ce que la question vise : la chose elle-même se montre (convention signée, clause du contrat, liste, bilan, chiffres).'
	},
	'4': {
		label: 'Exemplaire',
		meaning:
			'Réalisé, évalué et partagé : un résultat suivi depuis au moins un an et présenté à d’autres (un autre service, une autre collectivité, un réseau).'
	},
	na: {
		label: 'Non concerné',
		meaning: 'Hors des compétences du service : la question est retirée de tous les scores.'
	},
	nsp: {
		label: 'Je ne sais pas',
		meaning:
			'Compte comme « Rien » dans les scores (ce que le service ne peut pas montrer) et dans la méconnaissance : ne pas savoir est en soi le frein que décrit le document source.'
	}
};

/** Label and meaning of each answer to an obligation question. */
export const OBLIGATION_LABELS: Record<ObligationValue, { label: string; meaning: string }> = {
	conforme: { label: 'Conforme', meaning: 'L’obligation est remplie, pièces à l’appui.' },
	'en-cours': {
		label: 'En cours de mise en conformité',
		meaning: 'Ce n’est pas encore rempli, mais c’est décidé\u202f: une personne, un calendrier.'
	},
	'non-conforme': { label: 'Non conforme', meaning: 'L’obligation n’est pas remplie.' },
	na: {
		label: 'Non concerné',
		meaning: 'L’obligation ne s’applique pas à la collectivité ou à ce service.'
	},
	nsp: {
		label: 'Je ne sais pas',
		meaning: 'Personne dans le service ne peut le dire\u202f: à vérifier en priorité.'
	}
};

/** The kind of a question as a spreadsheet names it: a practice, a legal obligation, a cooperation. */
export const QUESTION_KIND_LABELS: Record<Question['type'], string> = {
	scale: 'Pratique',
	obligation: 'Obligation',
	cooperation: 'Coopération'
};

/** French name of each partner a service can name beyond the modules (issue 13). */
export const EXTERNAL_PARTNER_LABELS: Record<ExternalPartnerId, string> = {
	'communes-membres': 'Communes membres',
	'espaces-verts': 'Espaces verts',
	patrimoine: 'Patrimoine / bâtiments',
	'emploi-insertion': 'Emploi-insertion',
	autre: 'Autre (préciser)'
};

/** Label of a diagnostic status. */
export const STATUS_LABELS: Record<DiagnosticStatus, string> = {
	draft: 'En cours',
	complete: 'Terminé'
};

/** French name and meaning of each transversality component (method v2). */
export const TRANSVERSALITY_LABELS: Record<
	'sharedLevers' | 'cooperation' | 'diffusion' | 'governance',
	{ label: string; meaning: string }
> = {
	sharedLevers: {
		label: 'Leviers partagés',
		meaning:
			'Sur chaque levier que plusieurs services abordent, la part de leurs pratiques au niveau «\u202fEngagé\u202f» ou au-delà, en moyenne.'
	},
	cooperation: {
		label: 'Coopération',
		meaning:
			'Les liens de travail déclarés entre services, chacun pesant selon la pratique des deux services sur les leviers qu’ils partagent\u202f; un lien déclaré des deux côtés compte double.'
	},
	diffusion: {
		label: 'Diffusion',
		meaning:
			'La pratique est-elle répandue dans tous les services\u202f? Un service compte pleinement dès qu’il a engagé la moitié de ses pratiques\u202f; un service absent compte 0.'
	},
	governance: {
		label: 'Gouvernance',
		meaning:
			'Part des pratiques du module de pilotage transversal (portage, comité, mission transversale) au niveau «\u202fEngagé\u202f» ou au-delà\u202f; non mesurée sans ce module.'
	}
};

/** French wording of how far a service's scores can be trusted (method v2). */
export const RELIABILITY_LABELS: Record<
	'ok' | 'mostly-unknown' | 'mostly-not-concerned' | 'too-few',
	string
> = {
	ok: 'Fiable',
	'mostly-unknown': 'Peu fiable\u202f: la plupart des réponses sont «\u202fJe ne sais pas\u202f»',
	'mostly-not-concerned':
		'À lire avec prudence\u202f: la plupart des questions sont «\u202fNon concerné\u202f»',
	'too-few': 'Trop peu de réponses'
};

/** French wording of a lever that has no score in a service (method v2). */
export const LEVER_STATUS_LABELS: Record<'too-few' | 'not-addressed', string> = {
	'too-few': 'non évalué (trop peu de réponses)',
	'not-addressed': 'non abordé'
};

/**
 * The source document every quote comes from (questionnaires/source/), as it is cited. Its web
 * address and the day it was read are not recorded with the copy, so none is given.
 */
export const SOURCE_DOCUMENT =
	'CRESS Normandie, boîte à outils, fiche 2.2 «\u202fDifférents leviers permettent de développer des actions territoriales\u202f»';

/** How each section of the source document is written (the content files store « Comment faire ? » as a key). */
export const SOURCE_SECTION_LABELS: Record<SourceQuote['section'], string> = {
	Enjeux: 'Enjeux',
	'Comment faire ?': 'Comment faire\u202f?'
};

/** The citation of a quote: the document and its section. */
export function sourceCitation(section: SourceQuote['section']): string {
	return `${SOURCE_DOCUMENT}, section «\u202f${SOURCE_SECTION_LABELS[section]}\u202f»`;
}
