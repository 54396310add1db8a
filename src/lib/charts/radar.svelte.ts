/**
 * The radar chart: chart.js with only what a radar needs registered, driven by an attachment
 * that creates the chart once and updates it in place when its data changes.
 */
import {
	Chart,
	Filler,
	LineElement,
	PointElement,
	RadarController,
	RadialLinearScale,
	Tooltip,
	type ChartConfiguration,
	type Plugin
} from 'chart.js';
import type { Attachment } from 'svelte/attachments';
import { untrack } from 'svelte';
import { seriesStyle } from './palette';

Chart.register(RadarController, RadialLinearScale, PointElement, LineElement, Filler, Tooltip);

/** One series of the radar: a value 0–100 or null (not evaluated) per axis. */
export interface RadarSeries {
	label: string;
	values: (number | null)[];
	/** Index of the series style (palette.ts), stable when others are hidden. */
	style: number;
	/** Filled area (for a single-service radar). */
	fill?: boolean;
}

/** What a radar shows. */
export interface RadarSpec {
	axes: string[];
	series: RadarSeries[];
	/** Larger text for projection. */
	large?: boolean;
}

// A white background, so that the downloaded PNG is readable anywhere.
const background: Plugin<'radar'> = {
	id: 'leviersBackground',
	beforeDraw(chart) {
		const { ctx, width, height } = chart;
		ctx.save();
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, width, height);
		ctx.restore();
	}
};

function datasets(spec: RadarSpec): ChartConfiguration<'radar'>['data']['datasets'] {
	return spec.series.map((s) => {
		const style = seriesStyle(s.style);
		return {
			label: s.label,
			data: s.values,
			borderColor: style.color,
			backgroundColor: s.fill ? `${style.color}33` : 'transparent',
			fill: !!s.fill,
			borderDash: style.dash,
			borderWidth: spec.large ? 4 : 2.5,
			pointStyle: style.point,
			pointRadius: spec.large ? 7 : 4.5,
			pointBackgroundColor: style.color,
			spanGaps: false
		};
	});
}

// Projected labels are large: two lines keep long ones inside the canvas (chart.js fits the
// radius to the labels only approximately).
function labels(spec: RadarSpec): (string | string[])[] {
	if (!spec.large) return spec.axes;
	return spec.axes.map((axis) => {
		const cut = axis.indexOf(' ');
		return axis.length > 12 && cut > 0 ? [axis.slice(0, cut), axis.slice(cut + 1)] : axis;
	});
}

function config(spec: RadarSpec): ChartConfiguration<'radar'> {
	const size = spec.large ? 24 : 13;
	return {
		type: 'radar',
		data: { labels: labels(spec), datasets: datasets(spec) },
		plugins: [background],
		options: {
			responsive: true,
			maintainAspectRatio: true,
			// Labels take more room across than up and down, the more so when projected.
			aspectRatio: spec.large ? 1.2 : 1,
			animation: false,
			layout: { padding: spec.large ? 12 : 4 },
			devicePixelRatio: Math.max(2, globalThis.devicePixelRatio ?? 1),
			scales: {
				r: {
					min: 0,
					max: 100,
					ticks: {
						stepSize: 25,
						backdropColor: 'transparent',
						color: '#3a4a45',
						font: { size: size - 3 }
					},
					pointLabels: { font: { size }, color: '#1b2a26' },
					grid: { color: '#c9d1ce' },
					angleLines: { color: '#c9d1ce' }
				}
			},
			plugins: {
				tooltip: {
					callbacks: {
						label: (item) =>
							`${item.dataset.label}\u202f: ${item.raw === null ? 'non évalué' : Math.round(item.raw as number)}`
					}
				}
			}
		}
	};
}

/** Attachment: `<canvas {@attach radarChart(() => spec)}>`; exposes the chart via `onchart`. */
export function radarChart(
	spec: () => RadarSpec,
	onchart?: (chart: Chart<'radar'> | null) => void
): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		const chart = untrack(() => new Chart(canvas, config(spec())));
		onchart?.(chart);
		$effect(() => {
			const next = spec();
			chart.data.labels = labels(next);
			chart.data.datasets = datasets(next);
			chart.update('none');
		});
		return () => {
			onchart?.(null);
			chart.destroy();
		};
	};
}
