import { describe, expect, it } from 'vitest';
import { errorPageText, unexpectedErrorMessage } from './error-page';

describe('the error page', () => {
	it('says in French that an unknown address has no page, never "Not Found"', () => {
		expect(errorPageText(404, 'Not Found')).toEqual({
			title: 'Page introuvable',
			message: 'Cette page n’existe pas.',
			action: 'Vérifiez l’adresse, ou repartez de l’accueil\u202f: vos démarches y sont listées.'
		});
		expect(errorPageText(404, 'Error: 404').message).toBe('Cette page n’existe pas.');
	});

	it('says an unexpected error in French, with what to do', () => {
		for (const message of ['Internal Error', undefined, ''])
			expect(errorPageText(500, message)).toMatchObject({
				title: 'Une erreur est survenue',
				message: 'Une erreur inattendue est survenue.',
				action: expect.stringMatching(/^Rechargez la page/)
			});
	});

	it('keeps the messages the app passes to error(), which are French already', () => {
		expect(errorPageText(404, 'Ce questionnaire n’existe pas.').message).toBe(
			'Ce questionnaire n’existe pas.'
		);
		expect(errorPageText(500, 'La base de données locale n’a pas pu être ouverte.').message).toBe(
			'La base de données locale n’a pas pu être ouverte.'
		);
	});

	it('gives the client hook a French message by status', () => {
		expect(unexpectedErrorMessage(404)).toBe('Cette page n’existe pas.');
		expect(unexpectedErrorMessage(500)).toBe('Une erreur inattendue est survenue.');
	});
});
