/**
 * The names the plan shows for levers and services: the content's short labels, or the id as
 * stored when this version does not know it (an imported action keeps it).
 */
import { moduleInfo, leverInfos as levers } from '$lib/domain/content/catalogue';

/** « Mutualisation », or the unknown id itself. */
export function leverName(id: string): string {
	return levers.find((l) => l.id === id)?.label ?? id;
}

/** « Déchets », or the unknown id itself. */
export function serviceName(id: string): string {
	return moduleInfo(id)?.shortTitle ?? id;
}
