/**
 * The nine levers with their texts (description, actions, source): pages that explain levers
 * load them (3.8 kB compressed); pages that only name them use the catalogue's labels.
 */
import leversFile from '../../../../questionnaires/levers.json';
import type { Lever, LeverId } from './questionnaire';

/** The nine levers, in radar order. */
export const levers: Lever[] = leversFile.levers as Lever[];

/** Looks up a lever by id; every LeverId exists (checked by the content tests). */
export function getLever(id: LeverId): Lever {
	return levers.find((l) => l.id === id)!;
}
