/**
 * The service profiles of the example campaign: how mature each service is, how often it answers
 * "Non concerné" or "Je ne sais pas", who answers, with whom it works, and the notes it writes.
 */
import type { ExternalPartnerId, ObligationValue } from '../answers';
import type { ModuleId } from '../content/questionnaire';

/** How one service of the example answers. */
export interface ServiceProfile {
	/** Mean level (0–4) around which its answers are drawn. */
	mean: number;
	/** Probabilities of "Non concerné" and "Je ne sais pas" per question. */
	notConcerned: number;
	unknown: number;
	/** At least this many "Je ne sais pas" answers (urbanisme's méconnaissance is the point). */
	minUnknown: number;
	respondent: { name: string; role: string };
	/** The services it declares working with; a link is reciprocated only if both list each other. */
	partners: ModuleId[];
	/** The partners outside the seven modules it declares, and the « Autre » it names, if any. */
	external: ExternalPartnerId[];
	otherPartner?: string;
	status: 'complete' | 'draft';
	/**
	 * How it answers its legal obligations, in display order, the list repeated if the module has
	 * more: fixed rather than drawn, so that the example always shows each state of the checklist.
	 */
	compliance: ObligationValue[];
	/** Notes by kind of answer: levels 0–1, level 2, levels 3–4, "Non concerné". */
	notes: { low: string[]; mid: string[]; high: string[]; na: string[] };
}

/** Notes written next to a "Je ne sais pas", whatever the service. */
export const UNKNOWN_NOTES = [
	'À vérifier auprès de la direction générale.',
	'Personne dans le service ne sait répondre, à voir en comité.',
	'Question transmise à la collègue en charge du dossier.'
];

/**
 * The seven profiles: déchets and cantines mature, économie and marchés average, transversal
 * starting, urbanisme unsure (several "Je ne sais pas"), eau weak and still in draft. On the
 * shipped content (v2) their obligations read: déchets 3 met and 1 in progress (biowaste); eau 1
 * met, 1 unknown, 1 unmet (leak plan); urbanisme 1 unknown (PEMD), 1 met; cantines 4 met, 1 in
 * progress, 1 unmet (plastic containers); marchés SPASER not concerned (under the threshold), 1 met,
 * 1 in progress, 1 unknown (social condition), 1 unmet (reused and recycled purchases);
 * transversal not concerned (the sustainable-development report is due over 50,000 inhabitants).
 */
