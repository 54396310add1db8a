/**
 * The one inclusive form of docs/redaction.md §7: the point médian (U+00B7) with the feminine
 * ending in full (`chef·fe`, `élu·es`, `acheteur·euse`, `animateur·rice`, `usager·ère`), and
 * « il ou elle ». Lists the forms that differ from it in a French string.
 */

/** A form that differs from the guide, with the form to write instead. */
const FORBIDDEN: { form: RegExp; instead: string }[] = [
	{ form: /acheteur·(?!euse)\p{L}+/u, instead: 'acheteur·euse' },
	{ form: /\p{L}·e·s\b/u, instead: 'élu·es, agent·es (un seul point)' },
	{ form: /\p{L}\.e\.s\b|\p{L}\.e\b(?!\.)/u, instead: 'le point médian ·' },
	{ form: /\p{L}[•∙⋅‧]\p{L}/u, instead: 'le point médian · (U+00B7)' },
	{ form: /\p{L}\((e|es|ne|fe|rice|euse)\)s?\b/u, instead: 'le point médian, pas de parenthèses' },
	{ form: /animateur·trice|teur·trice/u, instead: 'animateur·rice' },
	{ form: /usager·e\b|usager·es\b/u, instead: 'usager·ère' },
	{ form: /\bchef·ffe/u, instead: 'chef·fe' },
	{ form: /\b(il·elle|ils·elles|elle·il|iel|iels)\b/u, instead: '«\u202fil ou elle\u202f»' },
	{ form: /\bsourcing\b/iu, instead: 'sourçage' }
];

/** The forms of `text` that differ from the guide, as « form → what to write ». */
export function checkInclusive(text: string): string[] {
	const problems: string[] = [];
	for (const { form, instead } of FORBIDDEN) {
		const m = form.exec(text);
		if (m) problems.push(`«\u202f${m[0]}\u202f» → ${instead}`);
	}
	return problems;
}
