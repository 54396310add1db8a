/**
 * A small hand-made questionnaire for the engine's tests and the worked example of
 * docs/methode.md. Independent of the shipped content, so tests do not move when it changes.
 */
import type { Answer, DiagnosticWithAnswers, ScaleValue } from './answers';
import type { Questionnaire } from './questionnaire-index';
import type { Lever, LeverId, Module, ModuleId, Question } from './questionnaire';

const fact = {
	kind: 'fact',
	statement: 'Question de test',
	text: 'Jeu de test du moteur de calcul',
	date: '2026-01-01'
} as const;

/** A scale question tagged with levers and weights, e.g. scale('d-compost', { mutualisation: 1 }). */
export function scale(id: string, levers: Partial<Record<LeverId, number>>): Question {
	const tags = Object.entries(levers).map(([lever, weight]) => ({
		lever: lever as LeverId,
		weight: weight as number
	}));
	return {
		id,
		type: 'scale',
		text: `Pratique ${id}`,
		help: `Aide ${id}`,
		reference: fact,
		levers: tags
	};
}

/** A cooperation question on a topic. */
export function coop(id: string, topic: string): Question {
	return {
		id,
		type: 'cooperation',
		text: `Avec qui travaillez-vous sur ${topic} ?`,
		help: `Aide ${id}`,
		reference: fact,
		topic
	};
}

/** A module with its themes, each theme a list of questions. */
export function module(id: ModuleId, shortTitle: string, themes: Question[][]): Module {
	return {
		id,
		version: 1,
		title: `Module ${shortTitle}`,
		shortTitle,
		description: `Module de test ${id}`,
		themes: themes.map((questions, i) => ({
			id: `${id}-t${i + 1}`,
			title: `Thème ${i + 1}`,
			questions
		}))
	};
}

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
			coop('d-coop', 'valorisation des biodéchets')
		],
		[scale('d-plpdma', { 'portage-politique': 1, 'mise-en-relation': 1 })]
	]),
	module('eau', 'Eau', [
		[
			scale('e-reuse', { 'collectivite-usager': 2, mutualisation: 1 }),
			scale('e-clauses', { 'commande-publique': 1 }),
			scale('e-asso', { 'mise-en-relation': 1 }),
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

/** Options of a test diagnostic; answers map question ids to values. */
export interface DiagnosticOptions {
	id?: string;
	campaignId?: string;
	status?: 'draft' | 'complete';
	revision?: number;
	updatedAt?: number;
	answers?: Record<string, ScaleValue | ModuleId[]>;
	notes?: Record<string, string>;
}

/** A diagnostic for tests, complete, revision 1, in campaign "c1" unless told otherwise. */
export function diagnostic(
	moduleId: ModuleId,
	options: DiagnosticOptions = {}
): DiagnosticWithAnswers {
	const answers: Record<string, Answer> = {};
	for (const [questionId, value] of Object.entries(options.answers ?? {})) {
		const note = options.notes?.[questionId];
		answers[questionId] = { questionId, value, changedAt: 1, ...(note ? { note } : {}) };
	}
	return {
		id: options.id ?? `diag-${moduleId}`,
		campaignId: options.campaignId ?? 'c1',
		moduleId,
		questionnaireVersion: 1,
		status: options.status ?? 'complete',
		revision: options.revision ?? 1,
		createdAt: 0,
		updatedAt: options.updatedAt ?? 1,
		origin: { kind: 'local' },
		answers
	};
}
