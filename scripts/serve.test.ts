import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from './serve.mjs';

const PAGE_POLICY = "default-src 'self'; script-src 'self' 'sha256-abc='; object-src 'none'";

let root: string;
let server: Server;
let origin: string;

beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'leviers-serve-'));
	writeFileSync(join(root, '200.html'), '<!doctype html><title>Leviers</title>');
	writeFileSync(
		join(root, 'donnees.html'),
		`<!doctype html><meta http-equiv="content-security-policy" content="${PAGE_POLICY}"><title>Données</title>`
	);
	writeFileSync(join(root, 'app.js'), 'export {};');
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

describe('security headers', () => {
	it('sends the policy of the page’s meta, with frame-ancestors, on a page', async () => {
		const page = await fetch(`${origin}/donnees`);
		expect(page.headers.get('content-security-policy')).toBe(
			`${PAGE_POLICY}; frame-ancestors 'none'`
		);
		expect(page.headers.get('x-content-type-options')).toBe('nosniff');
		expect(page.headers.get('referrer-policy')).toBe('no-referrer');
	});

	it('allows nothing from another origin for any other file, found or not', async () => {
		for (const path of ['/app.js', '/absent.js', '/%E0%A4%A']) {
			const res = await fetch(`${origin}${path}`);
			expect(res.headers.get('content-security-policy'), path).toMatch(
				/^default-src 'self'; object-src 'none'; base-uri 'self'/
			);
			expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
		}
	});
});

describe('as a plain static host (mapping: false)', () => {
	let plain: Server;
	let plainOrigin: string;
	beforeAll(async () => {
		plain = await serve({ root, port: 0, mapping: false });
		plainOrigin = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise((done) => plain.close(done)));

	it('serves files at their exact path only: no .html added, no fallback', async () => {
		expect((await fetch(`${plainOrigin}/donnees.html`)).status).toBe(200);
		expect((await fetch(`${plainOrigin}/donnees`)).status).toBe(404);
		expect((await fetch(`${plainOrigin}/campagnes/abc`)).status).toBe(404);
	});
});
