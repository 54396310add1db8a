/**
 * Builders of hand-made questionnaire content and diagnostics for the engine's tests.
 */
import type {
	Answer,
	Campaign,
	DiagnosticWithAnswers,
	ObligationValue,
	PartnerId,
	ScaleValue
} from '../answers';
import type { LeverId, Module, ModuleId, Question } from '../content/questionnaire';

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

/** A legal obligation (compliance item), worth no points. */
export function obligation(id: string): Question {
	return {
		id,
		type: 'obligation',
		text: `Obligation ${id} remplie ?`,
		help: `Aide ${id}`,
		reference: { ...fact, statement: `Obligation ${id}`, text: `Texte de loi ${id}` },
		todo: `Pour se mettre en conformité : ${id}`
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

/** Options of a test diagnostic; answers map question ids to values. */
export interface DiagnosticOptions {
	id?: string;
	campaignId?: string;
	status?: 'draft' | 'complete';
	revision?: number;
	updatedAt?: number;
	answers?: Record<string, ScaleValue | ObligationValue | PartnerId[]>;
	notes?: Record<string, string>;
	/** « Autre (préciser) » texts of cooperation answers, by question id. */
	otherPartners?: Record<string, string>;
}

/** A diagnostic for tests, complete, revision 1, in campaign "c1" unless told otherwise. */
export function diagnostic(
	moduleId: ModuleId,
	options: DiagnosticOptions = {}
): DiagnosticWithAnswers {
	const answers: Record<string, Answer> = {};
	for (const [questionId, value] of Object.entries(options.answers ?? {})) {
		const note = options.notes?.[questionId];
		const otherPartner = options.otherPartners?.[questionId];
		answers[questionId] = {
			questionId,
			value,
			changedAt: 1,
			...(note ? { note } : {}),
			...(otherPartner ? { otherPartner } : {})
		};
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

/** The campaign « c1 » of the engine's tests, expecting `modules`. */
export function campaign(modules: ModuleId[]): Campaign {
	return {
		id: 'c1',
		authority: 'Commune test',
		label: 'Test',
		modules,
		createdAt: 0,
		updatedAt: 0
	};
}
