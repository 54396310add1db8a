import { describe, expect, it } from 'vitest';
import { fetchHubDocs, HUB_PAGE_SIZE, hubUrl, type HubAddress } from './hub-fetch';

const address: HubAddress = {
	server: 'https://reseau.exemple.fr:6984',
	database: 'reseau',
	name: 'animatrice',
	password: 'é-secret'
};

const json = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A hub of `n` documents answering `_all_docs` as CouchDB pages it. */
function fakeHub(n: number, seen: URL[]): typeof fetch {
	const ids = Array.from({ length: n }, (_, i) => `campaign:c${String(i).padStart(5, '0')}`);
	return (async (input: RequestInfo | URL) => {
		const url = new URL(String(input));
		seen.push(url);
		const limit = Number(url.searchParams.get('limit'));
		const start = url.searchParams.get('startkey');
		let from = start ? ids.indexOf(JSON.parse(start) as string) : 0;
		from += Number(url.searchParams.get('skip') ?? 0);
		const rows = ids.slice(from, from + limit).map((id) => ({ id, doc: { _id: id } }));
		return json(200, { total_rows: n, offset: from, rows });
	}) as typeof fetch;
}

describe('reading a hub over HTTP', () => {
	it('reads every document page by page, reporting progress', async () => {
		const seen: URL[] = [];
		const progress: number[] = [];
		const n = 2 * HUB_PAGE_SIZE + 5;
		const docs = await fetchHubDocs(address, (r) => progress.push(r), {
			fetchFn: fakeHub(n, seen)
		});
		expect(docs).toHaveLength(n);
		expect(new Set(docs.map((d) => (d as { _id: string })._id)).size).toBe(n);
		expect(progress).toEqual([HUB_PAGE_SIZE, 2 * HUB_PAGE_SIZE, n]);
		expect(seen[0]!.pathname).toBe('/reseau/_all_docs');
		expect(seen[0]!.searchParams.get('include_docs')).toBe('true');
	});

	it('sends Basic credentials encoded as UTF-8', async () => {
		let header = '';
		const fetchFn = (async (_: RequestInfo | URL, init?: RequestInit) => {
			header = (init?.headers as Record<string, string>).Authorization!;
			return json(200, { rows: [] });
		}) as typeof fetch;
		await fetchHubDocs(address, () => {}, { fetchFn });
		expect(header).toBe('Basic ' + Buffer.from('animatrice:é-secret', 'utf8').toString('base64'));
	});

	it('says in French what is wrong', async () => {
		const answer = (status: number) => (async () => json(status, {})) as unknown as typeof fetch;
		const failing = (fetchFn: typeof fetch, a: HubAddress = address) =>
			fetchHubDocs(a, () => {}, { fetchFn });
		await expect(failing(answer(401))).rejects.toThrow('refuse ce nom d’utilisateur');
		await expect(failing(answer(403))).rejects.toThrow('pas le droit de lire');
		await expect(failing(answer(404))).rejects.toThrow('n’existe pas sur ce serveur');
		await expect(failing(answer(500))).rejects.toThrow('code 500');
		const down = (async () => {
			throw new TypeError('Failed to fetch');
		}) as typeof fetch;
		await expect(failing(down)).rejects.toThrow('injoignable');
		// The CORS request fails, the opaque one reaches the server: CORS is the likely cause.
		const cors = (async (_: RequestInfo | URL, init?: RequestInit) => {
			if (init?.mode === 'no-cors') return new Response(null);
			throw new TypeError('Failed to fetch');
		}) as typeof fetch;
		await expect(failing(cors)).rejects.toThrow('CORS');
		await expect(failing(answer(200))).rejects.toThrow('pas celle d’une base CouchDB');
	});

	it('refuses an address it cannot use before asking anything', () => {
		expect(() => hubUrl({ ...address, server: 'pas une adresse' }, 'https:')).toThrow('pas valide');
		expect(() => hubUrl({ ...address, server: 'http://reseau.exemple.fr' }, 'https:')).toThrow(
			'HTTPS'
		);
		expect(hubUrl({ ...address, server: 'http://127.0.0.1:5984' }, 'https:').href).toBe(
			'http://127.0.0.1:5984/reseau/'
		);
		expect(() => hubUrl({ ...address, database: '../_users' }, 'https:')).toThrow('nom de la base');
		expect(hubUrl({ ...address, server: 'https://h.fr/couch' }, 'https:').href).toBe(
			'https://h.fr/couch/reseau/'
		);
	});
});
