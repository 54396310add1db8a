import { expect, it } from 'vitest';
import { referencedScripts } from './chunks';

it('finds the worker a page chunk starts, and the chunks it imports, as absolute paths', () => {
	const page =
		'import{a}from"../chunks/Ab1.js";const w=new Worker(new URL(""+new URL("../workers/preview.worker-D8h.js",import.meta.url).href,import.meta.url),{type:"module"});import("./17.Xy.js")';
	expect(referencedScripts(page, '/_app/immutable/nodes/16.C8Z.js').sort()).toEqual([
		'/_app/immutable/chunks/Ab1.js',
		'/_app/immutable/nodes/17.Xy.js',
		'/_app/immutable/workers/preview.worker-D8h.js'
	]);
});

it('ignores addresses that are not relative scripts', () => {
	expect(
		referencedScripts('fetch("/api/x.js");a="https://e.org/b.js";c="../style.css"', '/a/b.js')
	).toEqual([]);
});
