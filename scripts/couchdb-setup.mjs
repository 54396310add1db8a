// Installs a campaign database on CouchDB 3 (or on the test server, scripts/sync-server.mjs):
// the database (one shard, q=1), its _security (admins: the coordinators; members: every named
// user), the design document _design/leviers holding couchdb/validate_doc_update.js, and
// optionally the users with their roles. Run again to update: it converges on what the command
// line says. docs/synchronisation.md explains each part.
//
//   node scripts/couchdb-setup.mjs --url https://couch.example.fr --admin admin:pw \
//     --db leviers-cc-exemple-2026 --coordinator marie \
//     --service dechets:claire --service cantines:paul [--create-users password]
//
// Without a password in --admin (`--admin admin`), it is read from COUCHDB_PASSWORD, so that it
// stays out of the shell history.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The design document that holds the validation function. */
export const DESIGN_ID = '_design/leviers';

/** The role that makes a member the head of a service (module). */
export function serviceRole(module) {
	return `leviers-service-${module}`;
}

/** The validation function's source, as committed in couchdb/. */
export function validationSource() {
	const file = new URL('../couchdb/validate_doc_update.js', import.meta.url);
	return readFileSync(file, 'utf8').trim();
}

// CouchDB allows more in database names (`$()+/`); these are the ones a URL carries as they are.
const DB_NAME = /^[a-z][a-z0-9_-]{0,199}$/;
const USER_NAME = /^[A-Za-z0-9._@-]{1,64}$/;
const MODULE = /^[a-z0-9-]{1,40}$/;

class SetupError extends Error {}

/**
 * Creates or updates a campaign database. `services` lists `{ module, user }`;
 * `createUsers`, a password, creates the users that do not exist (existing ones keep theirs and
 * get the roles they lack). Returns what it did.
 */
export async function setupCampaignDb({
	url,
	admin,
	db,
	coordinators = [],
	services = [],
	createUsers
}) {
	if (!DB_NAME.test(db))
		throw new SetupError(`Nom de base invalide «\u202f${db}\u202f» (a-z, chiffres, - et _).`);
	if (coordinators.length === 0) throw new SetupError('Indiquez au moins un --coordinator.');
	for (const name of [...coordinators, ...services.map((s) => s.user)])
		if (!USER_NAME.test(name))
			throw new SetupError(`Nom d’utilisateur invalide «\u202f${name}\u202f».`);
	for (const { module } of services)
		if (!MODULE.test(module)) throw new SetupError(`Service invalide «\u202f${module}\u202f».`);

	const base = url.replace(/\/+$/, '');
	const auth = 'Basic ' + Buffer.from(`${admin.name}:${admin.password}`).toString('base64');
	async function call(method, path, body) {
		let res;
		try {
			res = await fetch(`${base}/${path}`, {
				method,
				headers: { Authorization: auth, 'Content-Type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body)
			});
		} catch (e) {
			throw new SetupError(`Serveur injoignable (${base})\u202f: ${e.cause?.code ?? e.message}`);
		}
		const json = await res.json().catch(() => ({}));
		if (res.status === 401 || res.status === 403)
			throw new SetupError(
				`Accès refusé (${method} /${path})\u202f: le compte administrateur est-il juste\u202f?`
			);
		return { status: res.status, json };
	}
	function fail(what, r) {
		return new SetupError(
			`${what}\u202f: ${r.status} ${r.json.error ?? ''} ${r.json.reason ?? ''}`.trim()
		);
	}

	const done = { created: false, designUpdated: false, usersCreated: [], usersUpdated: [] };

	const created = await call('PUT', `${db}?q=1`);
	if (created.status === 201 || created.status === 202) done.created = true;
	else if (created.status !== 412) throw fail('Création de la base impossible', created);

	const users = [...new Set([...coordinators, ...services.map((s) => s.user)])];
	const security = {
		admins: { names: [...new Set(coordinators)], roles: [] },
		members: { names: users, roles: [] }
	};
	const sec = await call('PUT', `${db}/_security`, security);
	if (sec.status !== 200) throw fail('Droits de la base non enregistrés', sec);

	const source = validationSource();
	const current = await call('GET', `${db}/${DESIGN_ID}`);
	if (current.status !== 200 || current.json.validate_doc_update !== source) {
		const design = { _id: DESIGN_ID, language: 'javascript', validate_doc_update: source };
		if (current.status === 200) design._rev = current.json._rev;
		const put = await call('PUT', `${db}/${DESIGN_ID}`, design);
		if (put.status !== 201 && put.status !== 202) throw fail('Validation non installée', put);
		done.designUpdated = true;
	}

	if (createUsers !== undefined) {
		const rolesOf = new Map(users.map((u) => [u, []]));
		for (const { module, user } of services) rolesOf.get(user).push(serviceRole(module));
		for (const [name, roles] of rolesOf) {
			const id = `_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
			const got = await call('GET', id);
			if (got.status === 200) {
				const missing = roles.filter((r) => !got.json.roles?.includes(r));
				if (missing.length === 0) continue;
				const put = await call('PUT', id, {
					...got.json,
					roles: [...(got.json.roles ?? []), ...missing]
				});
				if (put.status !== 201 && put.status !== 202)
					throw fail(`Compte ${name} non mis à jour`, put);
				done.usersUpdated.push(name);
			} else {
				const user = { name, password: createUsers, roles, type: 'user' };
				const put = await call('PUT', id, user);
				if (put.status !== 201 && put.status !== 202) throw fail(`Compte ${name} non créé`, put);
				done.usersCreated.push(name);
			}
		}
	}
	return done;
}

/** The options of setupCampaignDb from a command line. */
export function parseArgs(argv, env = {}) {
	const options = { coordinators: [], services: [] };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = argv[i + 1];
		if (value === undefined || value.startsWith('--'))
			throw new SetupError(`Valeur manquante après ${flag}.`);
		i++;
		if (flag === '--url') options.url = value;
		else if (flag === '--db') options.db = value;
		else if (flag === '--coordinator') options.coordinators.push(value);
		else if (flag === '--create-users') options.createUsers = value;
		else if (flag === '--admin') {
			const at = value.indexOf(':');
			const password = at < 0 ? env.COUCHDB_PASSWORD : value.slice(at + 1);
			if (!password)
				throw new SetupError(
					'Mot de passe administrateur manquant (--admin nom:mot-de-passe ou COUCHDB_PASSWORD).'
				);
			options.admin = { name: at < 0 ? value : value.slice(0, at), password };
		} else if (flag === '--service') {
			const [module, user] = value.split(':');
			if (!module || !user)
				throw new SetupError(`--service attend service:utilisateur («\u202f${value}\u202f»).`);
			options.services.push({ module, user });
		} else throw new SetupError(`Option inconnue ${flag}.`);
	}
	if (!options.url || !options.admin || !options.db)
		throw new SetupError('--url, --admin et --db sont obligatoires.');
	return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	try {
		const options = parseArgs(process.argv.slice(2), process.env);
		const done = await setupCampaignDb(options);
		console.log(
			`Base ${options.db}\u202f: ${done.created ? 'créée' : 'déjà présente'}, droits enregistrés, validation ${done.designUpdated ? 'installée' : 'à jour'}.`
		);
		if (done.usersCreated.length)
			console.log(`Comptes créés\u202f: ${done.usersCreated.join(', ')}.`);
		if (done.usersUpdated.length)
			console.log(`Rôles ajoutés\u202f: ${done.usersUpdated.join(', ')}.`);
	} catch (e) {
		if (!(e instanceof SetupError)) throw e;
		console.error(e.message);
		process.exitCode = 1;
	}
}
