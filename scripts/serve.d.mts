import type { Server } from 'node:http';

/** Starts the static server of the built app (see serve.mjs). */
export function serve(options?: {
	root?: string;
	port?: number;
	host?: string;
	/** false: a plain static host (exact paths only, no .html added, no fallback). */
	mapping?: boolean;
}): Promise<Server>;
