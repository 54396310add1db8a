import { expect, it } from 'vitest';
import { navigationFiles, pageFile } from './pages';

it('names the file adapter-static writes for each prerendered page', () => {
	expect(pageFile('/')).toBe('/index.html');
	expect(pageFile('/donnees')).toBe('/donnees.html');
	expect(pageFile('/modules/dechets')).toBe('/modules/dechets.html');
	expect(pageFile('/donnees/')).toBe('/donnees.html');
	expect(pageFile('/donnees.html')).toBe('/donnees.html');
});

it('answers a navigation from the page’s file, then a folder’s index, then the fallback', () => {
	expect(navigationFiles('/donnees', '/200.html')).toEqual([
		'/donnees.html',
		'/donnees/index.html',
		'/200.html'
	]);
	expect(navigationFiles('/', '/200.html')).toEqual(['/index.html', '/200.html']);
});
