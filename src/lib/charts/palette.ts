/**
 * Series styles for up to seven services: Okabe–Ito colours (distinguishable with the common
 * colour-vision deficiencies) doubled by a line dash and a point shape, so that a series is
 * recognisable in black and white too.
 */

/** One series style. */
export interface SeriesStyle {
	color: string;
	dash: number[];
	point: 'circle' | 'rect' | 'triangle' | 'rectRot' | 'star' | 'crossRot' | 'rectRounded';
	/** French name of the line and point, for legends and tables. */
	name: string;
}

/** Seven styles, in the order of the modules. */
export const SERIES_STYLES: readonly SeriesStyle[] = [
	{ color: '#0072B2', dash: [], point: 'circle', name: 'trait plein, ronds' },
	{ color: '#D55E00', dash: [8, 4], point: 'rect', name: 'tirets, carrés' },
	{ color: '#009E73', dash: [2, 3], point: 'triangle', name: 'pointillés, triangles' },
	{ color: '#CC79A7', dash: [12, 3, 2, 3], point: 'rectRot', name: 'tiret-point, losanges' },
	{ color: '#E69F00', dash: [4, 4], point: 'star', name: 'tirets courts, étoiles' },
	{ color: '#56B4E9', dash: [16, 6], point: 'crossRot', name: 'tirets longs, croix' },
	{ color: '#1b2a26', dash: [1, 2], point: 'rectRounded', name: 'points serrés, carrés arrondis' }
];

/** The style of the i-th series (cycling past seven). */
export function seriesStyle(i: number): SeriesStyle {
	return SERIES_STYLES[i % SERIES_STYLES.length]!;
}
