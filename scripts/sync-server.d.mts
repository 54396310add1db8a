/** The server admin of a test server. */
export const DEFAULT_ADMIN: { name: string; password: string };

/** A CouchDB-protocol server in memory on the loopback, for tests (see sync-server.mjs). */
export function startSyncServer(options?: {
	port?: number;
	host?: string;
	admin?: { name: string; password: string };
	cors?: boolean;
}): Promise<{
	url: string;
	port: number;
	admin: { name: string; password: string };
	/** Turns CORS headers on or off while running. */
	setCors(on: boolean): void;
	/** A network cut: stops listening and cuts every open connection; the data stays. */
	pause(): Promise<void>;
	/** The network is back: listens again on the same port, with the same data. */
	resume(): Promise<void>;
	/** Stops the server for good. */
	stop(): Promise<void>;
}>;
