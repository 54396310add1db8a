/**
 * The preview of a chosen file, from its bytes to the plan: read as text (with progress), check,
 * compare with the device. Runs in the import page's worker (preview.worker.ts), so that a large
 * file never freezes the page; in-thread where there is no Worker (unit tests in Node).
 */
import type { LeviersDB } from '$lib/db/db';
import { describeStorageError } from '$lib/db/errors';
import { previewImport, type PreviewResult } from '$lib/db/preview';
import { loadModules } from '$lib/domain/content/load';
import { PROBLEMS } from '$lib/domain/exchange/problems';
import { NotTextError, readText } from '$lib/files';

/** What a preview reports while it runs: bytes read, then the check of the text. */
export type PreviewProgress =
	{ kind: 'reading'; loaded: number; total: number } | { kind: 'checking' };

/** Reads `file` and previews its import against `db`; never throws, writes nothing. */
export async function previewFile(
	db: LeviersDB,
	file: Blob,
	options: { fileName: string; now: number },
	onProgress: (p: PreviewProgress) => void
): Promise<PreviewResult> {
	try {
		const text = await readText(file, (loaded, total) =>
			onProgress({ kind: 'reading', loaded, total })
		);
		onProgress({ kind: 'checking' });
		return await previewImport(db, text, { ...options, modules: await loadModules() });
	} catch (e) {
		if (e instanceof NotTextError) return { ok: false, problem: PROBLEMS.notText() };
		const p = describeStorageError(e);
		return {
			ok: false,
			problem: { message: 'Le fichier n’a pas pu être lu.', action: p.action, details: [] }
		};
	}
}
