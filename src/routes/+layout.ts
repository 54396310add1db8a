// The app runs entirely in the browser (answers live in IndexedDB); pages are prerendered as
// empty shells where their URLs are known, and the fallback page serves the others.
export const ssr = false;
export const prerender = true;
