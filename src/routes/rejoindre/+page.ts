// Joining writes to IndexedDB and reads the link's fragment: rendered in the browser only.
export const ssr = false;
export const prerender = false;
