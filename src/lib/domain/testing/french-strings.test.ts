import { describe, expect, it } from 'vitest';
import { fixFrenchStrings } from './fix-french-strings';
import { looksFrench, tsStrings } from './french-strings';
import { svelteStrings } from './svelte-strings';

const texts = (found: { text: string }[]) => found.map((f) => f.text);

describe('tsStrings', () => {
	it('finds string literals with their line, and skips comments, regular expressions and code', () => {
		const code = [
			"const a = 'Score : 54'; // commentaire : ignoré",
			"/* bloc : ignoré */ const b = x ? \"oui\" : `non ${y ? 'a' : 'b'} fin`;",
			"const r = /[«»'] : /g; const c = 4 / 2; const d = 'l\\'ESS';"
		].join('\n');
		const found = tsStrings(code);
		expect(texts(found)).toEqual(['Score : 54', 'oui', 'a', 'b', 'non x fin', "l'ESS"]);
		expect(found.map((f) => f.line)).toEqual([1, 2, 2, 2, 2, 3]);
	});

	it('reads escapes as the characters they stand for', () => {
		expect(texts(tsStrings("'Score\\u202f: 54'"))).toEqual(['Score\u202f: 54']);
	});
});

describe('svelteStrings', () => {
	it('finds markup text, attributes and the strings of scripts and expressions', () => {
		const source = [
			'<script lang="ts">',
			"\tconst t = 'Titre : un';",
			'</script>',
			'',
			'<!-- commentaire : ignoré -->',
			'<p class="a b" title="Aide : {n} points">Résultat : {score} sur {total ? \'cent\' : \'dix\'}</p>',
			'{#if ok}',
			'\t<span>«&#8239;{nom}&#8239;»</span>',
			'{/if}',
			'<style>',
			'\tp { color: red; }',
			'</style>'
		].join('\n');
		const found = svelteStrings(source);
		expect(texts(found)).toEqual([
			'Titre : un',
			'Aide : x points',
			'cent',
			'dix',
			'Résultat : x sur x',
			'«\u202fx\u202f»'
		]);
		expect(found.map((f) => f.line)).toEqual([2, 6, 6, 6, 6, 8]);
	});
});

describe('looksFrench', () => {
	it('tells French prose from code', () => {
		for (const text of ['Score : 54', 'Résultat', '«\u202fx\u202f»', "l'ESS", 'C’est fait'])
			expect(looksFrench(text), text).toBe(true);
		for (const text of ['a:b', 'fr-FR', ' : ', 'color: red;', 'Comment faire ?', ''])
			expect(looksFrench(text), text).toBe(false);
	});
});

describe('fixFrenchStrings', () => {
	it('writes \\u202f in code and &#8239; in markup, and leaves code alone', () => {
		const ts = "const a = x ? 'Score : 54' : `Fichier « ${n} »`;";
		expect(fixFrenchStrings(ts, false).text).toBe(
			"const a = x ? 'Score\\u202f: 54' : `Fichier «\\u202f${n}\\u202f»`;"
		);
		const svelte = '<p title="Aide : un">Résultat :\n\t{score}</p>';
		expect(fixFrenchStrings(svelte, true).text).toBe(
			'<p title="Aide&#8239;: un">Résultat&#8239;:\n\t{score}</p>'
		);
	});

	it('leaves to the hand a space written as an escape', () => {
		const { text, leftAlone } = fixFrenchStrings("const a = 'Fait\\u00a0? oui';", false);
		expect(text).toBe("const a = 'Fait\\u00a0? oui';");
		expect(leftAlone).toHaveLength(1);
	});
});
