/**
 * Page weights (issue 16, point 1): the JavaScript each main page downloads, gzip, measured as
 * `node scripts/page-sizes.mjs` prints it. Budgets: home ≤ 70 kB, filling page ≤ 85 kB; a results
 * page no heavier than before issue 16 (f226cad, measured then) minus the content it does not
 * show: that content is not deducted here, so these budgets are upper bounds, laxer than the
 * issue's. One sample per page: sizes do not vary from run to run.
 */
import { pageSizes } from '../scripts/page-sizes.mjs';
import { startBrowserBench } from './browser';
import type { Figure } from './stats';

const BUDGETS: Record<string, number> = {
	Accueil: 70,
	'Questionnaire à remplir': 85,
	'Résultats du service': 233.4,
	'Résultats (tableau de bord)': 243.4,
	Comparer: 236.1,
	Rapport: 246.8,
	'Mode atelier': 249.4
};

/** One figure per page, in kB of gzip. */
export async function run(): Promise<Figure[]> {
	const { browser, baseURL, stop } = await startBrowserBench(4476);
	try {
		const sizes = await pageSizes(browser, baseURL);
		return sizes.map((s) => ({
			name: `page weight: ${s.name}, JavaScript gzip${s.chartJs ? ' (chart.js)' : ''}`,
			median: Math.round(s.gzip / 100) / 10,
			budget: BUDGETS[s.name] ?? 0,
			on: 'median',
			unit: 'kB'
		}));
	} finally {
		await stop();
	}
}
