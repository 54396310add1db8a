/**
 * Time from a click on an answer to "✓ Enregistré" on screen, which the page shows only once the
 * strictly durable IndexedDB transaction has committed. Measured inside Chromium (no driver
 * round trip in the figure) over 210 answers spread across the seven modules.
 */
import { startBrowserBench } from './browser';
import { quantile, type Figure } from './stats';

const ANSWERS = 210;

export async function run(): Promise<Figure[]> {
	const { browser, baseURL, stop } = await startBrowserBench(4471);
	try {
		const page = await browser.newPage({ baseURL });
		await page.goto('/campagnes/nouvelle');
		await page.getByLabel('Nom de la collectivité').fill('Banc d’essai');
		await page.getByRole('button', { name: 'Créer la démarche' }).click();
		await page.getByRole('heading', { level: 1, name: 'Banc d’essai' }).waitFor();
		const campaignUrl = page.url();
		const moduleLinks = await page
			.locator('tbody th a')
			.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
		const samples: number[] = [];
		let round = 0;
		while (samples.length < ANSWERS) {
			for (const url of moduleLinks) {
				if (samples.length >= ANSWERS) break;
				await page.goto(url);
				await page.locator('[role="radiogroup"]').first().waitFor();
				const times = await page.evaluate(async (level) => {
					const out: number[] = [];
					for (const group of document.querySelectorAll('[role="radiogroup"]')) {
						const card = group.closest('li')!;
						const status = card.querySelector('.save')!;
						const radio = group.querySelectorAll('input')[level] as HTMLInputElement;
						const t0 = performance.now();
						const saved = new Promise<number>((resolve) => {
							const obs = new MutationObserver(() => {
								if (
									status.textContent?.includes('Enregistré') &&
									!status.textContent.includes('…')
								) {
									obs.disconnect();
									resolve(performance.now() - t0);
								}
							});
							obs.observe(status, { childList: true, subtree: true, characterData: true });
						});
						radio.click();
						out.push(await saved);
					}
					return out;
				}, round % 5);
				samples.push(...times);
			}
			round++;
		}
		await page.goto(campaignUrl);
		const used = samples.slice(0, ANSWERS);
		return [
			{
				name: `answer click → committed strict transaction (${used.length} answers, Chromium)`,
				median: quantile(used, 0.5),
				p95: quantile(used, 0.95),
				budget: 50,
				on: 'p95'
			}
		];
	} finally {
		await stop();
	}
}
