/**
 * The questions, loaded per module (issue 16): each questionnaire is a chunk of its own, fetched
 * the first time a page needs it (the service worker precaches every chunk, so this works
 * offline) and kept for the rest of the visit. Pages load what they show in their `load`
 * function or their state before rendering; components then read it with `getModule`.
 */
import { questionnaireFiles } from './files';
import { MODULE_IDS, type Lever, type Module, type ModuleId } from './questionnaire';

const files: Record<ModuleId, () => Promise<{ default: unknown }>> = questionnaireFiles;

/** A questionnaire that could not be fetched (an update half-installed, a chunk missing). */
export class ContentLoadError extends Error {
	constructor(id: string, cause: unknown) {
		super(
			`Le questionnaire «\u202f${id}\u202f» n’a pas pu être chargé. Rechargez la page\u202f; ` +
				'si le problème persiste, l’application est peut-être en cours de mise à jour.',
			{ cause }
		);
		this.name = 'ContentLoadError';
	}
}

const loaded = new Map<ModuleId, Module>();
const pending = new Map<ModuleId, Promise<Module>>();

/** Loads one questionnaire (once per visit). */
export function loadModule(id: ModuleId): Promise<Module> {
	const done = loaded.get(id);
	if (done) return Promise.resolve(done);
	let p = pending.get(id);
	if (!p) {
		p = files[id]().then(
			(m) => {
				const module = m.default as Module;
				loaded.set(id, module);
				pending.delete(id);
				return module;
			},
			(e: unknown) => {
				pending.delete(id);
				throw new ContentLoadError(id, e);
			}
		);
		pending.set(id, p);
	}
	return p;
}

/** Loads the named questionnaires (unknown ids ignored), in display order. */
export async function loadModules(ids: readonly string[] = MODULE_IDS): Promise<Module[]> {
	const wanted = MODULE_IDS.filter((id) => ids.includes(id));
	return Promise.all(wanted.map(loadModule));
}

/** The questionnaire as the scoring engine takes it, with the named modules (all by default). */
export async function loadQuestionnaire(
	ids: readonly string[] = MODULE_IDS
): Promise<{ modules: Module[]; levers: Lever[] }> {
	// The levers' texts (3.8 kB) are a chunk of their own too: the home page does not need them.
	const [modules, { levers }] = await Promise.all([loadModules(ids), import('./levers')]);
	return { modules, levers };
}

/**
 * A questionnaire already loaded in this visit, or undefined: for components of a page whose
 * `load` (or state) loaded it first.
 */
export function getModule(id: string): Module | undefined {
	return loaded.get(id as ModuleId);
}

/** The questionnaires already loaded in this visit, in display order. */
export function loadedModules(): Module[] {
	return MODULE_IDS.flatMap((id) => loaded.get(id) ?? []);
}