export const EXAMPLE_PROFILES: Record<ModuleId, ServiceProfile> = {
	economie: {
		mean: 2,
		notConcerned: 0.05,
		unknown: 0.08,
		minUnknown: 1,
		respondent: { name: 'Claire Martin', role: 'Responsable du développement économique' },
		partners: ['dechets', 'urbanisme', 'marches'],
		external: ['emploi-insertion', 'communes-membres'],
		status: 'complete',
		compliance: ['conforme', 'en-cours'],
		notes: {
			low: ['Pas de moyens dédiés pour l’instant.', 'Sujet évoqué au dernier bureau, sans suite.'],
			mid: ['Inscrit dans la feuille de route 2026.', 'Budget voté, recrutement en cours.'],
			high: ['Voir le bilan annuel de la zone d’activités.', 'Partenariat signé avec la CRESS.'],
			na: ['Compétence exercée par la région.']
		}
	},
	dechets: {
		mean: 3.1,
		notConcerned: 0.04,
		unknown: 0.03,
		minUnknown: 0,
		respondent: {
			name: 'Julien Lefèvre',
			role: 'Chef du service prévention et gestion des déchets'
		},
		partners: ['economie', 'cantines', 'marches'],
		external: ['communes-membres', 'autre'],
		otherPartner: 'Syndicat de traitement des déchets',
		status: 'complete',
		compliance: ['conforme', 'conforme', 'en-cours', 'conforme'],
		notes: {
			low: ['Rien de prévu avant le prochain PLPDMA.'],
			mid: ['Action inscrite au PLPDMA, démarrage au printemps.'],
			high: [
				'La ressourcerie tient la zone de réemploi depuis 2023.',
				'Chiffres dans le rapport annuel sur le prix et la qualité du service.'
			],
			na: ['Collecte confiée au syndicat intercommunal.']
		}
	},
	eau: {
		mean: 1,
		notConcerned: 0.1,
		unknown: 0.08,
		minUnknown: 1,
		respondent: { name: 'Sophie Bernard', role: 'Responsable eau et assainissement' },
		partners: ['urbanisme'],
		external: ['espaces-verts'],
		status: 'draft',
		compliance: ['conforme', 'nsp', 'non-conforme'],
		notes: {
			low: ['Pas prioritaire face aux travaux de réseau.', 'À étudier lors du prochain contrat.'],
			mid: ['Étude lancée avec l’agence de l’eau.'],
			high: ['Récupération des eaux de pluie au centre technique.'],
			na: ['Assainissement délégué au syndicat mixte.']
		}
	},
	urbanisme: {
		mean: 1.6,
		notConcerned: 0.04,
		unknown: 0.3,
		minUnknown: 4,
		respondent: { name: 'Thomas Petit', role: 'Directeur de l’aménagement et de l’urbanisme' },
		partners: ['eau'],
		external: ['communes-membres', 'patrimoine'],
		status: 'complete',
		compliance: ['nsp', 'conforme'],
		notes: {
			low: ['Pas d’opération concernée récemment.'],
			mid: ['Prévu dans la révision du PLUi.'],
			high: ['Diagnostic PEMD fait pour l’ancienne école.'],
			na: ['Pas de compétence mobilité.']
		}
	},
	cantines: {
		mean: 2.9,
		notConcerned: 0.03,
		unknown: 0.04,
		minUnknown: 0,
		respondent: { name: 'Nadia Haddad', role: 'Responsable de la restauration scolaire' },
		partners: ['dechets', 'marches'],
		external: ['autre'],
		otherPartner: 'Producteurs du projet alimentaire territorial',
		status: 'complete',
		compliance: ['conforme', 'en-cours', 'conforme', 'non-conforme', 'conforme', 'conforme'],
		notes: {
			low: ['Cuisine centrale trop petite pour l’instant.'],
			mid: ['Nouveau marché alimentaire à la rentrée.'],
			high: ['Biodéchets compostés sur place dans trois écoles.', 'Bilan EGalim transmis en mars.'],
			na: ['Pas de production sur place.']
		}
	},
	marches: {
		mean: 2,
		notConcerned: 0.05,
		unknown: 0.06,
		minUnknown: 0,
		respondent: { name: 'Éric Moreau', role: 'Responsable de la commande publique' },
		partners: ['cantines'],
		external: ['emploi-insertion'],
		status: 'complete',
		compliance: ['na', 'conforme', 'en-cours', 'nsp', 'non-conforme'],
		notes: {
			low: ['Pas encore de clause type.'],
			mid: ['Clauses rédigées, à valider par les élus.'],
			high: ['Deux marchés réservés passés cette année.'],
			na: ['Sous le seuil réglementaire.']
		}
	},
	transversal: {
		mean: 1.8,
		notConcerned: 0.02,
		unknown: 0.06,
		minUnknown: 0,
		respondent: { name: 'Anne Girard', role: 'Chargée de mission développement durable' },
		partners: ['dechets', 'economie'],
		external: [], // transversal asks no cooperation question
		status: 'complete',
		compliance: ['na'],
		notes: {
			low: ['À proposer au prochain séminaire des directeurs.'],
			mid: ['Délibération prévue au conseil de juin.'],
			high: ['Comité de pilotage réuni deux fois par an.'],
			na: ['Sans objet pour notre collectivité.']
		}
	}
};
