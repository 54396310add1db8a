import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
	createCampaign,
	expectAllSaved,
	openModule,
	readModule,
	scale,
	type TestQuestion
} from './helpers';

const dechets = readModule('dechets');
const scaleQuestions = dechets.questions.filter((q) => q.type === 'scale');
/** The label of a question's note: questions are numbered in the module, whatever their kind. */
const noteOf = (q: TestQuestion) => `Note sur la question ${dechets.questions.indexOf(q) + 1}`;

test('answers and a note survive closing the page without unload handlers', async ({ context }) => {
	const page = await context.newPage();
	const url = await createCampaign(page);
	await openModule(page, url, dechets.title);
	const [q1, q2, q3] = scaleQuestions;
	await scale(page, q1!).getByLabel('3 · Réalisé').check();
	await scale(page, q2!).getByLabel('Je ne sais pas').check();
	await scale(page, q3!).getByLabel('1 · En réflexion').check();
	await page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: q3!.text }) })
		.getByText('Note', { exact: true })
		.click();
	await page
		.getByLabel(noteOf(q3!), { exact: true })
		.fill('Étude lancée avec la ressourcerie «\u202fRécup’\u202f»\u202f; à suivre');
	await expectAllSaved(page);
	const fillUrl = page.url();
	await page.close({ runBeforeUnload: false });

	const again = await context.newPage();
	await again.goto(fillUrl);
	await expect(scale(again, q1!).getByLabel('3 · Réalisé')).toBeChecked();
	await expect(scale(again, q2!).getByLabel('Je ne sais pas')).toBeChecked();
	await expect(scale(again, q3!).getByLabel('1 · En réflexion')).toBeChecked();
	await expect(again.getByLabel(noteOf(q3!), { exact: true })).toHaveValue(
		'Étude lancée avec la ressourcerie «\u202fRécup’\u202f»\u202f; à suivre'
	);
	await expect(again.getByText('3 / ' + dechets.questions.length)).toBeVisible();
});

test('half a module, reloaded, resumes where it stopped', async ({ page }) => {
	const url = await createCampaign(page);
	await openModule(page, url, dechets.title);
	const half = Math.floor(scaleQuestions.length / 2);
	for (const q of scaleQuestions.slice(0, half))
		await scale(page, q).getByLabel('2 · Engagé').check();
	await expectAllSaved(page);
	await page.reload();
	for (const q of scaleQuestions.slice(0, half))
		await expect(scale(page, q).getByLabel('2 · Engagé')).toBeChecked();
	await expect(
		scale(page, scaleQuestions[half]!).getByRole('radio', { checked: true })
	).toHaveCount(0);
	const resume = page.getByRole('link', { name: /Reprendre à la question/ });
	await expect(resume).toBeVisible();
	await resume.click();
	const firstOpen = dechets.questions.find((q) => !scaleQuestions.slice(0, half).includes(q))!;
	await expect(page.getByRole('heading', { name: firstOpen.text })).toBeInViewport();

	await page.goto(url);
	await expect(page.getByRole('row', { name: new RegExp(dechets.title) })).toContainText(
		`En cours\u202f: ${half} sur ${dechets.questions.length}`
	);
});

test('a whole module can be filled with the keyboard alone', async ({ page }) => {
	// Up to 400 key presses: about 10 s alone, over 30 s on a 2-core machine running other tests.
	test.setTimeout(90_000);
	const url = await createCampaign(page);
	await openModule(page, url, dechets.title);
	const total = dechets.questions.length;
	const progress = page.getByText(/^\d+ \/ \d+$/).first();
	await page.getByRole('heading', { level: 1 }).click();
	for (let presses = 0; presses < 400; presses++) {
		if ((await progress.textContent())?.startsWith(`${total} /`)) break;
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => {
			const el = document.activeElement as HTMLInputElement | null;
			const group = el?.type === 'radio' ? document.getElementsByName(el.name) : null;
			return {
				type: el?.type,
				label: el?.closest('label')?.textContent?.trim(),
				groupAnswered: group ? [...group].some((r) => (r as HTMLInputElement).checked) : false
			};
		});
		if (focused.type === 'radio' && !focused.groupAnswered) {
			await page.keyboard.press('ArrowRight');
			await page.keyboard.press('ArrowRight');
		} else if (focused.type === 'checkbox' && focused.label === 'Aucun service pour l’instant') {
			await page.keyboard.press('Space');
		}
	}
	await expect(page.getByText(`${total} / ${total}`)).toBeVisible();
	await expectAllSaved(page);
	const finish = page.getByRole('button', { name: 'Marquer comme terminé' });
	await finish.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'Rouvrir le diagnostic' })).toBeVisible();
	await page.goto(url);
	await expect(page.getByRole('row', { name: new RegExp(dechets.title) })).toContainText('Terminé');
});

