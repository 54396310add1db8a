import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// CI asks for machine-readable results to print one "N passed, N failed" line.
const reportDir = process.env.LEVIERS_REPORT_DIR;

export default defineConfig({
	plugins: [sveltekit()],
	server: { fs: { allow: ['questionnaires'] } },
	test: {
		include: ['src/**/*.test.ts', 'questionnaires/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		reporters: reportDir ? ['default', 'json'] : ['default'],
		outputFile: reportDir ? { json: `${reportDir}/vitest.json` } : undefined
	}
});
