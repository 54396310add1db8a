/**
 * The printed page of the report: A4 margins and, in the page margins, the authority and the
 * campaign (top left), the date (top right) and the page number (bottom right). The text is the
 * campaign's, possibly from an imported file: it is written as a CSS string in which every
 * character outside a small safe set is a hex escape, and the rule is added as a constructed
 * style sheet (CSSOM), not as a <style> element, which the Content-Security-Policy forbids.
 */
import type { Attachment } from 'svelte/attachments';

/** Characters that mean nothing in a CSS string: they are written as they are. */
const SAFE = /^[\p{L}\p{N} ]$/u;

/**
 * A CSS string literal holding any text. Every character but letters, digits and the space is
 * written as a hex escape (`\d ` for a carriage return), so no quote, backslash, newline (LF, CR,
 * FF), brace, `<` or `;` can end the string or the rule, whatever the text holds. The space after
 * each escape ends it: a space that follows in the text is kept.
 */
export function cssString(text: string): string {
	let out = '"';
	for (const char of text) {
		out += SAFE.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `;
	}
	return `${out}"`;
}

/** The @page rule of the report. */
export function pageRule(header: string, date: string): string {
	const box = 'font: 9pt system-ui, sans-serif; color: #1b2a26;';
	return `@page {
	size: A4;
	margin: 18mm 14mm 16mm;
	@top-left { content: ${cssString(header)}; ${box} }
	@top-right { content: ${cssString(date)}; ${box} }
	@bottom-right { content: "Page " counter(page) " / " counter(pages); ${box} }
}`;
}

/** Attachment: adds the report's @page rule and the `rapport` class on <body> while mounted. */
export function printPage(header: () => string, date: () => string): Attachment {
	return () => {
		const sheet = new CSSStyleSheet();
		sheet.replaceSync(pageRule(header(), date()));
		document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
		document.body.classList.add('rapport');
		return () => {
			document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
			document.body.classList.remove('rapport');
		};
	};
}
