/**
 * How many obligations the one-page synthesis lists: beyond, one line sends to the services'
 * checklists. Measured with the eleven obligations of the content v2 branch all unknown: six
 * items filled 946 of the 994 px of an A4 page's printable height; five leave room for longer
 * texts. tests/report-synthesis.spec.ts checks page 1 holds them.
 */
export const SYNTHESIS_OBLIGATIONS_SHOWN = 5;