test('a failed write shows a French message and keeps the answer on screen', async ({ page }) => {
	const url = await createCampaign(page);
	await openModule(page, url, dechets.title);
	const [q1, q2] = scaleQuestions;
	await scale(page, q1!).getByLabel('2 · Engagé').check();
	await expectAllSaved(page);

	// The disk fills up: IndexedDB refuses every write from now on.
	await page.evaluate(() => {
		const w = window as unknown as { __put: unknown };
		w.__put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = () => {
			throw new DOMException('Quota exceeded', 'QuotaExceededError');
		};
	});
	await scale(page, q2!).getByLabel('4 · Exemplaire').check();
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('L’appareil n’a plus de place pour enregistrer');
	await expect(alert).toContainText('« Réessayer » échoue encore');
	await expect(alert).toContainText('téléchargez une sauvegarde');
	await expect(scale(page, q2!).getByLabel('4 · Exemplaire')).toBeChecked();
	await expect(page.getByText('Non enregistré')).toBeVisible();
	await expect(page.getByRole('status')).not.toContainText('Toutes les réponses sont enregistrées');

	// Space is freed: retrying saves the answer for good.
	await page.evaluate(() => {
		IDBObjectStore.prototype.put = (window as unknown as { __put: IDBObjectStore['put'] }).__put;
	});
	await page.getByRole('button', { name: 'Réessayer' }).click();
	await expectAllSaved(page);
	await expect(alert).toHaveCount(0);
	await page.reload();
	await expect(scale(page, q2!).getByLabel('4 · Exemplaire')).toBeChecked();
});

test('two tabs on the same diagnostic see each other and lose nothing', async ({ context }) => {
	const a = await context.newPage();
	const url = await createCampaign(a);
	await openModule(a, url, dechets.title);
	const b = await context.newPage();
	await b.goto(a.url());
	const [q1, q2] = scaleQuestions;
	await scale(a, q1!).getByLabel('3 · Réalisé').check();
	await scale(b, q2!).getByLabel('1 · En réflexion').check();
	await expect(scale(b, q1!).getByLabel('3 · Réalisé')).toBeChecked();
	await expect(scale(a, q2!).getByLabel('1 · En réflexion')).toBeChecked();
	await a.reload();
	await expect(scale(a, q1!).getByLabel('3 · Réalisé')).toBeChecked();
	await expect(scale(a, q2!).getByLabel('1 · En réflexion')).toBeChecked();
});

test('the example campaign opens in one click with seven modules', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Créer la démarche exemple' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Communauté de communes exemple' })
	).toBeVisible();
	await expect(page.getByRole('row')).toHaveCount(8);
	await expect(page.getByText('Terminé').first()).toBeVisible();
});

test('a note and a name typed just before the tab closes are there when it reopens', async ({
	context
}) => {
	const page = await context.newPage();
	const url = await createCampaign(page);
	await openModule(page, url, dechets.title);
	const [q1] = scaleQuestions;
	await scale(page, q1!).getByLabel('2 · Engagé').check();
	await expectAllSaved(page);
	await page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: q1!.text }) })
		.getByText('Note', { exact: true })
		.click();
	await page.getByLabel(noteOf(q1!), { exact: true }).fill('Tapée à la dernière seconde');
	await page.getByLabel('Nom', { exact: true }).fill('Camille Durand');
	// No pause for the delayed save, and no unload handler: the tab is simply gone.
	const fillUrl = page.url();
	await page.close({ runBeforeUnload: false });

	const again = await context.newPage();
	await again.goto(fillUrl);
	await expect(again.getByLabel(noteOf(q1!), { exact: true })).toHaveValue(
		'Tapée à la dernière seconde'
	);
	await expect(again.getByLabel('Nom', { exact: true })).toHaveValue('Camille Durand');
	// Once committed (or found already saved), the safety copies are dropped: after that the
	// values can only come from IndexedDB.
	await expect
		.poll(() =>
			again.evaluate(
				() => Object.keys(localStorage).filter((k) => k.startsWith('leviers-brouillon:')).length
			)
		)
		.toBe(0);
	await again.reload();
	await expect(again.getByLabel(noteOf(q1!), { exact: true })).toHaveValue(
		'Tapée à la dernière seconde'
	);
	await expect(again.getByLabel('Nom', { exact: true })).toHaveValue('Camille Durand');
	await expect(scale(again, q1!).getByLabel('2 · Engagé')).toBeChecked();
});

test('a question whose note is being edited is not shown as saved', async ({ page }) => {
	const url = await createCampaign(page);
	await openModule(page, url, dechets.title);
	const [q1] = scaleQuestions;
	const card = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: q1!.text }) });
	await scale(page, q1!).getByLabel('1 · En réflexion').check();
	await expect(card.getByText('✓ Enregistré')).toBeVisible();
	await card.getByText('Note', { exact: true }).click();
	await page.getByLabel(noteOf(q1!), { exact: true }).pressSequentially('Un');
	await expect(card.getByText('Enregistrement…')).toBeVisible();
	await expect(card.getByText('✓ Enregistré')).toHaveCount(0);
	await expect(card.getByText('✓ Enregistré')).toBeVisible();
	await expectAllSaved(page);
});

test.describe('a questionnaire that cannot be fetched', () => {
	// Without the service worker, so that the page's own requests can be cut.
	test.use({ serviceWorkers: 'block' });

	test('says so in French instead of a blank or English page', async ({ page }) => {
		const url = await createCampaign(page, 'Commune sans réseau');
		// Each questionnaire is a chunk of its own (issue 16): cut the one of « déchets », known by
		// its description (the light catalogue has none).
		const file = JSON.parse(readFileSync('questionnaires/dechets.json', 'utf8'));
		const description = (file as { description: string }).description.slice(0, 80);
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			const response = await route.fetch();
			const body = await response.text();
			if (body.includes(description)) return route.abort();
			return route.fulfill({ response, body });
		});
		await page.goto(url);
		await page.getByRole('link', { name: dechets.title, exact: true }).click();
		await expect(
			page.getByText(/Le questionnaire «\u202fdechets\u202f» n’a pas pu être chargé/)
		).toBeVisible();
		await expect(page.getByText(/Internal Error|Error: 503/)).toHaveCount(0);
	});
});
