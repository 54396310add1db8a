/**
 * The numeric bounds of diagnostics' histories, shared by the exchange format (format.ts), the
 * import (incoming.ts, lineage.ts) and the repository's edits. Kept apart from format.ts so that
 * the pages that write do not load valibot. docs/format.md, "Bounds", gives the reasoning.
 */

/** The highest revision a file may carry (other programs may write up to it). */
export const MAX_REVISION = 1_000_000_000;

/** The most checkpoints a lineage may have in a file. */
export const MAX_LINEAGE = 1000;

/**
 * The highest revision the app stores: an imported diagnostic above it, or an edit that would
 * pass it, starts a fresh history. No real use comes near it (a hundred million changes), and
 * so the app's own files never carry more, and always import again unchanged.
 */
export const SANE_REVISION = 100_000_000;

/** How many of its latest checkpoints a lineage keeps once imported, stored or exported. */
export const LINEAGE_KEPT = 100;

/** An answer dated later than the file's export by more than this is refused on import. */
export const FUTURE_MARGIN = 86_400_000;

/**
 * Larger files are refused before being read. The app's own exports never pass it: an export
 * that would is refused before its download (write.ts, oversizedExport). 64 Mio hold about 37
 * campaigns of 7 diagnostics whose every note is at its 5,000-character limit in a script of 3
 * bytes a character; a real database is far below (~3 Ko a diagnostic).
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
