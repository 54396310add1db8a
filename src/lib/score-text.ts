/**
 * The French sentences that say what a score rests on (method v2), shared by the report, the
 * workshop and the comparison, so that the same figure reads the same everywhere.
 */
import type { AnswerCounts, Reliability } from './domain/scoring/scoring';
import type { LeverPriority } from './domain/scoring/priority';
import {
	TRANSVERSALITY_COMPONENTS,
	type Transversality,
	type TransversalityBasis,
	type TransversalityComponentId
} from './domain/scoring/transversality';
import { formatScore, plural } from './format';

/** Each component as a French noun phrase, with what its agreement needs. */
const COMPONENT_NOUNS: Record<
	TransversalityComponentId,
	{ noun: string; feminine: boolean; plural: boolean }
> = {
	sharedLevers: { noun: 'les leviers partagés', feminine: false, plural: true },
	cooperation: { noun: 'la coopération', feminine: true, plural: false },
	diffusion: { noun: 'la diffusion', feminine: true, plural: false },
	governance: { noun: 'la gouvernance', feminine: true, plural: false }
};

/** « la gouvernance n’est pas mesurée », « la coopération et la gouvernance ne sont pas mesurées ». */
export function unmeasuredText(ids: readonly TransversalityComponentId[]): string {
	const nouns = ids.map((id) => COMPONENT_NOUNS[id]);
	const names =
		nouns.length === 1
			? nouns[0]!.noun
			: `${nouns
					.slice(0, -1)
					.map((n) => n.noun)
					.join(', ')} et ${nouns.at(-1)!.noun}`;
	const many = nouns.length > 1 || nouns[0]!.plural;
	const feminine = nouns.every((n) => n.feminine);
	const participle = `mesuré${feminine ? 'e' : ''}${many ? 's' : ''}`;
	return `${names} ${many ? 'ne sont' : 'n’est'} pas ${participle}`;
}

/** How the transversality figure reads: the score, and what is not measured when partial. */
export interface TransversalityFigure {
	/** « 51 / 100 », « 45 sur 80 mesurables » or « non évaluée ». */
	figure: string;
	/** « partielle : la gouvernance n’est pas mesurée », or null for a full score. */
	partial: string | null;
}

/** The transversality as the interface writes it: never a partial score as a full one. */
export function transversalityFigure(t: Transversality): TransversalityFigure {
	if (t.score === null) return { figure: 'non évaluée', partial: null };
	if (!t.partial) return { figure: `${formatScore(t.score)} / 100`, partial: null };
	const missing = TRANSVERSALITY_COMPONENTS.filter((id) => t.components[id].value === null);
	return {
		figure: `${formatScore(t.score)} sur ${formatScore(t.maximum)} mesurables`,
		partial: `partielle\u202f: ${unmeasuredText(missing)}`
	};
}

/** « 45 sur 80 mesurables — partielle : la gouvernance n’est pas mesurée », or « 51 / 100 ». */
export function transversalityText(t: Transversality): string {
	const { figure, partial } = transversalityFigure(t);
	return partial ? `${figure} — ${partial}` : figure;
}

/**
 * « 5 services sur 6 ont répondu, 4 diagnostics terminés », then where the steering module
 * stands (« pilotage transversal : pas de réponse », « sans module de pilotage transversal »).
 */
export function servicesBasisText(basis: TransversalityBasis): string {
	const answered =
		basis.answered === 0
			? `Aucun service sur ${basis.services} n’a répondu`
			: `${plural(basis.answered, 'service')} sur ${basis.services} ${basis.answered > 1 ? 'ont' : 'a'} répondu`;
	const complete =
		basis.complete === 0
			? 'aucun diagnostic terminé'
			: `${plural(basis.complete, 'diagnostic')} ${basis.complete > 1 ? 'terminés' : 'terminé'}`;
	const steering = !basis.governanceExpected
		? 'sans module de pilotage transversal'
		: basis.governanceAnswered
			? 'pilotage transversal renseigné'
			: 'pilotage transversal sans réponse';
	return `${answered}, ${complete}\u202f; ${steering}`;
}

/** « sur 11 questions répondues, 4 « Je ne sais pas » »: answered = levels + « Je ne sais pas ». */
export function maturityBasisText(counts: Pick<AnswerCounts, 'levels' | 'unknown'>): string {
	const answered = counts.levels + counts.unknown;
	return `sur ${plural(answered, 'question répondue', 'questions répondues')}, ${counts.unknown.toLocaleString('fr-FR')} «\u202fJe ne sais pas\u202f»`;
}

/** The warning a service's reliability calls for, or null when its scores can be read. */
export function reliabilityWarning(reliability: Reliability): string | null {
	switch (reliability) {
		case 'mostly-unknown':
			return 'Résultat peu fiable\u202f: la plupart des réponses sont «\u202fJe ne sais pas\u202f».';
		case 'mostly-not-concerned':
			return 'À lire avec prudence\u202f: la plupart des questions sont «\u202fNon concerné\u202f»\u202f; les scores reposent sur les autres seulement.';
		case 'too-few':
			return 'Maturité non évaluée (trop peu de réponses).';
		default:
			return null;
	}
}

/** « repose sur 14 réponses de 4 services ». */
export function leverBasisText(p: Pick<LeverPriority, 'answers' | 'reach'>): string {
	return `repose sur ${plural(p.answers, 'réponse')} de ${plural(p.reach, 'service')}`;
}
