// A form that writes to IndexedDB: rendered in the browser only, so that nothing can be typed
// into it before it is live.
export const ssr = false;
