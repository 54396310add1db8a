/**
 * CSV as French Excel opens it without an import wizard: `;` between fields, UTF-8 with a byte
 * order mark, CRLF line ends, every field quoted with its quotes doubled, and cells that a
 * spreadsheet would run as a formula neutralised.
 */

/** Field separator of French spreadsheets (the comma is their decimal mark). */
const CSV_SEPARATOR = ';';

/** Byte order mark: tells Excel the file is UTF-8 (it would otherwise read it as Windows-1252). */
export const CSV_BOM = '\uFEFF';

/** A cell: text, a number already formatted, or empty. */
export type CsvCell = string | null;

// A spreadsheet runs a cell beginning with one of these as a formula (CSV injection): a control
// character, or a formula sign, possibly its full-width form, possibly after blanks (spaces,
// no-break spaces, a byte order mark, line breaks) that some spreadsheets skip.
const FORMULA_START = /^[\t\r\n]|^[\s\u00a0\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

/** Neutralises a formula: a leading apostrophe makes the spreadsheet show the text as is. */
export function neutralise(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field, quoted, its quotes doubled, a formula neutralised. */
function csvField(cell: CsvCell): string {
	return `"${neutralise(cell ?? '').replace(/"/g, '""')}"`;
}

/** The whole file: BOM, then one CRLF-terminated line per row. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
	return CSV_BOM + rows.map((row) => row.map(csvField).join(CSV_SEPARATOR) + '\r\n').join('');
}

/** A number with a French decimal comma and at most one decimal, no grouping: "62,5". */
export function csvNumber(value: number | null): CsvCell {
	if (value === null || !Number.isFinite(value)) return null;
	return value.toLocaleString('fr-FR', { maximumFractionDigits: 1, useGrouping: false });
}

/** "2026-03-16 10:42", local time: a date Excel recognises. */
export function csvDateTime(epochMs: number): string {
	const d = new Date(epochMs);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
