/**
 * The import page's worker: reads a chosen file, checks it and compares it with the device's
 * database off the page's main thread, then sends the plan back in parts (plan-parts.ts).
 * One worker per file; the page ends it once the plan is received.
 */
import { db } from '$lib/db/db';
import type { PreviewMessage, PreviewRequest } from './plan-parts';
import { previewMessages, WORKER_FAILED } from './plan-parts';
import { previewFile } from './preview-file';

const post = (message: PreviewMessage) => self.postMessage(message);

self.addEventListener('message', (event: MessageEvent<PreviewRequest>) => {
	const { file, fileName, now, lock } = event.data;
	// Taken before the first message and held until the worker ends (see preview-client.ts).
	const held = new Promise<void>((granted) => {
		const start = (watched: boolean) => {
			post({ kind: 'started', watched });
			granted();
		};
		if (!lock) return start(false);
		self.navigator.locks
			.request(lock, () => {
				// Told only now that the lock is held: the page then watches it, with no moment
				// left in which the worker could die unnoticed.
				start(true);
				return new Promise<never>(() => {});
			})
			// A lock refused (a browser's quirk): the work goes on, and the page is told it
			// cannot watch this worker (it would take the free lock for the worker's death).
			.catch(() => start(false));
	});
	void held
		.then(() =>
			previewFile(db, file, { fileName, now }, (progress) => post({ kind: 'progress', progress }))
		)
		.then((result) => {
			for (const message of previewMessages(result)) post(message);
		})
		// Cutting or sending the plan failed (a stack overflow, a value that cannot be cloned): a
		// rejection here is never reported to the page, which would wait for the plan forever.
		.catch(() => post({ kind: 'refused', problem: WORKER_FAILED }));
});
