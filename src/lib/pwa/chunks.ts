/**
 * The scripts a built script loads by a relative address, for the service worker: Kit's list of
 * the build misses the files of web workers (the import's preview worker), which only the
 * script that starts them names.
 */

/** The absolute paths of the scripts that `text`, the script at path `from`, names relatively. */
export function referencedScripts(text: string, from: string): string[] {
	const base = new URL(from, 'http://base');
	const found = new Set<string>();
	for (const m of text.matchAll(/["'`](\.\.?\/[^"'`\s]+\.js)["'`]/g))
		found.add(new URL(m[1]!, base).pathname);
	return [...found];
}
