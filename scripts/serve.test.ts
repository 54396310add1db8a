import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serve } from './serve.mjs';

let root: string;
let server: Server;
let origin: string;

beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'leviers-serve-'));
	writeFileSync(join(root, '200.html'), '<!doctype html><title>Leviers</title>');
	server = await serve({ root, port: 0 }); // any free port
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await new Promise((done) => server.close(done));
	rmSync(root, { recursive: true, force: true });
});

it('answers 400 to a malformed address, and goes on serving', async () => {
	const bad = await fetch(`${origin}/%E0%A4%A`);
	expect(bad.status).toBe(400);
	expect(await bad.text()).toBe('Adresse invalide');
	const good = await fetch(`${origin}/campagnes/abc`);
	expect(good.status).toBe(200);
	expect(await good.text()).toContain('<title>Leviers</title>');
});
