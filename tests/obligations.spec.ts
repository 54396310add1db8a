import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createCampaign, createExample, expectAllSaved, openModule, readModule } from './helpers';

interface ObligationQuestion {
	id: string;
	text: string;
	todo: string;
	reference: { text: string; date: string };
}

const dechets = readModule('dechets');
const obligation = dechets.questions.find(
	(q) => q.type === 'obligation'
) as unknown as ObligationQuestion;
const firstScale = dechets.questions.find((q) => q.type === 'scale')!;
const total = dechets.questions.length;
const ANSWERS = [
	'Conforme',
	'En cours de mise en conformité',
	'Non conforme',
	'Non concerné',
	'Je ne sais pas'
];

/** The card of the first obligation of the page, found by its badge. */
function obligationCard(page: Page) {
	return page
		.getByRole('listitem')
		.filter({ has: page.getByText('Obligation légale', { exact: true }) })
		.first();
}

/** The answer checked in a radio group, or null. */
async function checkedAnswer(page: Page): Promise<string | null> {
	const group = obligationCard(page).getByRole('radiogroup');
	for (const name of ANSWERS)
		if (await group.getByRole('radio', { name, exact: true }).isChecked()) return name;
	return null;
}

/** Moves the keyboard focus into the obligation's answers with Tab, from the top of the page. */
async function tabIntoAnswers(page: Page): Promise<void> {
	const group = obligationCard(page).getByRole('radiogroup');
	const inGroup = () => group.evaluate((g) => g.contains(document.activeElement));
	for (let presses = 0; presses < 60 && !(await inGroup()); presses++)
		await page.keyboard.press('Tab');
	expect(await inGroup()).toBe(true);
}

/** Reads one answer row straight from IndexedDB. */
function storedValue(page: Page, questionId: string): Promise<unknown> {
	return page.evaluate(
		(id) =>
			new Promise<unknown>((resolve, reject) => {
				const open = indexedDB.open('leviers');
				open.onerror = () => reject(new Error(String(open.error)));
				open.onsuccess = () => {
					const request = open.result.transaction('answerSets').objectStore('answerSets').getAll();
					request.onsuccess = () => {
						const sets = request.result as { rows: { questionId: string; value: unknown }[] }[];
						const rows = sets.flatMap((set) => set.rows);
						resolve(rows.find((r) => r.questionId === id)?.value);
						open.result.close();
					};
					request.onerror = () => reject(new Error(String(request.error)));
				};
			}),
		questionId
	);
}

test('an obligation of the example is answered with the keyboard, kept on reload, and accessible', async ({
	page
}) => {
	// The example campaign, a whole module and axe: well over 30 s on a loaded 2-core machine.
	test.slow();
	const url = await createExample(page);
	await page.goto(`${url}/dechets`);
	const card = obligationCard(page);
	await expect(card.getByRole('heading', { name: obligation.text })).toBeVisible();
	// The law and since when it applies, without opening anything.
	await expect(card).toContainText(obligation.reference.text);
	await expect(card).toContainText(/en vigueur (depuis le|à partir du) 1?\d(er)? \p{L}+ \d{4}/u);
	// Five compliance answers, no scale.
	const group = card.getByRole('radiogroup', { name: obligation.text });
	await expect(group.getByRole('radio')).toHaveCount(5);
	await expect(card.getByRole('radio', { name: /Réalisé/ })).toHaveCount(0);

	const before = await checkedAnswer(page);
	const target = before === 'Non conforme' ? 'En cours de mise en conformité' : 'Non conforme';
	await tabIntoAnswers(page);
	const chosen = group.getByRole('radio', { name: target, exact: true });
	for (let i = 0; i < ANSWERS.length && !(await chosen.isChecked()); i++)
		await page.keyboard.press('ArrowRight');
	await expect(chosen).toBeChecked();
	await expectAllSaved(page);

	await card.getByText('Aide et source').click();
	await expect(card).toContainText(`Pour être en conformité\u202f: ${obligation.todo}`);

	await page.reload();
	await expect(
		obligationCard(page).getByRole('radio', { name: target, exact: true })
	).toBeChecked();
	const { violations } = await new AxeBuilder({ page }).options({ preload: false }).analyze();
	expect(violations.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target) }))).toEqual([]);
});

test('a level given before the item became an obligation is read as a compliance until confirmed', async ({
	page
}) => {
	const url = await createCampaign(page);
	await openModule(page, url, dechets.title);
	await page.getByRole('radiogroup', { name: firstScale.text }).getByLabel('2 · Engagé').check();
	await expectAllSaved(page);
	await expect(page.getByText(`1 / ${total}`)).toBeVisible();
	// « Réalisé » stored on the question as a previous release wrote it.
	await page.evaluate(
		(questionId) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('leviers');
				open.onerror = () => reject(new Error(String(open.error)));
				open.onsuccess = () => {
					const tx = open.result.transaction(['diagnostics', 'answerSets'], 'readwrite');
					const all = tx.objectStore('diagnostics').getAll();
					all.onsuccess = () => {
						const [diagnostic] = all.result as { id: string }[];
						const sets = tx.objectStore('answerSets');
						const got = sets.get(diagnostic!.id);
						got.onsuccess = () => {
							const set = got.result as { rows: { questionId: string }[]; last: number };
							const changedAt = Date.now();
							set.rows = [
								...set.rows.filter((r) => r.questionId !== questionId),
								{ questionId, value: 3, changedAt } as { questionId: string }
							].sort((a, b) => a.questionId.localeCompare(b.questionId));
							set.last = changedAt;
							sets.put(set);
						};
					};
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
					tx.onerror = () => reject(new Error(String(tx.error)));
				};
			}),
		obligation.id
	);
	await page.reload();
	const card = obligationCard(page);
	await expect(card.getByRole('radio', { name: 'Conforme', exact: true })).toBeChecked();
	const legacy = card.getByText(/Réponse donnée sur l’ancienne échelle/);
	await expect(legacy).toHaveText(
		'Réponse donnée sur l’ancienne échelle (Réalisé)\u202f: lue comme «\u00a0Conforme\u00a0». Choisissez une réponse pour la confirmer.'
	);
	// It counts as an answer, as it does in the scores.
	await expect(page.getByText(`2 / ${total}`)).toBeVisible();

	// Confirmed with the keyboard: Space on the answer already checked.
	await tabIntoAnswers(page);
	await page.keyboard.press('Space');
	await expectAllSaved(page);
	await expect(legacy).toHaveCount(0);
	expect(await storedValue(page, obligation.id)).toBe('conforme');
	await page.reload();
	await expect(
		obligationCard(page).getByRole('radio', { name: 'Conforme', exact: true })
	).toBeChecked();
	await expect(obligationCard(page).getByText(/ancienne échelle/)).toHaveCount(0);
});
