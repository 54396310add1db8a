/** What waits for the browser's next paint (issue 16: the first question sooner). */

/** Runs `callback` once the browser has painted what is drawn now; returns its cancellation. */
export function afterFirstPaint(callback: () => void): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const frame = requestAnimationFrame(() => (timer = setTimeout(callback)));
	return () => {
		cancelAnimationFrame(frame);
		clearTimeout(timer);
	};
}
