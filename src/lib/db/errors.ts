/**
 * The errors of storage, and the one place where any of them becomes the French message and
 * action a user reads.
 */

/** A French error a user can act on, thrown by the repository (shown as is). */
export class RepositoryError extends Error {
	override name = 'RepositoryError';
}

/**
 * The device's data changed between an import's preview and its writes: nothing was written.
 * A person re-runs the import; the synchronisation engine simply computes again.
 */
export class StalePreviewError extends RepositoryError {
	override name = 'StalePreviewError';
}

/** What a user reads when a write or a read fails. */
export interface StorageProblem {
	/** What happened. */
	message: string;
	/** What to do. */
	action: string;
}

/** A value the question does not take (a level on an obligation…): nothing is written. */
export const ANSWER_NOT_TAKEN: StorageProblem = {
	message: 'Cette réponse ne correspond pas à la question\u202f: elle n’est pas enregistrée.',
	action: 'Rechargez la page.'
};

/** `e` and the errors Dexie wrapped in it (`inner`), outermost first. */
function chain(e: unknown): object[] {
	const out: object[] = [];
	let cur: unknown = e;
	for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
		out.push(cur);
		cur = (cur as { inner?: unknown }).inner;
	}
	return out;
}

function names(e: unknown): string[] {
	return chain(e).flatMap((x) => {
		const { name } = x as { name?: unknown };
		return typeof name === 'string' ? [name] : [];
	});
}

/** Describes any error thrown by Dexie or IndexedDB in French. */
export function describeStorageError(e: unknown): StorageProblem {
	// The repository's own errors are already French and say what to do, even wrapped by Dexie
	// (a failed upgrade reaches the waiting queries as a DatabaseClosedError around it).
	const own = chain(e).find((x) => x instanceof RepositoryError);
	if (own) return { message: own.message, action: '' };
	const n = names(e);
	const has = (...wanted: string[]) => n.some((x) => wanted.includes(x));
	if (has('WritesHaltedError'))
		return {
			message: 'Enregistrement suspendu\u202f: ce changement n’a pas été enregistré.',
			action:
				'Il reste affiché sur cette page\u202f; suivez les indications du bandeau en haut de la page.'
		};
	// The database could not even open: an upgrade to this version ran out of space (it writes a
	// second copy of the data until it commits). Nothing was changed, and no change was asked.
	if (['DatabaseClosedError', 'OpenFailedError'].includes(n[0] ?? '') && has('QuotaExceededError'))
		return {
			message:
				'L’espace de stockage de l’appareil est plein\u202f: Leviers n’a pas pu mettre vos données à jour pour cette version. Rien n’a été modifié ni perdu.',
			action: 'Libérez de l’espace, puis suivez les indications du bandeau en haut de la page.'
		};
	if (has('QuotaExceededError'))
		return {
			message:
				'L’espace de stockage de l’appareil est plein\u202f: ce changement n’a pas été enregistré.',
			action:
				'Il reste affiché sur cette page\u202f; suivez les indications du bandeau en haut de la page.'
		};
	if (has('VersionChangeError', 'UpgradeError'))
		return {
			message: 'Une version plus récente de Leviers est ouverte dans un autre onglet.',
			action:
				'Rechargez cette page pour continuer\u202f; vos réponses déjà enregistrées sont conservées.'
		};
	// Never "reload" nor "your answers are kept" here: the browser closes the connection after a
	// failed disk write, and writing again then can make it delete the database (write-gate.ts).
	if (has('DatabaseClosedError', 'InvalidStateError'))
		return {
			message:
				'La connexion à la base de données locale est fermée\u202f: rien n’a été lu ni enregistré à l’instant.',
			action:
				'Ce qui est affiché reste sur cette page\u202f; suivez les indications du bandeau en haut de la page.'
		};
	if (has('MissingAPIError'))
		return {
			message: 'Ce navigateur ne permet pas d’enregistrer des données (IndexedDB indisponible).',
			action:
				'Quittez la navigation privée ou utilisez un navigateur récent (Chrome, Edge, Firefox, Safari).'
		};
	if (has('OpenFailedError'))
		return {
			message: 'La base de données locale n’a pas pu être ouverte.',
			action:
				'Vérifiez qu’il reste de la place sur l’appareil et fermez les autres onglets de Leviers.'
		};
	return {
		message: 'L’enregistrement a échoué.',
		action:
			'Réessayez\u202f; si le problème persiste, exportez une sauvegarde depuis la page Données.'
	};
}

/** The message and the action of any error, as one French sentence or two. */
export function storageErrorText(e: unknown): string {
	const { message, action } = describeStorageError(e);
	return `${message} ${action}`.trim();
}
