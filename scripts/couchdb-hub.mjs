// A region's hub (issue 15, item 5): the databases of the authorities that agree are replicated,
// server to server, into one hub database, which the « Réseau » page then reads. This script
// writes, on the hub's CouchDB 3, one `_replicator` document per authority database: continuous,
// from the authority's database (with the read-only account the authority gave the network) into
// the hub database. Run again, it leaves an unchanged document alone and updates a changed one.
//
//   HUB_PASSWORD=… node scripts/couchdb-hub.mjs --hub https://reseau.exemple.fr:6984 \
//     --db reseau --user admin --sources sources.json
//
// sources.json: [{ "url": "https://commune.exemple.fr:6984/leviers-2026",
//                  "username": "reseau-lecture", "password": "…" }, …]
// Passwords are read from the file and the environment, never from the command line (which
// other users of the machine and the shell history can read). See docs/synchronisation.md.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

const basic = ({ username, password }) =>
	'Basic ' + Buffer.from(`${username}:${password}`).toString('base64');

/** The database URL without credentials in it, with a trailing slash removed. */
function cleanUrl(url) {
	const u = new URL(url);
	if (u.username || u.password)
		throw new Error(`Put the credentials of ${u.host} in "username"/"password", not in the URL.`);
	return u.href.replace(/\/$/, '');
}

/** The `_replicator` document that replicates `source` into the hub database. */
export function replicatorDoc({ source, hubDbUrl, admin, continuous = true }) {
	const sourceUrl = cleanUrl(source.url);
	const id =
		'leviers-hub-' +
		createHash('sha256').update(`${sourceUrl} ${hubDbUrl}`).digest('hex').slice(0, 24);
	return {
		_id: id,
		// CouchDB 3 wants full URLs on both sides; credentials go in headers, not in the URL.
		source: { url: sourceUrl, headers: { Authorization: basic(source) } },
		target: { url: hubDbUrl, headers: { Authorization: basic(admin) } },
		continuous,
		create_target: false
	};
}

async function request(fetchFn, url, { method = 'GET', auth, body } = {}) {
	const res = await fetchFn(url, {
		method,
		headers: {
			Authorization: basic(auth),
			'Content-Type': 'application/json',
			Accept: 'application/json'
		},
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const json = await res.json().catch(() => null);
	return { status: res.status, json };
}

/** Creates a database unless it exists (CouchDB answers 412 then). */
async function ensureDatabase(fetchFn, url, admin) {
	const { status, json } = await request(fetchFn, url, { method: 'PUT', auth: admin });
	if (status !== 201 && status !== 202 && status !== 412)
		throw new Error(`PUT ${url}: ${status} ${JSON.stringify(json)}`);
}

/**
 * Writes the continuous replications of every source into the hub database, creating the hub
 * database and `_replicator` when missing. Returns, per source, its document id and what was done.
 */
export async function setupHubReplication({
	hub,
	hubDatabase,
	admin,
	sources,
	continuous = true,
	fetchFn = fetch
}) {
	const server = cleanUrl(hub);
	const hubDbUrl = `${server}/${encodeURIComponent(hubDatabase)}`;
	await ensureDatabase(fetchFn, hubDbUrl, admin);
	await ensureDatabase(fetchFn, `${server}/_replicator`, admin);
	const done = [];
	for (const source of sources) {
		const doc = replicatorDoc({ source, hubDbUrl, admin, continuous });
		const docUrl = `${server}/_replicator/${doc._id}`;
		const current = await request(fetchFn, docUrl, { auth: admin });
		const same =
			current.status === 200 &&
			Object.keys(doc).every((k) => JSON.stringify(current.json[k]) === JSON.stringify(doc[k]));
		if (same) {
			done.push({ id: doc._id, source: doc.source.url, action: 'unchanged' });
			continue;
		}
		const body = current.status === 200 ? { ...doc, _rev: current.json._rev } : doc;
		const put = await request(fetchFn, docUrl, { method: 'PUT', auth: admin, body });
		if (put.status !== 201 && put.status !== 202)
			throw new Error(`PUT ${docUrl}: ${put.status} ${JSON.stringify(put.json)}`);
		done.push({
			id: doc._id,
			source: doc.source.url,
			action: current.status === 200 ? 'updated' : 'created'
		});
	}
	return done;
}

/**
 * One replication now, through POST /_replicate on the hub, with the same source and target
 * objects as the replicator documents (CouchDB 3 wants full URLs). `byName` sends bare database
 * names instead, for a source on the hub's own server: the only form the test server
 * (express-pouchdb) replicates, as its PouchDB prefixes every name, URLs included.
 */
export async function replicateOnce({
	hub,
	hubDatabase,
	admin,
	source,
	byName = false,
	fetchFn = fetch
}) {
	const server = cleanUrl(hub);
	const hubDbUrl = `${server}/${encodeURIComponent(hubDatabase)}`;
	const doc = replicatorDoc({ source, hubDbUrl, admin, continuous: false });
	const name = (url) => decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop());
	const body = byName
		? { source: name(doc.source.url), target: hubDatabase }
		: { source: doc.source, target: doc.target };
	const r = await request(fetchFn, `${server}/_replicate`, { method: 'POST', auth: admin, body });
	if (r.status !== 200 && r.status !== 202)
		throw new Error(`POST /_replicate: ${r.status} ${JSON.stringify(r.json)}`);
	return r.json;
}

function arg(name) {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const [hub, hubDatabase, username, file] = ['hub', 'db', 'user', 'sources'].map(arg);
	const password = process.env.HUB_PASSWORD;
	if (!hub || !hubDatabase || !username || !file || !password) {
		console.error(
			'Usage: HUB_PASSWORD=… node scripts/couchdb-hub.mjs --hub URL --db NAME --user ADMIN --sources sources.json'
		);
		process.exit(2);
	}
	const sources = JSON.parse(await readFile(file, 'utf8'));
	const done = await setupHubReplication({
		hub,
		hubDatabase,
		admin: { username, password },
		sources
	});
	for (const d of done) console.log(`${d.action.padEnd(9)} ${d.id}  ${d.source}`);
}
