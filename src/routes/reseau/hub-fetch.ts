/**
 * Reads every document of a hub database over CouchDB's HTTP API with plain `fetch` (no
 * PouchDB on this page): `_all_docs?include_docs=true`, page by page, with Basic credentials
 * that live only in the caller's memory. Every failure becomes a French message.
 */

/** Where the hub is and who reads it. */
export interface HubAddress {
	server: string;
	database: string;
	name: string;
	password: string;
}

/** A failure to read the hub, with its message in French. */
export class HubFetchError extends Error {}

/** Documents asked for per request. */
export const HUB_PAGE_SIZE = 800;

/** CouchDB's rule for database names. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

function basic(name: string, password: string): string {
	const bytes = new TextEncoder().encode(`${name}:${password}`);
	let binary = '';
	for (const b of bytes) binary += String.fromCharCode(b);
	return `Basic ${btoa(binary)}`;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The database's URL, or a French reason why the address cannot be used from this page. */
export function hubUrl(address: HubAddress, pageProtocol: string): URL {
	let server: URL;
	try {
		server = new URL(address.server.trim());
	} catch {
		throw new HubFetchError(
			'L’adresse du serveur n’est pas valide (exemple\u202f: https://reseau.exemple.fr:6984).'
		);
	}
	if (server.protocol !== 'https:' && server.protocol !== 'http:')
		throw new HubFetchError('L’adresse du serveur doit commencer par https://.');
	if (pageProtocol === 'https:' && server.protocol === 'http:' && !LOOPBACK.has(server.hostname))
		throw new HubFetchError(
			'Cette page est ouverte en HTTPS et le serveur en HTTP\u202f: le navigateur refuse de l’interroger. Utilisez l’adresse en https:// du serveur.'
		);
	const database = address.database.trim();
	if (!DATABASE_NAME.test(database))
		throw new HubFetchError(
			'Le nom de la base n’est pas valide (lettres minuscules, chiffres et _ $ ( ) + - /, en commençant par une lettre).'
		);
	const base = server.href.endsWith('/') ? server.href : `${server.href}/`;
	return new URL(`${encodeURIComponent(database)}/`, base);
}

/** Whether the server answers at all, ignoring CORS: tells « unreachable » from « CORS ». */
async function answersWithoutCors(url: URL, fetchFn: typeof fetch): Promise<boolean> {
	try {
		await fetchFn(new URL('/', url), { mode: 'no-cors', credentials: 'omit' });
		return true;
	} catch {
		return false;
	}
}

async function failure(response: Response, database: string): Promise<HubFetchError> {
	if (response.status === 401)
		return new HubFetchError('Le serveur refuse ce nom d’utilisateur ou ce mot de passe.');
	if (response.status === 403)
		return new HubFetchError(
			`Ce compte n’a pas le droit de lire la base «\u202f${database}\u202f».`
		);
	if (response.status === 404)
		return new HubFetchError(
			`La base «\u202f${database}\u202f» n’existe pas sur ce serveur (vérifiez son nom).`
		);
	return new HubFetchError(`Le serveur a répondu par une erreur (code ${response.status}).`);
}

interface AllDocsPage {
	rows: { id: string; doc?: unknown }[];
}

function isAllDocsPage(x: unknown): x is AllDocsPage {
	return (
		typeof x === 'object' &&
		x !== null &&
		Array.isArray((x as { rows?: unknown }).rows) &&
		(x as AllDocsPage).rows.every(
			(r) => typeof r === 'object' && r !== null && typeof r.id === 'string'
		)
	);
}

/**
 * Every document of the hub database, in id order. `onProgress` gets the number read so far
 * after each page. Throws HubFetchError with a French message.
 */
export async function fetchHubDocs(
	address: HubAddress,
	onProgress: (read: number) => void,
	{
		fetchFn = fetch,
		pageProtocol = 'http:'
	}: { fetchFn?: typeof fetch; pageProtocol?: string } = {}
): Promise<unknown[]> {
	const url = hubUrl(address, pageProtocol);
	const headers = {
		Accept: 'application/json',
		Authorization: basic(address.name, address.password)
	};
	const docs: unknown[] = [];
	let last: string | null = null;
	for (;;) {
		const page = new URL('_all_docs', url);
		page.searchParams.set('include_docs', 'true');
		page.searchParams.set('limit', String(HUB_PAGE_SIZE));
		if (last !== null) {
			page.searchParams.set('startkey', JSON.stringify(last));
			page.searchParams.set('skip', '1');
		}
		let response: Response;
		try {
			response = await fetchFn(page, { headers, credentials: 'omit', cache: 'no-store' });
		} catch {
			throw new HubFetchError(
				(await answersWithoutCors(url, fetchFn))
					? `Le serveur répond mais refuse les requêtes de cette page\u202f: son réglage CORS doit autoriser l’origine ${globalThis.location?.origin ?? 'de l’application'}.`
					: 'Le serveur est injoignable\u202f: vérifiez l’adresse et la connexion au réseau.'
			);
		}
		if (!response.ok) throw await failure(response, address.database.trim());
		let body: unknown;
		try {
			body = await response.json();
		} catch {
			body = null;
		}
		if (!isAllDocsPage(body))
			throw new HubFetchError('La réponse du serveur n’est pas celle d’une base CouchDB.');
		for (const row of body.rows) docs.push(row.doc);
		onProgress(docs.length);
		const end = body.rows[body.rows.length - 1];
		if (!end || body.rows.length < HUB_PAGE_SIZE) return docs;
		last = end.id;
	}
}
