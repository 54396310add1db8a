// Renders the app icons (static/icons/*.png) from one SVG with the local Chromium. Run by hand
// when the logo changes: `node scripts/make-icons.mjs`. The PNGs are committed.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const logo = (maskable) => `
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="100%" height="100%">
	<rect width="64" height="64" rx="${maskable ? 0 : 14}" fill="#1f5f4a"/>
	<g transform="${maskable ? 'translate(12.8 12.8) scale(0.6)' : ''}">
		<path d="M14 46 L32 18 L50 46 Z" fill="none" stroke="#fff" stroke-width="5" stroke-linejoin="round"/>
		<circle cx="32" cy="38" r="5" fill="#f2c14e"/>
	</g>
</svg>`;

mkdirSync('static/icons', { recursive: true });
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
const page = await browser.newPage();
for (const [name, size, maskable] of [
	['icon-192.png', 192, false],
	['icon-512.png', 512, false],
	['icon-maskable-512.png', 512, true]
]) {
	await page.setViewportSize({ width: size, height: size });
	await page.setContent(
		`<style>html,body{margin:0;background:transparent}</style>${logo(maskable)}`
	);
	await page.screenshot({ path: `static/icons/${name}`, omitBackground: true });
}
await browser.close();
