// Runs every bench/*.bench.ts: each is bundled with esbuild (so it can import the TypeScript
// domain and the JSON content) and must export `run(): Promise<Figure[]>`, where a Figure is
// { name, median, p95?, budget, on: 'median' | 'p95', unit? }. Prints one line per figure and
// exits 1 when any budget is missed. Browser benches build and serve the app themselves.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const only = process.argv.slice(2);
const files = readdirSync(join(root, 'bench'))
	.filter((f) => f.endsWith('.bench.ts'))
	.filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
	.sort();
// Bundles are written inside node_modules so that the packages left external (valibot…)
// resolve from them as they do from the sources; a system temp folder would not find them.
const cache = join(root, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const out = mkdtempSync(join(cache, 'leviers-bench-'));
let over = 0;
// The light catalogue Vite builds (scripts/vite-catalogue.ts), made here from the full content.
const catalogue = {
	name: 'leviers-catalogue',
	setup(b) {
		b.onResolve({ filter: /^virtual:leviers-catalogue$/ }, () => ({
			path: 'catalogue',
			namespace: 'leviers'
		}));
		b.onLoad({ filter: /.*/, namespace: 'leviers' }, () => ({
			contents: `import { buildCatalogue } from './src/lib/domain/content/catalogue-data';
import { levers, modules } from './src/lib/domain/content/content';
export default buildCatalogue(modules, levers);`,
			resolveDir: root,
			loader: 'ts'
		}));
	}
};
const fmt = (n) => (n === undefined ? '-' : `${n < 10 ? n.toFixed(3) : n.toFixed(1)}`);
try {
	for (const file of files) {
		const outfile = join(out, file.replace(/\.ts$/, '.mjs'));
		await build({
			entryPoints: [join(root, 'bench', file)],
			outfile,
			bundle: true,
			platform: 'node',
			format: 'esm',
			packages: 'external',
			logLevel: 'error',
			plugins: [catalogue]
		});
		const { run } = await import(pathToFileURL(outfile).href);
		for (const f of await run()) {
			const measured = f.on === 'p95' ? f.p95 : f.median;
			const ok = measured <= f.budget;
			if (!ok) over++;
			const unit = f.unit ?? 'ms';
			console.log(
				`${f.name}  median ${fmt(f.median)} ${unit}  p95 ${fmt(f.p95)}${f.p95 === undefined ? '' : ' ' + unit}  budget ${f.on} ≤ ${f.budget} ${unit}  ${ok ? 'ok' : 'OVER BUDGET'}`
			);
		}
	}
} finally {
	rmSync(out, { recursive: true, force: true });
}
process.exit(over > 0 ? 1 : 0);
