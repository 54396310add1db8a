/**
 * What the preview says, in French, about each action of a file left out of the import or
 * changed to be imported (action-records.ts, plan-actions.ts).
 */
import { ACTION_TEXT_LIMITS, ACTION_TEXT_NAMES } from '../plan/action';
import type { ActionSetAside } from './action-records';
import { SANE_REVISION } from './limits';

const quote = (s: string | undefined) => `«\u202f${(s ?? '?').slice(0, 80)}\u202f»`;
const number = (n: number | undefined) => (n ?? 0).toLocaleString('fr-FR');

/** One sentence per set-aside action, naming it by its title. */
export function describeActionSetAside(s: ActionSetAside): string {
	const action = s.title ? `L’action ${quote(s.title)}` : 'Une action';
	switch (s.reason) {
		case 'unknown-campaign':
			return `${action} renvoie à une démarche absente du fichier et de cet appareil\u202f: elle n’est pas importée.`;
		case 'other-campaign':
			return `${action} porte l’identifiant d’une action d’une autre démarche de cet appareil\u202f: elle n’est pas importée, l’action de cet appareil reste où elle est.`;
		case 'duplicate':
			return `${action} figure deux fois dans le fichier\u202f: seule la première est prise en compte.`;
		case 'history':
			return `${action} a un historique de révisions incohérent\u202f: elle n’est pas importée.`;
		case 'invalid': {
			const place = s.position ? ` (n° ${number(s.position)} du fichier)` : '';
			const others = (s.errors ?? 1) - 1;
			const more =
				others > 0 ? ` et ${number(others)} autre${others > 1 ? 's erreurs' : ' erreur'}` : '';
			return `${action}${place} n’est pas valide (${s.detail ?? '?'}${more})\u202f: elle n’est pas importée, le reste du fichier peut l’être.`;
		}
		case 'too-long': {
			const field = s.field ?? 'description';
			const max = number(ACTION_TEXT_LIMITS[field]);
			return `${ACTION_TEXT_NAMES[field]} (${quote(s.title)}) dépasse ${max} caractères\u202f: seuls les ${max} premiers sont importés.`;
		}
		case 'revision':
			return `${action} porte un numéro de révision anormal (${number(s.revision)}, au-delà de ${number(SANE_REVISION)})\u202f: elle est importée avec un historique neuf, à la révision 1.`;
	}
}
