import { beforeAll, describe, expect, it } from 'vitest';
import { onFlush } from '$lib/state/writes.svelte';
import { pwa } from './pwa.svelte';

beforeAll(async () => {
	await pwa.start();
});

describe('the PWA state', () => {
	it('follows the network going away and coming back', () => {
		dispatchEvent(new Event('offline'));
		expect(pwa.online).toBe(false);
		dispatchEvent(new Event('online'));
		expect(pwa.online).toBe(true);
	});

	it('offers the installation once the browser allows it, then shows its prompt', async () => {
		let prompted = 0;
		const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
			prompt: () => {
				prompted++;
				return Promise.resolve();
			},
			userChoice: Promise.resolve({ outcome: 'accepted' as const })
		});
		dispatchEvent(event);
		expect(event.defaultPrevented).toBe(true);
		expect(pwa.installable).toBe(true);
		await pwa.install();
		expect(prompted).toBe(1);
		expect(pwa.installable).toBe(false);
	});

	it('never applies an update over a change that could not be saved', async () => {
		const stop = onFlush(() => Promise.resolve(false));
		await pwa.update();
		stop();
		expect(pwa.updating).toBe(false);
		expect(pwa.updateBlocked).toMatch(/ne sont pas enregistrées/);
	});
});
