/** An account on a CouchDB server. */
export interface Credentials {
	username: string;
	password: string;
}

/** An authority's database and the read-only account it gave the network. */
export interface HubSource extends Credentials {
	url: string;
}

/** The `_replicator` document that replicates `source` into the hub database. */
export function replicatorDoc(options: {
	source: HubSource;
	hubDbUrl: string;
	admin: Credentials;
	continuous?: boolean;
}): {
	_id: string;
	source: { url: string; headers: { Authorization: string } };
	target: { url: string; headers: { Authorization: string } };
	continuous: boolean;
	create_target: boolean;
};

/** Writes the continuous replications of every source into the hub database. */
export function setupHubReplication(options: {
	hub: string;
	hubDatabase: string;
	admin: Credentials;
	sources: HubSource[];
	continuous?: boolean;
	fetchFn?: typeof fetch;
}): Promise<{ id: string; source: string; action: 'created' | 'updated' | 'unchanged' }[]>;

/** One replication now, through POST /_replicate on the hub. */
export function replicateOnce(options: {
	hub: string;
	hubDatabase: string;
	admin: Credentials;
	source: HubSource;
	/** Bare database names of the hub's own server: what the test server takes. */
	byName?: boolean;
	fetchFn?: typeof fetch;
}): Promise<unknown>;
