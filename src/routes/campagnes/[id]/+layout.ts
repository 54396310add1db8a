// Campaign pages exist only on the user's device: the fallback page serves them, and they are
// rendered in the browser only.
export const prerender = false;
export const ssr = false;
