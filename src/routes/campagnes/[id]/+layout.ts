// Campaign pages exist only on the user's device: the fallback page serves them.
export const prerender = false;
