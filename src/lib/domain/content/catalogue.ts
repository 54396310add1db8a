/**
 * The light catalogue of the questionnaires, for pages that list modules without showing their
 * questions (home, lists, legends, names in tables): about 1 kB instead of the ~60 kB of the
 * content. The questions themselves are loaded per module by load.ts.
 */
import data from 'virtual:leviers-catalogue';
import type { Catalogue, LeverInfo, ModuleInfo } from './catalogue-data';
import type { ModuleId } from './questionnaire';

export type { LeverInfo, ModuleInfo } from './catalogue-data';

const built = data as Catalogue;

/** The seven modules, in display order. */
export const catalogue: readonly ModuleInfo[] = built.modules;

/** The nine levers (id and radar label), in radar order. */
export const leverInfos: readonly LeverInfo[] = built.levers;

/** Looks up a module of the catalogue by id. */
export function moduleInfo(id: string): ModuleInfo | undefined {
	return catalogue.find((m) => m.id === id);
}

/** Whether a string is one of the seven module ids. */
export function isModuleId(id: string): id is ModuleId {
	return catalogue.some((m) => m.id === id);
}

/** The short name of a service, or its id when this version does not know it. */
export function serviceName(id: string): string {
	return moduleInfo(id)?.shortTitle ?? id;
}

/** The radar label of a lever, or its id when this version does not know it. */
export function leverLabel(id: string): string {
	return leverInfos.find((l) => l.id === id)?.label ?? id;
}
