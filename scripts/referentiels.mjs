// Rebuilds questionnaires/referentiels/{eci,te}.json, the compact copies of the structure of two
// ADEME référentiels (Territoire Engagé Transition Écologique), from a copy of the public repository
// incubateur-ademe/territoires-en-transitions (questionnaires/referentiels/README.md).
//
//   node scripts/referentiels.mjs <checkout> [--read-on AAAA-MM-JJ] [--out <dir>]
//
// <checkout> is a work tree of that repository or its git directory (a bare or mirror clone: the
// files are then read at HEAD with `git show`). The script reads the structure CSV files the
// repository's backend imports (the same columns as ADEME's spreadsheets) and its LICENSE, keeps
// for each measure only its id, parent, level, title and points (plus, for « TE », its labels and
// the ECi/CAE measures it comes from), and writes the JSON formatted by the project's Prettier.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import * as prettier from 'prettier';

export const REPOSITORY = 'https://github.com/incubateur-ademe/territoires-en-transitions';
export const SAMPLES = 'apps/backend/src/referentiels/import-referentiel/samples';

/**
 * The two référentiels: their id (the prefix of every measure id), their name and their levels
 * below the référentiel itself (`hierarchie` of the repository's referentiel_definition).
 */
export const REFERENTIELS = {
	eci: {
		name: 'Économie circulaire',
		file: `${SAMPLES}/referentiel-eci-structure.csv`,
		levels: ['axe', 'action', 'sous-action', 'tache']
	},
	te: {
		name: 'Climat Ressources (référentiel « TE », fusion des référentiels Climat-Air-Énergie et Économie circulaire)',
		file: `${SAMPLES}/referentiel-te-structure.csv`,
		levels: ['axe', 'sous-axe', 'action', 'sous-action', 'tache']
	}
};

/** "26,0" → 26; "" → undefined. */
function number(text) {
	const t = (text ?? '').trim();
	if (!t) return undefined;
	const n = Number(t.replace(',', '.'));
	if (Number.isNaN(n)) throw new Error(`nombre illisible : « ${text} »`);
	return n;
}

/** The value of a column whatever its case ("Identifiant" or "identifiant"). */
function column(row, name) {
	const key = Object.keys(row).find((k) => k.toLowerCase() === name.toLowerCase());
	return key === undefined ? undefined : row[key];
}

/**
 * The measures a « TE » measure comes from, as the repository's importer reads the column
 * Origine: one id per line, an optional weight in brackets, « Nouvelle action » for a new one.
 */
export function parseOrigine(text) {
	const t = (text ?? '').trim().toLowerCase();
	if (!t || t.startsWith('nouvelle')) return [];
	return [...new Set(t.split('\n').map((part) => part.split('(')[0].trim()))].filter(Boolean);
}

/** The items of one référentiel from the text of its structure CSV. */
export function buildItems(referentielId, csvText) {
	const { levels } = REFERENTIELS[referentielId];
	const rows = parse(csvText, { columns: true, bom: true, skip_empty_lines: true });
	const items = [];
	const seen = new Set();
	for (const row of rows) {
		const identifiant = (column(row, 'identifiant') ?? '').trim();
		if (!identifiant) continue;
		const id = `${referentielId}_${identifiant}`;
		// The repository's importer keeps the first row of an id: so does this copy.
		if (seen.has(id)) continue;
		seen.add(id);
		const parts = identifiant.split('.');
		const level = levels[parts.length - 1];
		if (!level) throw new Error(`${id} : niveau ${parts.length} inconnu`);
		const item = {
			id,
			parent: parts.length > 1 ? `${referentielId}_${parts.slice(0, -1).join('.')}` : null,
			level,
			title: (column(row, 'nom') ?? '').replace(/\s+/g, ' ').trim()
		};
		const points = number(column(row, 'points'));
		if (points !== undefined) item.points = points;
		const percent = number(column(row, 'pourcentage'));
		if (percent !== undefined) item.percent = percent;
		const labels = (column(row, 'labels') ?? '')
			.split(',')
			.map((l) => l.trim())
			.filter(Boolean);
		if (labels.length) item.labels = labels;
		const origine = parseOrigine(column(row, 'origine'));
		if (origine.length) item.origine = origine;
		items.push(item);
	}
	return items;
}

/** Reads files of the checkout: from the work tree if there is one, else from git at HEAD. */
function reader(checkout) {
	const worktree = existsSync(join(checkout, SAMPLES));
	const git = (...args) =>
		execFileSync('git', [worktree ? '-C' : '--git-dir', checkout, ...args], {
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024
		});
	return {
		read: (path) =>
			worktree ? readFileSync(join(checkout, path), 'utf8') : git('show', `HEAD:${path}`),
		commit: () => git('rev-parse', 'HEAD').trim()
	};
}

async function main(argv) {
	const args = [...argv];
	const option = (name, fallback) => {
		const i = args.indexOf(name);
		if (i < 0) return fallback;
		const [, value] = args.splice(i, 2);
		return value;
	};
	const readOn = option('--read-on', new Date().toISOString().slice(0, 10));
	const out = option('--out', 'questionnaires/referentiels');
	const [checkout] = args;
	if (!checkout) {
		console.error(
			'usage : node scripts/referentiels.mjs <checkout> [--read-on AAAA-MM-JJ] [--out <dir>]'
		);
		process.exit(2);
	}
	const { read, commit } = reader(checkout);
	const sha = commit();
	const license = read('LICENSE');
	const firstLines = license.split('\n').filter((l) => l.trim());
	const licence = `${firstLines[0].trim()} — ${firstLines[1].trim()} (texte complet : LICENSE, copié de la racine du dépôt)`;
	mkdirSync(out, { recursive: true });
	writeFileSync(join(out, 'LICENSE'), license);
	const config = (await prettier.resolveConfig(join(out, 'x.json'))) ?? {};
	for (const [id, def] of Object.entries(REFERENTIELS)) {
		const items = buildItems(id, read(def.file));
		const copy = {
			origin: { repository: REPOSITORY, path: def.file, commit: sha, read_on: readOn },
			licence,
			referentiel: { id, name: def.name, levels: def.levels },
			items
		};
		const text = await prettier.format(JSON.stringify(copy), { ...config, parser: 'json' });
		writeFileSync(join(out, `${id}.json`), text);
		const counts = def.levels.map((l) => `${items.filter((i) => i.level === l).length} ${l}`);
		console.log(
			`${join(out, `${id}.json`)} : ${counts.join(', ')} (${Buffer.byteLength(text)} octets)`
		);
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
