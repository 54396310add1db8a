/**
 * Registration and updates of the service worker through workbox-window, and the state the
 * interface shows: ready offline, online, an update waiting, installable.
 */
import type { Workbox } from 'workbox-window';
import { dev, version } from '$app/environment';
import { flushAndSettle } from '$lib/state/writes.svelte';
import { answerVersionQueries, pruneCaches } from './caches';

interface BeforeInstallPromptEvent extends Event {
	prompt(): Promise<void>;
	userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** What the interface shows about the app as a PWA. */
class PwaState {
	offlineReady = $state(false);
	online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
	updateWaiting = $state(false);
	updating = $state(false);
	/** Why the update did not go ahead (unsaved changes), in French. */
	updateBlocked = $state('');
	installable = $state(false);
	#wb: Workbox | undefined;
	#installPrompt: BeforeInstallPromptEvent | undefined;

	/** Starts everything once, from the root layout (in the browser only). */
	async start(): Promise<void> {
		addEventListener('online', () => (this.online = true));
		addEventListener('offline', () => (this.online = false));
		addEventListener('beforeinstallprompt', (e) => {
			e.preventDefault();
			this.#installPrompt = e as BeforeInstallPromptEvent;
			this.installable = true;
		});
		addEventListener('appinstalled', () => (this.installable = false));
		if (dev || !('serviceWorker' in navigator)) return;
		answerVersionQueries(version);
		// Loaded here, in the browser: nothing else needs it, and the page paints without it.
		const { Workbox } = await import('workbox-window');
		const wb = new Workbox('/service-worker.js');
		this.#wb = wb;
		wb.addEventListener('waiting', () => (this.updateWaiting = true));
		// Once the user accepted and the new worker took control, load the new version. When
		// another tab accepted it, this tab keeps running the old version: the banner stays, and
		// "Mettre à jour" then only has to reload (see update()). On the very first visit the
		// first worker also takes control (clients.claim()): that is no update (isUpdate is
		// true only when a worker already controlled the page when it registered).
		wb.addEventListener('controlling', (event) => {
			if (this.updating) location.reload();
			else if (event.isUpdate) this.updateWaiting = true;
		});
		// Look for a new version when the network comes back and every hour; with no network
		// the check fails, which only means "no update known".
		const check = () => wb.update().catch(() => {});
		addEventListener('online', () => void check());
		setInterval(() => void check(), 60 * 60 * 1000);
		wb.register()
			.then(() => navigator.serviceWorker.ready)
			.then(() => {
				this.offlineReady = true;
				return pruneCaches(version);
			})
			.catch(() => {
				// Without a service worker the app still works online; the indicator says so.
				this.offlineReady = false;
			});
	}

	/**
	 * Applies the update once every change on screen is committed; never reloads over an unsaved
	 * change. If another tab already activated the new version, reloading is all that is left.
	 */
	async update(): Promise<void> {
		this.updating = true;
		this.updateBlocked = '';
		if (!(await flushAndSettle())) {
			this.updating = false;
			this.updateBlocked =
				'Des modifications ne sont pas enregistrées\u202f: la mise à jour attendra qu’elles le soient. Réessayez l’enregistrement, puis «\u202fMettre à jour\u202f».';
			return;
		}
		const registration = await navigator.serviceWorker.getRegistration();
		if (registration?.waiting) this.#wb?.messageSkipWaiting();
		else location.reload();
	}

	/** Shows the browser's installation prompt. */
	async install(): Promise<void> {
		const prompt = this.#installPrompt;
		if (!prompt) return;
		await prompt.prompt();
		const { outcome } = await prompt.userChoice;
		if (outcome === 'accepted') this.installable = false;
		this.#installPrompt = undefined;
	}
}

/** The app's PWA state. */
export const pwa = new PwaState();
