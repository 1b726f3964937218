/**
 * The layering of the shipped code, read from its own imports: every arrow points down, and no
 * two folders import each other (directly or round a circle). The layers, bottom up:
 *
 *   core/zoom        Zoom facts: endpoint catalogue, rate-limit categories, clouds, scopes
 *   core/transport   the only code that talks HTTP to Zoom
 *   credentials      the credential types (fields, tests, token minting through core)
 *   action helpers   pure helpers and field definitions of the Zoom Workplace node
 *   action shared    what every operation uses: types, common parameters, request settings
 *   action operations, then action methods, then the action node; the trigger on core only
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';

const ROOT = resolve(__dirname, '../..');

interface Layer {
	name: string;
	/** Paths below the repository root (a folder ends with "/"). */
	paths: string[];
	/** The layers its files may import (besides their own). */
	mayImport: string[];
}

const CORE = ['core/zoom', 'core/transport'];

export const LAYERS: Layer[] = [
	{ name: 'core/zoom', paths: ['nodes/core/zoom/'], mayImport: [] },
	{ name: 'core/transport', paths: ['nodes/core/transport/'], mayImport: ['core/zoom'] },
	{ name: 'credentials', paths: ['credentials/'], mayImport: CORE },
	{ name: 'action helpers', paths: ['nodes/ZoomWorkplace/helpers/'], mayImport: CORE },
	{
		name: 'action shared',
		paths: ['nodes/ZoomWorkplace/actions/shared/'],
		mayImport: [...CORE, 'action helpers'],
	},
	{
		name: 'action operations',
		paths: ['nodes/ZoomWorkplace/actions/'],
		mayImport: [...CORE, 'action helpers', 'action shared'],
	},
	{
		name: 'action methods',
		paths: ['nodes/ZoomWorkplace/methods/'],
		mayImport: [...CORE, 'action helpers', 'action shared', 'action operations'],
	},
	{
		name: 'action node',
		paths: ['nodes/ZoomWorkplace/ZoomWorkplace.node.ts'],
		mayImport: ['action operations', 'action methods'],
	},
	{ name: 'trigger', paths: ['nodes/ZoomWorkplaceTrigger/'], mayImport: CORE },
];

function shippedSources(dir: string): string[] {
	return readdirSync(join(ROOT, dir)).flatMap((entry) => {
		const path = join(dir, entry);
		if (statSync(join(ROOT, path)).isDirectory()) return shippedSources(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

function layerOf(file: string): Layer | undefined {
	return LAYERS.find((layer) =>
		layer.paths.some((path) => (path.endsWith('/') ? file.startsWith(path) : file === path)),
	);
}

/** The repository files a source file imports (relative imports only; packages are not ours). */
export function importsOf(file: string, source: string): string[] {
	const specifiers = [
		...source.matchAll(/(?:^|\s)(?:import|export)\s[^;]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g),
		...source.matchAll(/(?:^|\s)import\s+['"](\.{1,2}\/[^'"]+)['"]/g),
		...source.matchAll(/(?:import|require)\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g),
	].map((match) => match[1]);
	return specifiers.map((specifier) => {
		const target = relative(ROOT, resolve(ROOT, dirname(file), specifier));
		for (const candidate of [`${target}.ts`, `${target}/index.ts`, target]) {
			try {
				if (statSync(join(ROOT, candidate)).isFile()) return candidate;
			} catch {
				// not this candidate
			}
		}
		return target;
	});
}

interface Arrow {
	from: string;
	to: string;
}

function arrows(): Arrow[] {
	const files = [...shippedSources('nodes'), ...shippedSources('credentials')];
	return files.flatMap((file) =>
		importsOf(file, readFileSync(join(ROOT, file), 'utf8')).map((to) => ({ from: file, to })),
	);
}

/** Arrows that leave the layers or go to a layer the importer may not use. */
export function layerViolations(all: Arrow[]): string[] {
	return all.flatMap(({ from, to }) => {
		const source = layerOf(from);
		const target = layerOf(to);
		if (!source) return [`${from} belongs to no layer: add it to LAYERS`];
		if (!target) return [`${from} imports ${to}, which belongs to no layer`];
		if (source === target || source.mayImport.includes(target.name)) return [];
		return [`${from} (${source.name}) imports ${to} (${target.name})`];
	});
}

/** Circles between folders: each is a list of folders that reach each other through imports. */
export function folderCircles(all: Arrow[]): string[][] {
	const edges = new Map<string, Set<string>>();
	for (const { from, to } of all) {
		const a = dirname(from);
		const b = dirname(to);
		if (a === b) continue;
		if (!edges.has(a)) edges.set(a, new Set());
		edges.get(a)!.add(b);
	}
	// Tarjan's strongly connected components: a component of more than one folder is a circle.
	let index = 0;
	const indexes = new Map<string, number>();
	const lowest = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const circles: string[][] = [];
	const visit = (folder: string) => {
		indexes.set(folder, index);
		lowest.set(folder, index);
		index++;
		stack.push(folder);
		onStack.add(folder);
		for (const next of edges.get(folder) ?? []) {
			if (!indexes.has(next)) {
				visit(next);
				lowest.set(folder, Math.min(lowest.get(folder)!, lowest.get(next)!));
			} else if (onStack.has(next)) {
				lowest.set(folder, Math.min(lowest.get(folder)!, indexes.get(next)!));
			}
		}
		if (lowest.get(folder) === indexes.get(folder)) {
			const component: string[] = [];
			let member: string;
			do {
				member = stack.pop()!;
				onStack.delete(member);
				component.push(member);
			} while (member !== folder);
			if (component.length > 1) circles.push(component.sort());
		}
	};
	for (const folder of edges.keys()) if (!indexes.has(folder)) visit(folder);
	return circles;
}

describe('layering of the shipped code', () => {
	const all = arrows();

	test('the imports are read (the check sees the code it guards)', () => {
		assert.ok(all.some((a) => a.from.startsWith('credentials/') && a.to.startsWith('nodes/core/')));
		assert.ok(all.some((a) => a.from.startsWith('nodes/ZoomWorkplaceTrigger/')));
	});

	test('every arrow points down: no import from a lower layer to a higher one', () => {
		assert.deepEqual(layerViolations(all), []);
	});

	test('no circles between folders', () => {
		assert.deepEqual(folderCircles(all), []);
	});

	test('the checks catch an arrow up and a circle', () => {
		assert.deepEqual(
			layerViolations([
				{ from: 'nodes/core/transport/client.ts', to: 'credentials/common/cloudFields.ts' },
				{ from: 'nodes/ZoomWorkplaceTrigger/webhook.ts', to: 'nodes/ZoomWorkplace/helpers/x.ts' },
			]),
			[
				'nodes/core/transport/client.ts (core/transport) imports credentials/common/cloudFields.ts (credentials)',
				'nodes/ZoomWorkplaceTrigger/webhook.ts (trigger) imports nodes/ZoomWorkplace/helpers/x.ts (action helpers)',
			],
		);
		assert.deepEqual(
			folderCircles([
				{ from: 'a/one.ts', to: 'b/two.ts' },
				{ from: 'b/two.ts', to: 'c/three.ts' },
				{ from: 'c/three.ts', to: 'a/four.ts' },
				{ from: 'c/three.ts', to: 'd/five.ts' },
			]),
			[['a', 'b', 'c']],
		);
	});
});
