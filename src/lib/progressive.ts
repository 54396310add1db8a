/**
 * Long pages drawn in two steps (issue 16: the filling page's first question sooner): what a
 * fresh visit sees first, then the rest right after the first paint. Never when the browser or
 * SvelteKit will scroll the page to a place further down (Back or Forward, a reload, a link to
 * an anchor): that scroll happens once, right after the first draw, and must find the page whole.
 */
import { navigating } from '$app/state';

export { afterFirstPaint } from './after-paint';

/** Whether this page must be drawn at once: a scroll to restore or an anchor to reach. */
export function drawAtOnce(): boolean {
	if (typeof window === 'undefined') return true;
	if (location.hash) return true;
	// A client-side navigation under way: Back and Forward restore a scroll position.
	if (navigating.type) return navigating.type === 'popstate';
	// The document's own load (kept for its whole life: later navigations draw at once if it was a
	// reload or a Back, which costs time only).
	const entry = performance.getEntriesByType?.('navigation')[0] as
		PerformanceNavigationTiming | undefined;
	return entry?.type !== 'navigate';
}
