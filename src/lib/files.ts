/**
 * Files in the browser: downloading a generated file, and reading a chosen one as UTF-8 text
 * with progress (a large file shows how far it is).
 */

/** A generated file, ready to download. */
export interface GeneratedFile {
	name: string;
	text: string;
	/** MIME type, e.g. "application/json". */
	type: string;
	/** Runs once the file was handed to the browser (a backup then records its time). */
	downloaded?: () => Promise<unknown>;
}

/** Offers the file to the browser's downloads. */
export function download(file: GeneratedFile): void {
	const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = file.name;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	// Revoking at once can cancel the download in some browsers.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Thrown when a file is not valid UTF-8 text (an image, a PDF, a spreadsheet in another encoding). */
export class NotTextError extends Error {
	override name = 'NotTextError';
}

/** Reads a file as UTF-8 text, reporting the bytes read so far. */
export async function readText(
	file: Blob,
	onProgress?: (loaded: number, total: number) => void
): Promise<string> {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	const reader = file.stream().getReader();
	const parts: string[] = [];
	let loaded = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			loaded += value.byteLength;
			parts.push(decoder.decode(value, { stream: true }));
			onProgress?.(loaded, file.size);
		}
		parts.push(decoder.decode());
	} catch (e) {
		if (e instanceof TypeError) throw new NotTextError('not UTF-8', { cause: e });
		throw e;
	}
	return parts.join('');
}
