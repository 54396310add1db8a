/**
 * Version 4 of the exchange file: the layout of version 5 (format.ts) before the plan d'action.
 * Still read: migrateV4 turns it into version 5 with no actions.
 */
import * as v from 'valibot';
import { PlanlessEnvelopeSchema } from './format';

/** A file of version 4, its diagnostics not yet checked. */
export const V4EnvelopeSchema = v.object({
	...PlanlessEnvelopeSchema.entries,
	version: v.literal(4)
});

/** A file of version 4 whose diagnostics have been checked (or set aside) one by one. */
export type V4File<D> = Omit<v.InferOutput<typeof V4EnvelopeSchema>, 'diagnostics'> & {
	diagnostics: D[];
};

/** Version 4 → version 5: the same data and an empty list of actions. */
export function migrateV4<D>(file: V4File<D>): unknown {
	return { ...file, version: 5, actions: [] };
}
