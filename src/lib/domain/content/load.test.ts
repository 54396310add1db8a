import { describe, expect, it } from 'vitest';
import { catalogue, isModuleId, leverInfos, moduleInfo, serviceName } from './catalogue';
import { buildCatalogue } from './catalogue-data';
import { levers, modules } from './content';
import { getModule, loadedModules, loadModule, loadModules, loadQuestionnaire } from './load';
import { moduleQuestions } from './questionnaire';

describe('the light catalogue', () => {
	it('is the one Vite builds from the content files, without any question', () => {
		expect({ modules: catalogue, levers: leverInfos }).toEqual(buildCatalogue(modules, levers));
		const text = JSON.stringify({ catalogue, leverInfos });
		expect(text).not.toMatch(/"(text|help|description)"/);
		expect(text.length).toBeLessThan(3000);
		const dechets = moduleInfo('dechets')!;
		const full = modules.find((m) => m.id === 'dechets')!;
		expect(dechets.questions).toBe(moduleQuestions(full).length);
		expect(dechets.size.obligations).toBe(
			moduleQuestions(full).filter((q) => q.type === 'obligation').length
		);
		expect(serviceName('inconnu')).toBe('inconnu');
		expect(isModuleId('eau')).toBe(true);
		expect(isModuleId('toString')).toBe(false);
	});
});

describe('loading the questionnaires per module', () => {
	it('gives nothing before a module is loaded, then the module as shipped', async () => {
		expect(getModule('eau')).toBeUndefined();
		const eau = await loadModule('eau');
		expect(eau).toEqual(modules.find((m) => m.id === 'eau'));
		expect(getModule('eau')).toBe(eau);
		expect(loadedModules().map((m) => m.id)).toEqual(['eau']);
		expect(await loadModule('eau')).toBe(eau);
	});

	it('loads the named modules in display order, ignoring unknown ids', async () => {
		const loaded = await loadModules(['transversal', 'inconnu', 'economie']);
		expect(loaded.map((m) => m.id)).toEqual(['economie', 'transversal']);
		const all = await loadQuestionnaire();
		expect(all.modules).toEqual(modules);
		expect(all.levers).toEqual(levers);
	});
});
