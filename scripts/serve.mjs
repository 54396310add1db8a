// A small static server for the built app (build/): files as they are, prerendered pages
// without their .html, and the SPA fallback (200.html) for every other route. Used by
// `npm start`, by the end-to-end tests (which stop it to test offline use) and the benchmarks.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGzip } from 'node:zlib';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.woff2': 'font/woff2'
};

/**
 * The Content-Security-Policy of every response that is not a page: nothing from another origin
 * (this covers the service worker, whose policy is the header of its script).
 */
const BASE_POLICY = "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

/**
 * The policy of a page: the one Kit wrote in its <meta http-equiv> (with the hashes of its inline
 * scripts), plus what only a header can say: no framing by another site.
 */
function pagePolicy(file) {
	const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(
		readFileSync(file, 'utf8')
	);
	return `${meta?.[1] ?? BASE_POLICY}; frame-ancestors 'none'`;
}

/** Sent with every response: no guessing of types, no address given to other sites. */
const SECURITY_HEADERS = {
	'content-security-policy': BASE_POLICY,
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'no-referrer'
};

/** The decoded path of a request; null when the address is malformed (e.g. `/%E0%A4%A`). */
function requestPath(url) {
	try {
		return decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname);
	} catch {
		return null;
	}
}

function resolveFile(root, pathname, mapping) {
	const clean = normalize(pathname).replace(/^(\.\.[/\\])+/, '');
	const base = join(root, clean);
	if (!base.startsWith(root)) return null;
	const candidates = mapping ? [base, `${base}.html`, join(base, 'index.html')] : [base];
	if (!mapping && pathname.endsWith('/')) candidates.push(join(base, 'index.html'));
	for (const candidate of candidates) {
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	}
	return null;
}

/**
 * Starts the server; resolves with the node http.Server once it listens. With `mapping: false`
 * it is a plain static host (files at their exact path, `index.html` for a folder, 404 for
 * anything else): the tests check that the app still works offline from such a host.
 * @param {{ root?: string, port?: number, host?: string, mapping?: boolean }} [options]
 */
export function serve({ root = 'build', port = 4173, host = '127.0.0.1', mapping = true } = {}) {
	const dir = resolve(root);
	if (!existsSync(join(dir, '200.html'))) {
		throw new Error(
			`Aucune application construite dans ${dir} : lancez d'abord « npm run build ».`
		);
	}
	const server = createServer((req, res) => {
		const pathname = requestPath(req.url);
		if (pathname === null) {
			res.writeHead(400, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
			res.end('Adresse invalide');
			return;
		}
		let file = resolveFile(dir, pathname, mapping);
		const missingAsset = !file && (pathname.startsWith('/_app/') || extname(pathname));
		if (missingAsset || (!file && !mapping)) {
			res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
			res.end('Fichier introuvable');
			return;
		}
		file ??= join(dir, '200.html');
		const immutable = pathname.startsWith('/_app/immutable/');
		const type = TYPES[extname(file)] ?? 'application/octet-stream';
		// Text is sent compressed, as any real host would: it is most of the app's weight.
		const gzip =
			/text|javascript|json|svg|manifest/.test(type) &&
			/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
		res.writeHead(200, {
			...SECURITY_HEADERS,
			'content-security-policy': extname(file) === '.html' ? pagePolicy(file) : BASE_POLICY,
			'content-type': type,
			'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
			vary: 'accept-encoding',
			...(gzip ? { 'content-encoding': 'gzip' } : {})
		});
		if (req.method === 'HEAD') {
			res.end();
			return;
		}
		// A file that cannot be read after all ends this response, not the server.
		const stream = createReadStream(file).on('error', () => res.destroy());
		if (gzip) stream.pipe(createGzip()).pipe(res);
		else stream.pipe(res);
	});
	return new Promise((ok, fail) => {
		server.once('error', fail);
		server.listen(port, host, () => ok(server));
	});
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const arg = process.argv.indexOf('--port');
	const port = Number(arg > 0 ? process.argv[arg + 1] : (process.env.PORT ?? 4173));
	try {
		await serve({ port });
		console.log(`Leviers est servi sur http://127.0.0.1:${port}/ (Ctrl+C pour arrêter)`);
	} catch (e) {
		console.error(e instanceof Error ? e.message : e);
		process.exit(1);
	}
}
