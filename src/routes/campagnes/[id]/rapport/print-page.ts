/**
 * The printed page of the report: A4 margins and, in the page margins, the authority and the
 * campaign (top left), the date (top right) and the page number (bottom right). The text is the
 * campaign's, so the rule is written into a <style> element that lives as long as the report.
 */
import type { Attachment } from 'svelte/attachments';

/** A CSS string literal holding any text. */
function cssString(text: string): string {
	return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\A ')}"`;
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
		const style = document.createElement('style');
		style.textContent = pageRule(header(), date());
		document.head.append(style);
		document.body.classList.add('rapport');
		return () => {
			style.remove();
			document.body.classList.remove('rapport');
		};
	};
}
