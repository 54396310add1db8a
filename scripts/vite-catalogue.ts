/**
 * A Vite plugin serving `virtual:leviers-catalogue`: the light catalogue of the questionnaires
 * (src/lib/domain/content/catalogue-data.ts), computed from questionnaires/*.json at build time,
 * so that a page showing lists does not load the questions (issue 16).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildCatalogue } from '../src/lib/domain/content/catalogue-data';
import { MODULE_IDS, type Lever, type Module } from '../src/lib/domain/content/questionnaire';

const ID = 'virtual:leviers-catalogue';
const RESOLVED = '\0' + ID;
const dir = resolve(import.meta.dirname, '..', 'questionnaires');
const files = [...MODULE_IDS.map((id) => `${id}.json`), 'levers.json'];

/** The plugin. */
export function catalogue(): Plugin {
	return {
		name: 'leviers-catalogue',
		resolveId: (id) => (id === ID ? RESOLVED : undefined),
		load(id) {
			if (id !== RESOLVED) return;
			for (const f of files) this.addWatchFile(join(dir, f));
			const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
			const modules = MODULE_IDS.map((m) => read(`${m}.json`) as Module);
			const levers = read('levers.json').levers as Lever[];
			return `export default ${JSON.stringify(buildCatalogue(modules, levers))};`;
		}
	};
}
