/**
 * What users install: the tarball `npm pack` makes of this checkout (the publish workflow
 * publishes exactly such a tarball), and the package.json they get. Needs `npm run build` first
 * (npm test builds before the unit tests).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { before, describe, test } from 'node:test';

import {
	checkPackedFiles,
	lowestNodeMajor,
	PACKAGE_TOP_LEVEL_FILES,
	type PackageJson,
} from '../../scripts/release/checks';
import { REPO_ROOT, readPackageJson } from '../../scripts/release/check-release';
import { checkPack, npmPack, type PackResult } from '../../scripts/release/pack';

const pkg = readPackageJson();

describe('the npm tarball', () => {
	let pack: PackResult;
	before(() => {
		pack = npmPack({ dryRun: true });
	});

	test('holds dist/, README.md, LICENSE, CHANGELOG.md and package.json, and nothing else', () => {
		const paths = pack.files.map((f) => f.path);
		assert.deepEqual(checkPack(pack), []);
		const topLevel = new Set(paths.map((p) => (p.includes('/') ? `${p.split('/')[0]}/` : p)));
		assert.deepEqual([...topLevel].sort(), ['dist/', ...PACKAGE_TOP_LEVEL_FILES].sort());
		for (const unwanted of [/^test\//, /^bench\//, /simulator/, /\.test\./, /\.ts$/, /spec\//]) {
			assert.deepEqual(
				paths.filter((p) => unwanted.test(p)),
				[],
				`${unwanted} matched files in the tarball`,
			);
		}
	});

	test('holds every node and credential n8n loads, with its icons and codex file', () => {
		const paths = new Set(pack.files.map((f) => f.path));
		for (const file of [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])]) {
			assert.ok(paths.has(file), file);
		}
		for (const node of pkg.n8n?.nodes ?? []) {
			assert.ok(paths.has(node.replace(/\.js$/, '.json')), `${node}: codex file`);
		}
		assert.ok(
			[...paths].some((p) => p.endsWith('.svg')),
			'icons are in the tarball',
		);
	});

	test('the check refuses a tarball that would ship a test file or lose the changelog', () => {
		// the same list with one test file added, and with CHANGELOG.md left out
		const paths = pack.files.map((f) => f.path);
		assert.notDeepEqual(checkPackedFiles([...paths, 'test/unit/package.test.ts'], pkg), []);
		assert.notDeepEqual(
			checkPackedFiles(
				paths.filter((p) => p !== 'CHANGELOG.md'),
				pkg,
			),
			[],
		);
	});
});

describe("the package's Node versions", () => {
	test('engines.node is what n8n 2.41.1 accepts (its package.json, recorded in the committed lockfile)', () => {
		const lock = JSON.parse(
			readFileSync(resolve(REPO_ROOT, 'scripts/n8n/n8n-2.41.1.package-lock.json'), 'utf8'),
		) as { packages: Record<string, { version?: string; engines?: { node?: string } }> };
		const n8n = lock.packages['node_modules/n8n'];
		assert.equal(n8n.version, '2.41.1');
		assert.equal(pkg.engines?.node, n8n.engines?.node);
		assert.equal(lowestNodeMajor(pkg.engines!.node!), 24);
	});

	test('package.json is published as a verified community package needs it', () => {
		const manifest: PackageJson = pkg;
		assert.equal(manifest.license, 'MIT');
		assert.match(readFileSync(resolve(REPO_ROOT, 'LICENSE'), 'utf8'), /^MIT License/);
		assert.equal(manifest.dependencies, undefined);
		assert.ok(pkg.files?.includes('CHANGELOG.md'));
	});
});
