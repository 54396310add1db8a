/**
 * Runs the preview of a chosen file in a worker (preview.worker.ts), so that reading, checking
 * and comparing a large file never freezes the page; in-thread where a worker cannot run (no
 * Worker in Node's tests, or a browser that cannot start a module worker).
 */
import { db } from '$lib/db/db';
import type { PreviewResult } from '$lib/db/preview';
import type { ImportPlan } from '$lib/domain/exchange/plan';
import { PlanAssembler, WORKER_FAILED, type PreviewMessage } from './plan-parts';
import { previewFile, type PreviewProgress } from './preview-file';

const startWorker = () =>
	new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module' });

/** A worker started before the file is chosen, its code loaded by then; null once failed. */
let spare: Worker | null = null;

/** Starts the next preview's worker ahead of time (the page opens: a file will come). */
export function warmUp(): void {
	if (typeof Worker === 'undefined' || spare) return;
	const worker = startWorker();
	worker.addEventListener('error', () => {
		if (spare === worker) spare = null;
	});
	spare = worker;
}

/** Ends the worker started ahead of time (the page closes). */
export function coolDown(): void {
	spare?.terminate();
	spare = null;
}

/** Progress of a preview; `share` (0–1) while the plan comes back from the worker. */
export type BackgroundProgress = PreviewProgress | { kind: 'receiving'; share: number };

/**
 * How long the page waits for a worker's first word before it takes the work back: a worker
 * that dies before it starts (killed by the browser, a script that stops itself) fires no event.
 * A live one answers in well under a second: its script is loaded ahead of time for the first
 * file (`warmUp`), and from the cache for the next ones. The work taken back runs to its end
 * even if the preview is cancelled (its result is then unused).
 */
export const FIRST_WORD_MS = 8000;

/**
 * Previews the import of `file`; when `signal` aborts, ends the worker (the result is then
 * unused; work already taken back into the page runs on).
 */
export function previewInBackground(
	file: File,
	options: { fileName: string; now: number },
	onProgress: (p: BackgroundProgress) => void,
	signal: AbortSignal
): Promise<PreviewResult> {
	const inThread = () => previewFile(db, file, options, onProgress);
	if (typeof Worker === 'undefined') return inThread();
	return new Promise((resolve) => {
		const worker = spare ?? startWorker();
		spare = null;
		const assembler = new PlanAssembler();
		let started = false;
		let ended = false;
		const end = (result: PreviewResult | (() => Promise<PreviewResult>)) => {
			if (ended) return;
			ended = true;
			clearTimeout(silence);
			worker.terminate();
			resolve(typeof result === 'function' ? result() : result);
		};
		// Silent since it was asked: the page does the work itself.
		const silence = setTimeout(() => end(inThread), FIRST_WORD_MS);
		const stopped = { message: 'Import annulé.', action: '', details: [] };
		signal.addEventListener('abort', () => end({ ok: false, problem: stopped }));
		// A worker that dies without a word (closed, killed by the browser) fires no event: the
		// lock it holds from its first message on is then released, and the page is told.
		const lock =
			typeof navigator !== 'undefined' && navigator.locks
				? `leviers-preview-${crypto.randomUUID()}`
				: undefined;
		worker.addEventListener('message', (event: MessageEvent<PreviewMessage>) => {
			const message = event.data;
			if (!started) {
				started = true;
				clearTimeout(silence);
				// Any other first message breaks the order the worker keeps.
				if (message.kind !== 'started') return end({ ok: false, problem: WORKER_FAILED });
				if (message.watched && lock)
					void navigator.locks.request(lock, () => end({ ok: false, problem: WORKER_FAILED }));
				return;
			}
			if (message.kind === 'progress') return onProgress(message.progress);
			if (message.kind === 'refused') return end({ ok: false, problem: message.problem });
			let plan: ImportPlan | null;
			try {
				plan = assembler.receive(message);
			} catch {
				return end({ ok: false, problem: WORKER_FAILED });
			}
			if (plan) end({ ok: true, plan });
			else onProgress({ kind: 'receiving', share: assembler.share });
		});
		// A message that cannot be decoded: the plan would be incomplete.
		worker.addEventListener('messageerror', () => end({ ok: false, problem: WORKER_FAILED }));
		// The worker's script could not run (an older browser): the page does the work itself.
		worker.addEventListener('error', (event) => {
			event.preventDefault();
			end(started ? { ok: false, problem: WORKER_FAILED } : inThread);
		});
		worker.postMessage({ file, ...options, lock });
	});
}
