/**
 * The app's writes for a page that reads without Dexie (issue 16: the filling page): the
 * repository, and Dexie with it, is loaded at the first write, or when the user starts to act
 * (`warmRepository`), not to show the page.
 */
import { RepositoryError } from './errors';
import { loadForWrites } from './loaded';
import type { Repository } from './repository';

let loading: Promise<Repository> | undefined;

/** What to do when the code of the writes cannot be loaded, on a page that copies nothing. */
const NOTE_AND_RELOAD = 'notez ce qui n’est pas enregistré, puis rechargez la page.';

/**
 * Loads code that writes, Dexie with it (`loadForWrites`): a script the browser could not fetch
 * is a French error that says what to do, whatever the page (red team of issue 16). `ifRepeated`
 * says what to do if it fails again: only the filling page keeps what was entered for a reload.
 */
export async function loadWriteCode<T>(
	load: () => Promise<T>,
	ifRepeated = NOTE_AND_RELOAD
): Promise<T> {
	try {
		return await loadForWrites(load);
	} catch {
		throw new RepositoryError(
			`Le module d’enregistrement de Leviers n’a pas pu être chargé (réseau coupé, ou Leviers mis à jour dans un autre onglet)\u202f: rien n’a été enregistré à l’instant. Réessayez\u202f; si l’erreur revient, ${ifRepeated}`
		);
	}
}

/**
 * The repository; a failed load (a script the browser could not fetch) is tried again next time.
 * Known risk: a tab left open on a build whose files are gone (updated in another tab, the old
 * cache pruned, offline or the server serving the new build only) cannot load it: the message
 * says what to do; the answers and notes entered meanwhile are copied to localStorage and chosen
 * again at the reload (`draft-backup.ts`).
 */
export function loadRepository(): Promise<Repository> {
	loading ??= loadWriteCode(
		() => import('./repository'),
		// Answers and texts are copied to localStorage until written (answer-copies.ts).
		'rechargez la page\u202f: les réponses et les notes saisies ici restent sur cet appareil et y sont reprises.'
	).then(
		(m) => m.repository,
		(e: unknown) => {
			loading = undefined;
			throw e;
		}
	);
	return loading;
}

/** Starts loading the repository now (on a first pointer or key press), ignoring a failure. */
export function warmRepository(): void {
	loadRepository().catch(() => {});
}

/** Runs a write of the repository, loading it first if need be. */
export function writing<T>(write: (repository: Repository) => Promise<T>): Promise<T> {
	return loadRepository().then(write);
}
