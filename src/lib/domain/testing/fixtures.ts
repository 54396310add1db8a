/**
 * A small hand-made questionnaire for the engine's tests and the worked example of
 * docs/methode.md. Independent of the shipped content, so tests do not move when it changes.
 */
import { coop, module, obligation, scale } from './fixture-builders';
import type { Questionnaire } from '../content/questionnaire-index';
import type { Lever, LeverId, Module } from '../content/questionnaire';

export {
	campaign,
	coop,
	diagnostic,
	module,
	obligation,
	scale,
	type DiagnosticOptions
} from './fixture-builders';

function lever(
	id: LeverId,
	label: string,
	section: 'Enjeux' | 'Comment faire ?',
	quote: string
): Lever {
	return {
		id,
		label,
		title: `Levier ${label}`,
		description: `Description du levier ${label}.`,
		actions: [`Action A du levier ${label}`, `Action B du levier ${label}`],
		source: { kind: 'source', section, quote }
	};
}

/** The nine levers, with verbatim quotes of the source document. */
export const fixtureLevers: Lever[] = [
	lever(
		'portage-politique',
		'Portage politique',
		'Enjeux',
		'Le portage politique est un facteur qui permet d’accélérer et d’amplifier les processus.'
	),
	lever(
		'mise-en-relation',
		'Mise en relation',
		'Enjeux',
		'En tant qu’acteur tiers, la collectivité locale a légitimité pour mettre en relation les différents types d’acteurs.'
	),
	lever(
		'mutualisation',
		'Mutualisation',
		'Enjeux',
		'de nombreux exemples de mutualisations de services ou d’études : écologie industrielle et territoriale, plans de déplacements interentreprises, unités de méthanisation.'
	),
	lever(
		'collectivite-usager',
		'Collectivité usager',
		'Enjeux',
		'Les collectivités prennent alors part au projet, en tant qu’« usager »'
	),
	lever(
		'commande-publique',
		'Commande publique',
		'Enjeux',
		'par l’utilisation de clauses environnementales, variantes et options dans leurs marchés publics, les collectivités incitent fortement à l’évolution de l’offre.'
	),
	lever(
		'connaissance-acteurs',
		'Connaissance acteurs',
		'Enjeux',
		'partagent le constat d’une méconnaissance au sein de collectivités des sujets et acteurs'
	),
	lever(
		'appropriation',
		'Appropriation',
		'Comment faire ?',
		'Il ne s’agit pas uniquement de sensibiliser à l’ESS, mais de favoriser son appropriation par l’ensemble des équipes.'
	),
	lever(
		'identification-services',
		'Identification',
		'Comment faire ?',
		'L’économie circulaire est une démarche, qui interpelle plusieurs compétences des collectivités'
	),
	lever(
		'sensibilisation',
		'Sensibilisation',
		'Comment faire ?',
		'soient sensibilisés aux plus-values de l’ESS et de l’économie circulaire sur les territoires.'
	)
];

/** Seven small modules. The worked example uses déchets, eau, cantines, marchés and transversal. */
export const fixtureModules: Module[] = [
	module('economie', 'Économie', [
		[
			scale('ec-carto', { 'connaissance-acteurs': 2, 'mise-en-relation': 1 }),
			scale('ec-eit', { mutualisation: 2, 'identification-services': 1 }),
			coop('ec-coop-zae', 'zone d’activités et écologie industrielle')
		],
		[
			scale('ec-foncier', { appropriation: 1, 'portage-politique': 1 }),
			coop('ec-coop-achats', 'achats aux acteurs de l’ESS')
		]
	]),
	module('dechets', 'Déchets', [
		[
			scale('d-compost', { mutualisation: 1, 'collectivite-usager': 1 }),
			scale('d-ressourcerie', { 'mise-en-relation': 1, mutualisation: 1 }),
			scale('d-tri', { 'collectivite-usager': 1, 'mise-en-relation': 1 }),
			coop('d-coop', 'valorisation des biodéchets')
		],
		[obligation('d-plpdma'), scale('d-elu', { 'portage-politique': 1, 'mise-en-relation': 1 })]
	]),
	module('eau', 'Eau', [
		[
			scale('e-reuse', { 'collectivite-usager': 2, mutualisation: 1 }),
			scale('e-clauses', { 'commande-publique': 1 }),
			scale('e-asso', { 'mise-en-relation': 1 }),
			scale('e-pluie', { 'collectivite-usager': 1, mutualisation: 1 }),
			coop('e-coop', 'valorisation des biodéchets')
		]
	]),
	module('urbanisme', 'Urbanisme', [
		[
			scale('ur-pemd', { 'collectivite-usager': 1, 'commande-publique': 1 }),
			scale('ur-locaux', { 'mise-en-relation': 1, 'connaissance-acteurs': 1 }),
			coop('ur-coop', 'foncier pour l’économie circulaire')
		],
		[scale('ur-mobilite', { mutualisation: 1, sensibilisation: 1 })]
	]),
	module('cantines', 'Cantines', [
		[
			scale('c-bio', { 'commande-publique': 2 }),
			scale('c-compost', { mutualisation: 1, 'collectivite-usager': 2 }),
			scale('c-local', { 'mise-en-relation': 1, 'commande-publique': 2 }),
			obligation('c-egalim'),
			coop('c-coop', 'biodéchets et approvisionnement')
		]
	]),
	module('marches', 'Marchés', [
		[
			scale('m-clauses', { 'commande-publique': 2 }),
			scale('m-reserve', { 'commande-publique': 1, 'mise-en-relation': 1 }),
			coop('m-coop', 'achats responsables')
		]
	]),
	module('transversal', 'Pilotage', [
		[
			scale('t-elu', { 'portage-politique': 2 }),
			scale('t-copil', { 'portage-politique': 2, 'mise-en-relation': 1 })
		]
	])
];

/** The fixture questionnaire. */
export const fixtureQuestionnaire: Questionnaire = {
	modules: fixtureModules,
	levers: fixtureLevers
};
