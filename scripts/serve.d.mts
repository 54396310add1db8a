import type { Server } from 'node:http';

/** Starts the static server of the built app. */
export function serve(options?: { root?: string; port?: number; host?: string }): Promise<Server>;
