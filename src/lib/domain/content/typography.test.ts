import { describe, expect, it } from 'vitest';
import { checkTypography, fixTypography } from './typography';

const n = '\u202f';
const problems = (text: string) => checkTypography(text).map((p) => p.message);

describe('checkTypography', () => {
	it('accepts French punctuation with narrow no-break spaces', () => {
		for (const text of [
			`Transversalité${n}: 54`,
			`Est-ce fait${n}? Oui${n}; enfin${n}!`,
			`Niveau «${n}Engagé${n}» ou au-delà`,
			`L’ESS, c’est l’économie sociale et solidaire.`,
			`Quoi${n}?!`,
			`Vraiment${n}!?`,
			`Et alors…?`,
			`Et alors...?`,
			`«${n}Quoi${n}?${n}»`,
			`(${n}?${n})`,
			`Vu le 3 décembre à 14 h 32.`,
			''
		])
			expect(problems(text), text).toEqual([]);
	});

	it('accepts a no-break space before a colon', () => {
		expect(problems('Source\u00a0: CRESS')).toEqual([]);
	});

	it('does not read numbers, ratios, addresses and entities as French punctuation', () => {
		for (const text of [
			'Rendez-vous à 14:32, rapport 1:2, soit 3/4 des services.',
			'Voir https://www.example.org/page?id=1&x=2 pour la suite',
			'mailto:contact@example.org',
			'un&nbsp;mot',
			'a;b',
			'"Service";"Maturité"',
			'content:"Transversalité"',
			'?x=1',
			':root',
			'!important'
		])
			expect(problems(text), text).toEqual([]);
	});

	it('reports an ordinary space before « : ; ? ! »', () => {
		expect(problems('Transversalité : 54')).toEqual([
			'espace ordinaire avant «\u202f:\u202f» (espace fine insécable attendue)'
		]);
		expect(problems('Oui ; non ? peut-être !')).toHaveLength(3);
	});

	it('reports a missing space before « : ; ? ! »', () => {
		expect(problems('Erreur: fichier illisible')).toEqual([
			'espace fine insécable manquante avant «\u202f:\u202f»'
		]);
		expect(problems('Est-ce fait?')).toEqual([
			'espace fine insécable manquante avant «\u202f?\u202f»'
		]);
		expect(problems('etc.?')).toHaveLength(1);
		expect(problems('Quoi ?!')).toHaveLength(1);
	});

	it('reports a no-break space (not narrow) before « ; ? ! »', () => {
		expect(problems('Fait\u00a0?')).toEqual([
			'espace insécable avant «\u202f?\u202f» (espace fine attendue)'
		]);
	});

	it('reports ordinary or missing spaces inside « »', () => {
		expect(problems('le niveau « Engagé »')).toEqual([
			'espace ordinaire après «\u202f(espace fine insécable attendue)',
			'espace ordinaire avant\u202f» (espace fine insécable attendue)'
		]);
		expect(problems('le niveau «Engagé»')).toEqual([
			'espace fine insécable manquante après «',
			'espace fine insécable manquante avant\u202f»'
		]);
	});

	it('leaves a guillemet alone at the edge of a string (its neighbour is elsewhere)', () => {
		expect(problems(`«${n}`)).toEqual([]);
		expect(problems('«')).toEqual([]);
		expect(problems('» et la suite')).toEqual([]);
	});

	it('reports a straight apostrophe', () => {
		expect(problems("l'ESS")).toEqual(['apostrophe droite (’ attendue)']);
	});

	it('says where, with the spaces made visible', () => {
		const p = checkTypography('Score : 54')[0]!;
		expect(p.index).toBe(6);
		expect(p.excerpt).toBe('Score␣:␣54');
	});
});

describe('fixTypography', () => {
	it('writes every case right', () => {
		expect(fixTypography("Score : 54 ; l'ESS ? « Engagé » !")).toBe(
			`Score${n}: 54${n}; l’ESS${n}? «${n}Engagé${n}»${n}!`
		);
		expect(fixTypography('Erreur: «x»')).toBe(`Erreur${n}: «${n}x${n}»`);
		expect(fixTypography('Fait\u00a0?')).toBe(`Fait${n}?`);
	});

	it('keeps a no-break space before a colon, and what is already right', () => {
		expect(fixTypography('Source\u00a0: CRESS')).toBe('Source\u00a0: CRESS');
		const right = `Quoi${n}?! 14:32 https://a.b/c?d`;
		expect(fixTypography(right)).toBe(right);
	});

	it('gives text the checker accepts', () => {
		const text = "Qu'en dira-t-on ? « Rien » : rien ; fin !";
		expect(checkTypography(fixTypography(text))).toEqual([]);
	});
});
