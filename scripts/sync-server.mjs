// A CouchDB-protocol server for the tests and benchmarks of synchronisation (issue 15):
// express-pouchdb over PouchDB in memory, on the loopback, with a server admin (no « admin
// party »), _users, _session, _security and validate_doc_update as CouchDB 3 has them. Started
// and stopped by the tests themselves; `node scripts/sync-server.mjs [--port 5984]` runs one by
// hand (admin / admin-secret) to try the app against it.
//
// It is not CouchDB: it stands in for one in tests. What it does differently is listed in
// docs/synchronisation.md (« Le serveur des tests »).
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-server-core';
import http from 'pouchdb-server-http';
import mapreduce from 'pouchdb-server-mapreduce';
import memory from 'pouchdb-server-memory';
import replication from 'pouchdb-server-replication';
import { pathToFileURL } from 'node:url';

export const DEFAULT_ADMIN = { name: 'admin', password: 'admin-secret' };

// Plugins change PouchDB's prototype: once per process; each server gets its own defaults.
const BasePouch = PouchDB.plugin(memory).plugin(http).plugin(mapreduce).plugin(replication);

let instances = 0;

/**
 * Starts a server. `cors: false` answers without CORS headers (to test the app's message);
 * `port: 0` takes a free port. Returns its URL, the admin's credentials and `stop()`.
 */
export async function startSyncServer({
	port = 0,
	host = '127.0.0.1',
	admin = DEFAULT_ADMIN,
	cors = true
} = {}) {
	// Each server gets its own memory databases (by prefix), but the list of database names is
	// shared by the servers of one process: give each test its own database names.
	const prefix = `leviers-test-${process.pid}-${++instances}-`;
	const Pouch = BasePouch.defaults({ adapter: 'memory', prefix });
	const app = express();
	const state = { cors };
	app.use((req, res, next) => {
		const origin = req.headers.origin;
		if (state.cors && origin) {
			res.setHeader('Access-Control-Allow-Origin', origin);
			res.setHeader('Access-Control-Allow-Credentials', 'true');
			res.setHeader('Vary', 'Origin');
			res.setHeader(
				'Access-Control-Expose-Headers',
				'content-type, cache-control, accept-ranges, etag, server, x-couch-request-id, x-couch-update-newrev'
			);
			if (req.method === 'OPTIONS') {
				res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE');
				res.setHeader(
					'Access-Control-Allow-Headers',
					'accept, authorization, content-type, origin, referer'
				);
				res.setHeader('Access-Control-Max-Age', '600');
				res.statusCode = 204;
				return res.end();
			}
		}
		next();
	});
	// express-pouchdb crashes the process when a non-admin creates or deletes a database (its
	// security wrapper answers with a promise where the route expects a database): CouchDB
	// answers 401, and so does this guard.
	app.use((req, res, next) => {
		const isDbPath = /^\/[^/_][^/]*\/?$/.test(req.path);
		if (isDbPath && (req.method === 'PUT' || req.method === 'DELETE')) {
			const header = req.headers.authorization ?? '';
			const expected = 'Basic ' + Buffer.from(`${admin.name}:${admin.password}`).toString('base64');
			if (header !== expected) {
				res.status(401).json({ error: 'unauthorized', reason: 'You are not a server admin.' });
				return;
			}
		}
		next();
	});
	// express-pouchdb routes _bulk_docs before it reads the database's _security, so that
	// validate_doc_update got an empty secObj there, and a database admin was not one: CouchDB
	// hands it the database's security object on every write, and so does this.
	app.post('/:db/_bulk_docs', (req, res, next) => {
		const auth = 'Basic ' + Buffer.from(`${admin.name}:${admin.password}`).toString('base64');
		fetch(`${url}/${encodeURIComponent(req.params.db)}/_security`, {
			headers: { Authorization: auth }
		})
			.then(async (r) => {
				if (r.ok) req.couchSecurityObj = await r.json();
			})
			.then(() => next(), next);
	});
	const pouchApp = expressPouchDB(Pouch, {
		mode: 'fullCouchDB',
		inMemoryConfig: true,
		logPath: `/tmp/${prefix}log.txt`
	});
	app.use(pouchApp);
	const sockets = new Set();
	const listen = (p) =>
		new Promise((resolve, reject) => {
			const s = app.listen(p, host, () => resolve(s));
			s.on('error', reject);
			s.on('connection', (socket) => {
				sockets.add(socket);
				socket.on('close', () => sockets.delete(socket));
			});
		});
	const close = (s) =>
		new Promise((resolve) => {
			for (const socket of sockets) socket.destroy();
			s.close(() => resolve());
		});
	let server = await listen(port);
	const boundPort = server.address().port;
	const url = `http://${host}:${boundPort}`;
	// The server admin (CouchDB 3 has no admin party either).
	const res = await fetch(`${url}/_config/admins/${encodeURIComponent(admin.name)}`, {
		method: 'PUT',
		body: JSON.stringify(admin.password)
	});
	if (!res.ok) throw new Error(`sync server: cannot set the admin (${res.status})`);
	return {
		url,
		port: boundPort,
		admin,
		/** Turns CORS headers on or off while running. */
		setCors(on) {
			state.cors = on;
		},
		/** A network cut: stops listening and cuts every connection; the data stays in memory. */
		pause() {
			return close(server);
		},
		/** The network is back: listens again on the same port, with the same data. */
		async resume() {
			server = await listen(boundPort);
		},
		/** Stops the server for good. */
		stop() {
			return close(server);
		}
	};
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const i = process.argv.indexOf('--port');
	const port = i > 0 ? Number(process.argv[i + 1]) : 5984;
	const s = await startSyncServer({ port });
	console.log(`Serveur de synchronisation (tests) : ${s.url} — admin / ${s.admin.password}`);
}
