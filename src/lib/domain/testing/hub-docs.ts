/**
 * The documents of a region's hub for tests and benchmarks: many variants of the example
 * campaign (example/example.ts), each exported and cut into sync documents as a device would
 * replicate it. Pure, so that a unit test, a benchmark and an end-to-end test build the same.
 */
import type { Module } from '../content/questionnaire';
import { buildExampleCampaign, type ExampleCampaign } from '../example/example';
import { buildExport } from '../exchange/write';
import { toSyncDocs, type SyncDoc } from '../sync/documents';

/** The sync documents of one campaign of the example kind. */
export function campaignDocs(example: ExampleCampaign, now: number): SyncDoc[] {
	return toSyncDocs(
		buildExport({
			scope: 'campaign',
			campaigns: [example.campaign],
			diagnostics: example.diagnostics.map((d) => ({ ...d, answers: Object.values(d.answers) })),
			device: 'appareil-test',
			app: { name: 'Leviers', version: 'test' },
			now
		})
	);
}

/**
 * `count` authorities, « Commune test n » (n from 1), each an example variant of seed n with
 * ids of its own; returned with their documents, in authority order.
 */
export function exampleRegion(
	modules: readonly Module[],
	count: number,
	now = Date.UTC(2026, 2, 20)
): { examples: ExampleCampaign[]; docs: SyncDoc[] } {
	const examples = Array.from({ length: count }, (_, i) =>
		buildExampleCampaign(modules, { seed: i + 1, authority: `Commune test ${i + 1}`, now })
	);
	return { examples, docs: examples.flatMap((e) => campaignDocs(e, now)) };
}
