/**
 * The worked example of docs/methode.md: "Communauté de communes du Val d’exemple", five modules
 * expected (déchets, eau, cantines, marchés, transversal), three services and the transversal
 * module answered, marchés absent, eau answered twice. Every number is computed by hand in the
 * document and checked by worked-example.test.ts.
 */
import type { Campaign, DiagnosticWithAnswers } from '../answers';
import { diagnostic } from './fixtures';

/** The campaign of the worked example. */
export const workedCampaign: Campaign = {
	id: 'c1',
	authority: 'Communauté de communes du Val d’exemple',
	label: 'Diagnostic 2026',
	modules: ['dechets', 'eau', 'cantines', 'marches', 'transversal'],
	createdAt: 0,
	updatedAt: 0
};

/** Its diagnostics, in a deliberately shuffled order. */
export const workedDiagnostics: DiagnosticWithAnswers[] = [
	// A newer draft of eau: it loses to the complete one (complete beats draft).
	diagnostic('eau', {
		id: 'eau-brouillon',
		status: 'draft',
		revision: 5,
		updatedAt: 50,
		answers: { 'e-reuse': 2, 'e-clauses': 2, 'e-asso': 2, 'e-pluie': 3, 'e-coop': ['cantines'] }
	}),
	diagnostic('cantines', {
		answers: {
			'c-bio': 2,
			'c-compost': 'nsp',
			'c-local': 1,
			'c-egalim': 'non-conforme',
			'c-coop': ['dechets']
		},
		notes: { 'c-local': 'Deux producteurs locaux seulement, pas de lot réservé.' }
	}),
	diagnostic('transversal', { answers: { 't-elu': 3, 't-copil': 1 } }),
	diagnostic('dechets', {
		revision: 3,
		// d-ancienne belonged to an earlier version of the module: reported, not scored.
		answers: {
			'd-compost': 4,
			'd-ressourcerie': 3,
			'd-tri': 2,
			'd-elu': 'nsp',
			// Answered on the scale before d-plpdma became an obligation: read as « En cours ».
			'd-plpdma': 2,
			'd-coop': ['cantines', 'eau'],
			'd-ancienne': 1
		}
	}),
	diagnostic('eau', {
		id: 'eau-complet',
		revision: 2,
		updatedAt: 20,
		answers: { 'e-reuse': 0, 'e-clauses': 'na', 'e-asso': 'nsp', 'e-pluie': 1, 'e-coop': [] }
	})
];
