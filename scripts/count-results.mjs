// Sums the JSON reports of vitest and Playwright written under LEVIERS_REPORT_DIR and prints
// one line "N passed, N failed". Exits 1 when a suite has no report or no test ran.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
let missing = [];

const unitFile = join(dir, 'vitest.json');
if (existsSync(unitFile)) {
	const r = JSON.parse(readFileSync(unitFile, 'utf8'));
	passed += r.numPassedTests;
	failed += r.numFailedTests;
} else missing.push('unit');

const e2eFile = join(dir, 'playwright.json');
if (existsSync(e2eFile)) {
	const { stats } = JSON.parse(readFileSync(e2eFile, 'utf8'));
	passed += stats.expected + stats.flaky;
	failed += stats.unexpected;
} else missing.push('e2e');

if (missing.length)
	console.log(`Suites sans rapport (non lancées ou interrompues) : ${missing.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(missing.length || passed === 0 ? 1 : 0);
