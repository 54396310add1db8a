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
		if (!lock) return granted();
		// A lock refused (a browser's quirk): the work goes on, unwatched, rather than never starting.
		self.navigator.locks
			.request(lock, () => {
				// Told at once: the page watches the lock from the worker's first message on, so no
				// moment is left in which the worker could die unnoticed.
				post({ kind: 'progress', progress: { kind: 'reading', loaded: 0, total: file.size } });
				granted();
				return new Promise<never>(() => {});
			})
			.catch(() => granted());
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
