/**
 * What the CouchDB security tests share: the test server with one campaign database installed
 * by setupCampaignDb (coordinator marie, service heads claire for « dechets » and paul for
 * « cantines », and intrus, a user with a service role who is not a member), plain-fetch calls as
 * one of them, and documents of the three kinds as the app writes them.
 */
import { serviceRole, setupCampaignDb } from './couchdb-setup.mjs';

/** The running test server, as startSyncServer returns it. */
export interface SyncServer {
	url: string;
	admin: { name: string; password: string };
	stop(): Promise<void>;
}

// sync-server.mjs has no types, and type-checking its JavaScript is not this file's business:
// imported by a computed address, it stays out of the TypeScript program.
const SERVER_MODULE = new URL('./sync-server.mjs', import.meta.url).href;

/** Starts the test server of scripts/sync-server.mjs on a free port. */
export async function startSyncServer(): Promise<SyncServer> {
	const { startSyncServer: start } = (await import(/* @vite-ignore */ SERVER_MODULE)) as {
		startSyncServer(): Promise<SyncServer>;
	};
	return start();
}

/** Every user's password in these tests. */
export const PASSWORD = 'mot-de-passe';
export const CAMPAIGN = 'campagne-1';

let databases = 0;

/** A database name no other server of this process has used (they share the list of names). */
export function uniqueDb(): string {
	return `leviers-test-${process.pid}-${Date.now().toString(36)}-${++databases}`;
}

/** Starts a server and installs a campaign database on it. */
export async function startCampaign(): Promise<{ server: SyncServer; db: string }> {
	const server = await startSyncServer();
	const db = uniqueDb();
	await setupCampaignDb({
		url: server.url,
		admin: server.admin,
		db,
		coordinators: ['marie'],
		services: [
			{ module: 'dechets', user: 'claire' },
			{ module: 'cantines', user: 'paul' }
		],
		createUsers: PASSWORD
	});
	// A real account with a service role, but no member of this campaign.
	await call(server, 'admin', 'PUT', '/_users/org.couchdb.user:intrus', {
		name: 'intrus',
		password: PASSWORD,
		roles: [serviceRole('dechets')],
		type: 'user'
	});
	return { server, db };
}

/** Who makes a request: a user of the campaign, the server admin, or nobody (anonymous). */
export type Who = 'marie' | 'claire' | 'paul' | 'intrus' | 'admin' | 'anonyme' | (string & {});

/** A plain HTTP request as `who`; the body is sent as JSON. */
export async function call(
	server: SyncServer,
	who: Who,
	method: string,
	path: string,
	body?: unknown
): Promise<Response> {
	const headers: Record<string, string> = { 'Content-Type': 'application/json' };
	if (who !== 'anonyme') {
		const password = who === 'admin' ? server.admin.password : PASSWORD;
		const name = who === 'admin' ? server.admin.name : who;
		headers.Authorization = 'Basic ' + Buffer.from(`${name}:${password}`).toString('base64');
	}
	return fetch(`${server.url}${path}`, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body)
	});
}

/** The document as the server admin reads it, or null when it is absent. */
export async function stored(
	server: SyncServer,
	db: string,
	id: string
): Promise<Record<string, unknown> | null> {
	const res = await call(server, 'admin', 'GET', `/${db}/${encodeURIComponent(id)}`);
	return res.status === 200 ? ((await res.json()) as Record<string, unknown>) : null;
}

/** A document as JSON, for hostile variants. */
export type Doc = Record<string, unknown> & { _id: string };

const NOW = '2026-11-26T10:42:00.000Z';

/** A campaign document of exchange format 5. */
export function campaignDoc(id = CAMPAIGN): Doc {
	return {
		_id: `campaign:${id}`,
		type: 'campaign',
		format: 5,
		campaign: {
			id,
			authority: 'Communauté de communes de l’Exemple',
			label: 'Autodiagnostic 2026',
			modules: ['dechets', 'cantines'],
			createdAt: NOW,
			updatedAt: NOW
		}
	};
}

/** A diagnostic document of exchange format 5 for `module`. */
export function diagnosticDoc(id: string, module: string): Doc {
	return {
		_id: `diagnostic:${id}`,
		type: 'diagnostic',
		format: 5,
		campaignId: CAMPAIGN,
		module,
		diagnostic: {
			id,
			campaignId: CAMPAIGN,
			module,
			questionnaireVersion: 2,
			status: 'draft',
			revision: 3,
			createdAt: NOW,
			updatedAt: NOW,
			lineage: [{ device: 'poste-1', revision: 3 }],
			answers: [{ questionId: 'q1', value: 3, updatedAt: NOW }]
		}
	};
}

/** An action document of exchange format 5. */
export function actionDoc(id: string): Doc {
	return {
		_id: `action:${id}`,
		type: 'action',
		format: 5,
		campaignId: CAMPAIGN,
		action: {
			id,
			campaignId: CAMPAIGN,
			title: 'Mutualiser les achats de denrées locales',
			levers: ['achats'],
			partners: ['cantines'],
			status: 'a-venir',
			priority: 'moyenne',
			steps: [{ id: 'e1', text: 'Recenser les fournisseurs', done: false }],
			followUps: [],
			source: { kind: 'manual' },
			revision: 1,
			lineage: [],
			createdAt: NOW,
			updatedAt: NOW
		}
	};
}
