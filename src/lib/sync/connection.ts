/**
 * Where a campaign's database is, and whether the app can reach it: the address is built with
 * the URL API (never by concatenation), the check is a plain `fetch` (no PouchDB), and every
 * failure is said in French with what to do. Loaded by the set-up and join pages only.
 */

/** What the user enters. */
export interface ServerAccess {
	server: string;
	database: string;
	username: string;
	password: string;
}

export type ConnectionProblemKind =
	| 'address'
	| 'database-name'
	| 'insecure'
	| 'unreachable'
	| 'cors'
	| 'credentials'
	| 'forbidden'
	| 'missing'
	| 'server';

export interface ConnectionProblem {
	kind: ConnectionProblemKind;
	message: string;
}

export type ConnectionResult =
	{ ok: true; documents: number } | { ok: false; problem: ConnectionProblem };

/** CouchDB's rule for database names. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]{0,237}$/;

function problem(
	kind: ConnectionProblemKind,
	message: string
): { ok: false; problem: ConnectionProblem } {
	return { ok: false, problem: { kind, message } };
}

function isLoopback(url: URL): boolean {
	return url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
}

/** The server's base address (ending with /), or a French problem. */
export function serverBase(server: string, pageProtocol: string): URL | ConnectionProblem {
	let url: URL;
	try {
		url = new URL(server.trim());
	} catch {
		return {
			kind: 'address',
			message: `L’adresse du serveur n’est pas valide\u202f: elle commence par https:// (par exemple https://couchdb.ma-collectivite.fr).`
		};
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		return { kind: 'address', message: 'L’adresse du serveur doit commencer par https://.' };
	if (url.username || url.password)
		return {
			kind: 'address',
			message: `N’écrivez pas l’identifiant ni le mot de passe dans l’adresse\u202f: utilisez les champs prévus.`
		};
	if (url.protocol === 'http:' && pageProtocol === 'https:' && !isLoopback(url))
		return {
			kind: 'insecure',
			message: `Le serveur doit être en HTTPS\u202f: l’application est ouverte en HTTPS et le navigateur refuse d’envoyer les réponses en clair (http://). Demandez au service informatique l’adresse https:// du serveur.`
		};
	url.search = '';
	url.hash = '';
	if (!url.pathname.endsWith('/')) url.pathname += '/';
	return url;
}

/** The database's address under the server's, or a French problem. */
export function databaseUrl(
	access: Pick<ServerAccess, 'server' | 'database'>,
	pageProtocol: string
): URL | ConnectionProblem {
	const base = serverBase(access.server, pageProtocol);
	if (!(base instanceof URL)) return base;
	const name = access.database.trim();
	if (!DATABASE_NAME.test(name))
		return {
			kind: 'database-name',
			message: `Le nom de la base n’est pas valide\u202f: des minuscules sans accent, des chiffres et - ou _, en commençant par une lettre (par exemple leviers-cc-exemple-2026).`
		};
	return new URL(encodeURIComponent(name), base);
}

/** The Authorization header of HTTP Basic authentication (UTF-8, as CouchDB reads it). */
export function basicAuth(username: string, password: string): string {
	const bytes = new TextEncoder().encode(`${username}:${password}`);
	let binary = '';
	for (const b of bytes) binary += String.fromCharCode(b);
	return `Basic ${btoa(binary)}`;
}

/** Checks that the database answers to these credentials; says in French what is wrong. */
export async function checkConnection(
	access: ServerAccess,
	pageProtocol: string,
	fetchFn: typeof fetch = fetch
): Promise<ConnectionResult> {
	const url = databaseUrl(access, pageProtocol);
	if (!(url instanceof URL)) return { ok: false, problem: url };
	if (!access.username.trim() || !access.password)
		return problem('credentials', 'Indiquez le nom d’utilisateur et le mot de passe du serveur.');
	let response: Response;
	try {
		response = await fetchFn(url, {
			headers: {
				Authorization: basicAuth(access.username.trim(), access.password),
				Accept: 'application/json'
			},
			credentials: 'omit',
			cache: 'no-store'
		});
	} catch {
		return (await reachableWithoutCors(url, fetchFn))
			? problem(
					'cors',
					`Le serveur répond, mais n’autorise pas cette application à le lire (CORS non configuré)\u202f: le service informatique doit ajouter l’adresse de l’application aux origines autorisées (docs/synchronisation.md).`
				)
			: problem(
					'unreachable',
					`Serveur injoignable\u202f: vérifiez l’adresse et la connexion à Internet (ou au réseau de la collectivité).`
				);
	}
	if (response.status === 401)
		return problem('credentials', 'Nom d’utilisateur ou mot de passe refusé par le serveur.');
	if (response.status === 403)
		return problem(
			'forbidden',
			'Cet utilisateur n’a pas accès à cette base. Demandez au coordinateur ou à la coordinatrice de vous y ajouter.'
		);
	if (response.status === 404)
		return problem(
			'missing',
			`La base «\u202f${access.database.trim()}\u202f» n’existe pas sur ce serveur. Vérifiez son nom, ou demandez au service informatique de la créer.`
		);
	if (!response.ok)
		return problem(
			'server',
			`Le serveur a répondu par une erreur (${response.status}). Réessayez plus tard.`
		);
	let info: unknown;
	try {
		info = await response.json();
	} catch {
		info = null;
	}
	const count = (info as { doc_count?: unknown } | null)?.doc_count;
	if (typeof count !== 'number')
		return problem(
			'server',
			'Cette adresse ne répond pas comme un serveur CouchDB. Vérifiez l’adresse du serveur.'
		);
	return { ok: true, documents: count };
}

/** Whether the server answers at all when CORS is not asked for (then CORS is what fails). */
async function reachableWithoutCors(url: URL, fetchFn: typeof fetch): Promise<boolean> {
	try {
		await fetchFn(new URL('/', url), { mode: 'no-cors', credentials: 'omit', cache: 'no-store' });
		return true;
	} catch {
		return false;
	}
}
