/**
 * Which file holds each page, for the service worker. adapter-static writes the page `/donnees`
 * as `donnees.html` and the home page as `index.html`; a host that maps `/donnees` to that file
 * is not a given (a plain static host answers 404), so the worker caches the files under their
 * own names and answers navigations from them.
 */

/** The file adapter-static writes for a prerendered page (trailing slash 'never'). */
export function pageFile(path: string): string {
	const bare = path.replace(/\/+$/, '');
	if (bare === '') return '/index.html';
	return bare.endsWith('.html') ? bare : `${bare}.html`;
}

/** The cached files that may answer a navigation to `pathname`, best first. */
export function navigationFiles(pathname: string, fallback: string): string[] {
	return [...new Set([pageFile(pathname), `${pathname.replace(/\/+$/, '')}/index.html`, fallback])];
}
