/**
 * What the preview says, in French, about each part of a file left out of the import or
 * changed to be imported.
 */
import { STATUS_LABELS } from '../content/labels';
import { moduleQuestions, type Module } from '../content/questionnaire';
import { TEXT_LIMITS, TEXT_NAMES } from '../content/text-limits';
import type { SetAside } from './incoming';
import { SANE_REVISION } from './limits';

const quote = (s: string | undefined) => `«\u202f${(s ?? '?').slice(0, 80)}\u202f»`;
const number = (n: number | undefined) => (n ?? 0).toLocaleString('fr-FR');
const day = (ms: number | undefined) =>
	new Date(ms ?? 0).toLocaleDateString('fr-FR', { dateStyle: 'long' });
const questions = (n: number | undefined) => `${number(n)} question${(n ?? 0) > 1 ? 's' : ''}`;

/** One sentence per set-aside item, naming the module, the question or the id concerned. */
export function describeSetAside(s: SetAside, modules: readonly Module[]): string {
	const module = modules.find((m) => m.id === s.moduleId);
	const question = module && moduleQuestions(module).find((q) => q.id === s.questionId);
	const where = module ? ` (${module.shortTitle})` : '';
	const q = question ? quote(question.text) : quote(s.questionId);
	switch (s.reason) {
		case 'unknown-module':
			return `Un diagnostic d’un module inconnu de cette version de Leviers (${quote(s.moduleId)}) n’est pas importé.`;
		case 'unknown-campaign':
			return `Un diagnostic${where} renvoie à une démarche absente du fichier et de cet appareil\u202f: il n’est pas importé.`;
		case 'other-campaign':
			return `Un diagnostic${where} porte l’identifiant d’un diagnostic d’une autre démarche de cet appareil\u202f: il n’est pas importé, le diagnostic de cet appareil reste où il est.`;
		case 'empty-campaign':
			return `Une démarche sans module connu ni diagnostic (${quote(s.campaignId)}) n’est pas importée.`;
		case 'duplicate':
			return s.diagnosticId
				? `Un diagnostic${where} figure deux fois dans le fichier\u202f: seul le premier est pris en compte.`
				: `Une démarche figure deux fois dans le fichier\u202f: seule la première est prise en compte.`;
		case 'history':
			return `Un diagnostic${where} a un historique de révisions incohérent\u202f: il n’est pas importé.`;
		case 'unknown-question':
			return `Une réponse${where} porte sur une question inconnue (${quote(s.questionId)})\u202f: elle n’est pas importée.`;
		case 'invalid-value':
			return `La réponse à la question ${q}${where} n’a pas une valeur possible pour cette question\u202f: elle n’est pas importée.`;
		case 'duplicate-answer':
			return `La question ${q}${where} a deux réponses dans le fichier\u202f: seule la première est gardée.`;
		case 'unknown-campaign-module':
			return `Un module attendu par une démarche est inconnu de cette version de Leviers (${quote(s.moduleId)})\u202f: il est ignoré.`;
		case 'too-long': {
			const field = s.field ?? 'note';
			const max = TEXT_LIMITS[field].toLocaleString('fr-FR');
			const subject = {
				authority: `${TEXT_NAMES.authority} d’une démarche`,
				label: 'Le libellé d’une démarche',
				respondentName: `${TEXT_NAMES.respondentName}${where}`,
				respondentRole: `${TEXT_NAMES.respondentRole}${where}`,
				note: `${TEXT_NAMES.note} de la question ${q}${where}`,
				otherPartner: `${TEXT_NAMES.otherPartner} de la question ${q}${where}`
			}[field];
			return `${subject} dépasse ${max} caractères\u202f: seuls les ${max} premiers sont importés.`;
		}
		case 'invalid': {
			const id = s.diagnosticId ? `, identifiant ${quote(s.diagnosticId)}` : '';
			const others = (s.errors ?? 1) - 1;
			const more =
				others > 0 ? ` et ${number(others)} autre${others > 1 ? 's erreurs' : ' erreur'}` : '';
			return `Le diagnostic n° ${number(s.position)} du fichier${module ? ` (${module.shortTitle}${id})` : id ? ` (${id.slice(2)})` : ''} est endommagé (${s.detail ?? '?'}${more})\u202f: il n’est pas importé, le reste du fichier peut l’être.`;
		}
		case 'revision':
			return `Le diagnostic${where} porte un numéro de révision anormal (${number(s.revision)}, au-delà de ${number(SANE_REVISION)})\u202f: il est importé avec un historique neuf, à la révision 1\u202f; une autre copie de ce diagnostic sera vue comme en conflit avec lui.`;
		case 'incomplete':
			return `Le diagnostic${where} est marqué «\u202f${STATUS_LABELS.complete}\u202f» dans le fichier, mais ${questions(s.missing)} sur ${number(s.questions)} n’ont pas de réponse\u202f: il est importé «\u202f${STATUS_LABELS.draft}\u202f».`;
		case 'future-date':
			return `La réponse à la question ${q}${where} est datée du ${day(s.changedAt)}, plus d’un jour après l’export du fichier (${day(s.exportedAt)})\u202f: elle est importée, datée du jour de l’export.`;
	}
}
