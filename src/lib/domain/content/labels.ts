/**
 * The French labels of the domain, in one place.
 */
import type { DiagnosticStatus, ObligationValue, ScaleValue } from '../answers';
import type { Question } from './questionnaire';

/** Label and meaning of each value of the answer scale (DESIGN.md, "Answer scale"). */
export const SCALE_LABELS: Record<`${ScaleValue}`, { label: string; meaning: string }> = {
	'0': { label: 'Rien', meaning: 'Rien n’est fait ni prévu.' },
	'1': { label: 'En réflexion', meaning: 'Le sujet a été discuté, sans décision.' },
	'2': {
		label: 'Engagé',
		meaning: 'C’est décidé : une personne nommée, un budget, un calendrier.'
	},
	'3': { label: 'Réalisé', meaning: 'C’est fait, avec quelque chose à montrer.' },
	'4': {
		label: 'Exemplaire',
		meaning: 'C’est fait, évalué et partagé avec d’autres.'
	},
	na: {
		label: 'Non concerné',
		meaning: 'Hors des compétences du service : la question est retirée de tous les scores.'
	},
	nsp: {
		label: 'Je ne sais pas',
		meaning:
			'Retiré du calcul de maturité, mais compté : ne pas savoir est en soi la méconnaissance que décrit le document source.'
	}
};

/** Label and meaning of each answer to an obligation question. */
export const OBLIGATION_LABELS: Record<ObligationValue, { label: string; meaning: string }> = {
	conforme: { label: 'Conforme', meaning: 'L’obligation est remplie, pièces à l’appui.' },
	'en-cours': {
		label: 'En cours de mise en conformité',
		meaning: 'Ce n’est pas encore rempli, mais c’est décidé : une personne, un calendrier.'
	},
	'non-conforme': { label: 'Non conforme', meaning: 'L’obligation n’est pas remplie.' },
	na: {
		label: 'Non concerné',
		meaning: 'L’obligation ne s’applique pas à la collectivité ou à ce service.'
	},
	nsp: {
		label: 'Je ne sais pas',
		meaning: 'Personne dans le service ne peut le dire : à vérifier en priorité.'
	}
};

/** The kind of a question as a spreadsheet names it: a practice, a legal obligation, a cooperation. */
export const QUESTION_KIND_LABELS: Record<Question['type'], string> = {
	scale: 'Pratique',
	obligation: 'Obligation',
	cooperation: 'Coopération'
};

/** Label of a diagnostic status. */
export const STATUS_LABELS: Record<DiagnosticStatus, string> = {
	draft: 'En cours',
	complete: 'Terminé'
};

/** French name and meaning of each transversality component. */
export const TRANSVERSALITY_LABELS: Record<
	'coverage' | 'cooperation' | 'sharedLevers' | 'governance' | 'balance',
	{ label: string; meaning: string }
> = {
	coverage: {
		label: 'Couverture',
		meaning: 'Part des services attendus dont le diagnostic est complet.'
	},
	cooperation: {
		label: 'Coopération',
		meaning:
			'Densité des liens de travail déclarés entre services ; un lien déclaré des deux côtés compte plus qu’un lien déclaré d’un seul.'
	},
	sharedLevers: {
		label: 'Leviers partagés',
		meaning: 'Pour chaque levier, part des services au niveau « Engagé » ou au-delà, en moyenne.'
	},
	governance: {
		label: 'Gouvernance',
		meaning: 'Score du module de pilotage transversal : portage, comité, mission transversale.'
	},
	balance: {
		label: 'Équilibre',
		meaning:
			'Régularité de la maturité entre services : un service champion et cinq absents, ce n’est pas de la transversalité.'
	}
};
