// The hub's address and password are typed into this page and kept in its memory only: rendered
// in the browser, nothing of it is prerendered beyond the empty shell.
export const ssr = false;
