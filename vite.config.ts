import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { fs: { allow: ['questionnaires'] } },
	test: {
		include: ['src/**/*.test.ts', 'questionnaires/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true }
	}
});
