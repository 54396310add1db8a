// Checks two rules of the layout of src/ (docs/architecture.md): no import cycle between its
// modules, and no file over 300 lines. Prints each breach and exits 1 if there is one.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const MAX_LINES = 300;
const root = 'src';

/** Every .ts and .svelte file under `dir`. */
function walk(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return walk(path);
		return /\.(ts|svelte)$/.test(name) ? [path] : [];
	});
}

const IMPORT =
	/(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The file an import specifier names, or null for a package or a file outside src. */
function resolveImport(spec, from) {
	let base;
	if (spec.startsWith('$lib/')) base = join('src/lib', spec.slice(5));
	else if (spec.startsWith('.')) base = normalize(join(dirname(from), spec));
	else return null;
	for (const ext of ['', '.ts', '.svelte.ts', '.js', '/index.ts'])
		if (existsSync(base + ext) && statSync(base + ext).isFile()) return base + ext;
	return null;
}

const files = walk(root);
const problems = [];
const graph = new Map();
for (const file of files) {
	const text = readFileSync(file, 'utf8');
	const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
	if (lines > MAX_LINES) problems.push(`${file} : ${lines} lignes (au plus ${MAX_LINES})`);
	const deps = new Set();
	for (const m of text.matchAll(IMPORT)) {
		// Type-only imports vanish at build time but still tie modules together: they count.
		const target = resolveImport(m[1] ?? m[2], file);
		if (target && target.startsWith(root)) deps.add(target);
	}
	graph.set(file, deps);
}

// Depth-first search; a back edge closes a cycle.
const state = new Map();
const stack = [];
const cycles = new Set();
function visit(file) {
	state.set(file, 'open');
	stack.push(file);
	for (const dep of graph.get(file) ?? []) {
		if (state.get(dep) === 'open') {
			const cycle = stack.slice(stack.indexOf(dep)).concat(dep);
			cycles.add(cycle.map((f) => relative(root, f)).join(' → '));
		} else if (!state.has(dep)) visit(dep);
	}
	stack.pop();
	state.set(file, 'done');
}
for (const file of files) if (!state.has(file)) visit(file);
for (const c of cycles) problems.push(`cycle d’imports : ${c}`);

// Issue 16: pages load the questions per module (content/load.ts) and list modules from the
// light catalogue; the whole content is for tests, benches and the migration (loaded lazily).
const FULL_CONTENT = join(root, 'lib/domain/content/content.ts');
const MAY_IMPORT_FULL = new Set(
	['lib/domain/migration/shipped.ts', 'lib/db/test-devices.ts'].map((f) => join(root, f))
);
for (const [file, deps] of graph)
	if (deps.has(FULL_CONTENT) && !/\.test\.ts$/.test(file) && !MAY_IMPORT_FULL.has(file))
		problems.push(
			`${file} : importe tout le contenu (content.ts)\u202f; utiliser catalogue.ts ou load.ts`
		);

if (problems.length) {
	console.error(problems.join('\n'));
	process.exit(1);
}
console.log(
	`src : ${files.length} fichiers, aucun cycle d’imports, aucun fichier de plus de ${MAX_LINES} lignes`
);
