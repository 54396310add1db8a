/**
 * Why a file cannot be imported, in French: what is wrong and what to do.
 */
import type * as v from 'valibot';
import { FORMAT_VERSION, MAX_FILE_BYTES } from './format';

/** A refusal the interface shows as is. */
export interface ImportProblem {
	/** What is wrong. */
	message: string;
	/** What to do. */
	action: string;
	/** Up to five located errors, e.g. "diagnostic n° 4 › réponse n° 3 › « value » : …". */
	details: string[];
}

/**
 * "50 Mo", "20,1 Mo": rounded up to a tenth, so that a file just over the limit never reads as
 * weighing the limit itself.
 */
function megabytes(bytes: number): string {
	const tenths = Math.ceil((bytes / 1048576) * 10) / 10;
	return `${tenths.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}

const problem = (message: string, action: string, details: string[] = []): ImportProblem => ({
	message,
	action,
	details
});

const ASK_AGAIN =
	'Demandez un nouvel export à la personne qui vous l’a envoyé, ou exportez-le de nouveau depuis Leviers. Rien n’a été importé.';

/** The French refusals, by cause. */
export const PROBLEMS = {
	empty: () =>
		problem(
			'Le fichier est vide.',
			'Choisissez le fichier .json exporté par Leviers. ' + ASK_AGAIN
		),
	tooLarge: (bytes: number) =>
		problem(
			`Le fichier pèse ${megabytes(bytes)}\u202f: il dépasse la limite de ${megabytes(MAX_FILE_BYTES)} d’un export Leviers.`,
			'Vérifiez qu’il s’agit bien d’un export Leviers\u202f: une sauvegarde complète pèse en général moins de 5 Mo. Rien n’a été importé.'
		),
	notText: () =>
		problem(
			'Ce fichier n’est pas un fichier texte\u202f: ce n’est pas un export Leviers.',
			'Choisissez le fichier .json créé par le bouton «\u202fExporter\u202f» de Leviers (un tableur, un PDF ou une image ne peuvent pas être importés). Rien n’a été importé.'
		),
	notJson: () =>
		problem(
			'Ce fichier n’est pas un fichier JSON lisible.',
			'Choisissez le fichier .json créé par le bouton «\u202fExporter\u202f» de Leviers (un export CSV ne peut pas être réimporté). Rien n’a été importé.'
		),
	truncated: () =>
		problem(
			'Le fichier est incomplet\u202f: il s’arrête avant la fin.',
			'Il a sans doute été coupé pendant une copie ou un téléchargement. ' + ASK_AGAIN
		),
	otherFormat: (what: string) =>
		problem(
			`Ce fichier JSON n’est pas un export Leviers${what ? ` (${what})` : ''}.`,
			'Importez un fichier créé par le bouton «\u202fExporter\u202f» de Leviers. Rien n’a été importé.'
		),
	futureVersion: (version: number) =>
		problem(
			`Ce fichier a été créé par une version plus récente de Leviers (format ${version}\u202f; cette version lit les formats 1 à ${FORMAT_VERSION}).`,
			'Mettez Leviers à jour\u202f: rechargez la page avec une connexion à Internet, puis réessayez. Rien n’a été importé.'
		),
	unknownVersion: () =>
		problem(
			'La version du format de ce fichier est illisible.',
			'Le fichier a probablement été modifié à la main. ' + ASK_AGAIN
		),
	invalid: (details: string[], total: number) =>
		problem(
			`Le fichier est endommagé ou a été modifié\u202f: ${total} erreur${total > 1 ? 's' : ''} de contenu.`,
			ASK_AGAIN,
			details
		)
};

const EXPECTED: Record<string, string> = {
	object: 'objet attendu',
	array: 'liste attendue',
	string: 'texte attendu',
	number: 'nombre attendu',
	literal: 'valeur attendue',
	picklist: 'valeur non prévue',
	boolean: 'vrai ou faux attendu',
	variant: 'origine non prévue',
	integer: 'nombre entier attendu',
	min_value: 'nombre trop petit',
	max_value: 'nombre trop grand',
	min_length: 'valeur vide ou trop courte',
	max_length: 'valeur trop longue ou liste trop grande'
};

// The interface names places the way a person counts: "diagnostic n° 4", not diagnostics[3].
const PLACES: Record<string, string> = {
	campaigns: 'démarche',
	diagnostics: 'diagnostic',
	answers: 'réponse',
	lineage: 'historique',
	questionnaires: 'questionnaire',
	modules: 'module',
	actions: 'action',
	steps: 'étape',
	followUps: 'note de suivi'
};

/** Locates a schema issue in French, e.g. "diagnostic n° 4 › réponse n° 3 › « value »". */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
	const keys = (issue.path ?? []).map((item) => item.key as unknown);
	const parts: string[] = [];
	keys.forEach((key, i) => {
		if (typeof key === 'number') return;
		const next = keys[i + 1];
		const place = typeof key === 'string' ? PLACES[key] : undefined;
		if (place && typeof next === 'number') parts.push(`${place} n° ${next + 1}`);
		else parts.push(`«\u202f${String(key).slice(0, 40)}\u202f»`);
	});
	const own = ['regex', 'check', 'union'].includes(issue.type);
	const missing = issue.input === undefined && keys.length > 0;
	const what = missing
		? 'champ manquant'
		: own
			? issue.message
			: (EXPECTED[issue.type] ?? 'valeur invalide');
	return `${parts.join(' › ') || 'fichier'}\u202f: ${what}`;
}
