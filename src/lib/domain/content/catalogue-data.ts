/**
 * The light catalogue of the questionnaires (issue 16): what the home page and the lists show of
 * each module (titles, version, counts, announced time), without the questions. It is computed at
 * build time from questionnaires/*.json by the `leviers-catalogue` Vite plugin
 * (scripts/vite-catalogue.ts) with this function, so it can never drift from the content.
 * Relative imports only: the Vite config imports this file before any alias exists.
 */
import { announcedMinutes, moduleSize, type ModuleSize } from './module-size';
import {
	moduleQuestions,
	type Lever,
	type LeverId,
	type Module,
	type ModuleId
} from './questionnaire';

/** What the lists show of a module. */
export interface ModuleInfo {
	id: ModuleId;
	version: number;
	title: string;
	/** Short name of the service (legends, matrix, plan). */
	shortTitle: string;
	size: ModuleSize;
	/** Every question (practice, obligation and cooperation). */
	questions: number;
	/** The announced time, in minutes. */
	minutes: number;
}

/** What the lists show of a lever. */
export interface LeverInfo {
	id: LeverId;
	label: string;
}

/** The catalogue: the seven modules in display order and the nine levers in radar order. */
export interface Catalogue {
	modules: ModuleInfo[];
	levers: LeverInfo[];
}

/** Builds the catalogue from the full content. */
export function buildCatalogue(modules: readonly Module[], levers: readonly Lever[]): Catalogue {
	return {
		modules: modules.map((m) => ({
			id: m.id,
			version: m.version,
			title: m.title,
			shortTitle: m.shortTitle,
			size: moduleSize(m),
			questions: moduleQuestions(m).length,
			minutes: announcedMinutes(m)
		})),
		levers: levers.map((l) => ({ id: l.id, label: l.label }))
	};
}
