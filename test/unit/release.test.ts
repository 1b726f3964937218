import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
	changelogSections,
	checkAgainstPublished,
	checkChangelog,
	checkNpmVersion,
	checkPackedFiles,
	checkPackedManifest,
	checkRepository,
	checkRequires,
	checkTag,
	checkVersion,
	distTagFor,
	githubRepositoryOf,
	lowestNodeMajor,
	nodeMajorSatisfies,
	parseNpmView,
	publishArgs,
	type PackageJson,
} from '../../scripts/release/checks';

const CHANGELOG = `# Changelog

Intro.

## [Unreleased]

### Fixed
- Something fixed after 0.2.0.

## [0.2.0] - 2026-11-02

### Added
- Webinars.
- Reports.

## [0.1.0] - 2026-10-01

- First release.
`;

describe('release tag and version', () => {
	test('the tag must be "v" + package.json\'s version', () => {
		assert.deepEqual(checkTag('v0.2.0', '0.2.0'), []);
		assert.deepEqual(checkTag('v1.0.0-rc.1', '1.0.0-rc.1'), []);
		assert.match(
			checkTag('v0.2.1', '0.2.0')[0],
			/does not match package.json's version 0.2.0 \(expected "v0.2.0"\)/,
		);
		assert.match(checkTag('0.2.0', '0.2.0')[0], /not a release tag/);
		assert.match(checkTag('release-0.2.0', '0.2.0')[0], /not a release tag/);
		assert.match(checkTag('v0.2.0', '0.2.0-rc.1')[0], /does not match/);
	});

	test("package.json's version must be a semantic version", () => {
		assert.deepEqual(checkVersion('0.1.0'), []);
		assert.equal(checkVersion('0.1').length, 1);
		assert.equal(checkVersion('v0.1.0').length, 1);
	});

	test('prereleases go to the "next" dist-tag, so npm install keeps the last stable version', () => {
		assert.equal(distTagFor('0.2.0'), 'latest');
		assert.equal(distTagFor('1.0.0-rc.1'), 'next');
		assert.equal(distTagFor('1.0.0-beta'), 'next');
	});
});

describe('CHANGELOG.md', () => {
	test('sections: Unreleased and the released versions with their dates and entries', () => {
		const sections = changelogSections(CHANGELOG);
		assert.deepEqual(
			sections.map((s) => [s.name, s.date, s.entries.length]),
			[
				['Unreleased', undefined, 1],
				['0.2.0', '2026-11-02', 2],
				['0.1.0', '2026-10-01', 1],
			],
		);
		assert.equal(sections[1].line, 10);
	});

	test('a tagged release needs its own section', () => {
		assert.deepEqual(checkChangelog(CHANGELOG, '0.2.0', 'tag'), { problems: [], notes: [] });
		const missing = checkChangelog(CHANGELOG, '0.3.0', 'tag');
		assert.equal(missing.problems.length, 1);
		assert.match(
			missing.problems[0],
			/no "## \[0.3.0\]" section: rename "## \[Unreleased\]" to "## \[0.3.0\] - YYYY-MM-DD"/,
		);
	});

	test('the dry run accepts a version not released yet when Unreleased has its entries', () => {
		const result = checkChangelog(CHANGELOG, '0.3.0', 'dry-run');
		assert.deepEqual(result.problems, []);
		assert.match(result.notes[0], /0.3.0 is not released yet/);
		const empty = CHANGELOG.replace('- Something fixed after 0.2.0.\n', '');
		assert.match(
			checkChangelog(empty, '0.3.0', 'dry-run').problems[0],
			/lists no change to release as 0.3.0/,
		);
		// a released version is fine with an empty Unreleased
		assert.deepEqual(checkChangelog(empty, '0.2.0', 'dry-run').problems, []);
	});

	test('a version section without entries is refused', () => {
		const bare = CHANGELOG.replace('- Webinars.\n- Reports.\n', '');
		assert.match(
			checkChangelog(bare, '0.2.0', 'tag').problems[0],
			/section for 0.2.0 \(line 10\) lists no change/,
		);
	});

	test('release dates, order, duplicates, Unreleased on top', () => {
		const noDate = CHANGELOG.replace('## [0.2.0] - 2026-11-02', '## [0.2.0]');
		assert.match(checkChangelog(noDate, '0.2.0', 'tag').problems[0], /needs its release date/);
		const swapped = CHANGELOG.replace('## [0.2.0] - 2026-11-02', '## [0.0.9] - 2026-11-02');
		assert.match(
			checkChangelog(swapped, '0.1.0', 'tag').problems[0],
			/lists 0.0.9 above 0.1.0: newest release first/,
		);
		const twice = CHANGELOG.replace('## [0.1.0] - 2026-10-01', '## [0.2.0] - 2026-10-01');
		assert.ok(
			checkChangelog(twice, '0.2.0', 'tag').problems.some((p) =>
				/a second section for 0.2.0/.test(p),
			),
		);
		const noUnreleased = CHANGELOG.replace('## [Unreleased]', '### Unreleased');
		assert.ok(
			checkChangelog(noUnreleased, '0.2.0', 'tag').problems.some((p) =>
				/no "## \[Unreleased\]"/.test(p),
			),
		);
		const notFirst = CHANGELOG.replace('## [Unreleased]\n', '').replace(
			'## [0.1.0]',
			'## [Unreleased]\n\n## [0.1.0]',
		);
		assert.ok(
			checkChangelog(notFirst, '0.2.0', 'tag').problems.some((p) =>
				/must be the first section/.test(p),
			),
		);
		const stray = CHANGELOG.replace('## [0.1.0] - 2026-10-01', '## Older releases');
		assert.ok(
			checkChangelog(stray, '0.2.0', 'tag').problems.some((p) =>
				/"## Older releases" is neither/.test(p),
			),
		);
	});
});

describe('publishing with provenance', () => {
	test('npm 11.5.1 or later, the first with trusted publishing (OIDC)', () => {
		assert.deepEqual(checkNpmVersion('11.5.1'), []);
		assert.deepEqual(checkNpmVersion('11.6.2'), []);
		assert.match(checkNpmVersion('11.5.0')[0], /needs npm 11.5.1 or later/);
		assert.equal(checkNpmVersion('10.9.3').length, 1);
		assert.equal(checkNpmVersion('garbage').length, 1);
	});

	const pkg = (url: string): PackageJson => ({
		name: 'n8n-nodes-zoom',
		version: '0.1.0',
		repository: { type: 'git', url },
	});

	test('package.json names the public GitHub repository', () => {
		assert.equal(
			githubRepositoryOf(pkg('https://github.com/acme/n8n-nodes-zoom.git')),
			'acme/n8n-nodes-zoom',
		);
		assert.equal(
			githubRepositoryOf(pkg('git+https://github.com/acme/n8n-nodes-zoom.git')),
			'acme/n8n-nodes-zoom',
		);
		assert.equal(
			githubRepositoryOf(pkg('https://github.com/acme/n8n-nodes-zoom')),
			'acme/n8n-nodes-zoom',
		);
		assert.equal(githubRepositoryOf(pkg('https://gitlab.com/acme/n8n-nodes-zoom.git')), undefined);
		assert.equal(checkRepository(pkg('git@github.com:acme/n8n-nodes-zoom.git')).length, 1);
		assert.equal(checkRepository({ name: 'x', version: '1.0.0' }).length, 1);
	});

	test('in GitHub Actions it is the repository the workflow runs in (npm checks provenance against it)', () => {
		const ours = pkg('https://github.com/acme/n8n-nodes-zoom.git');
		assert.deepEqual(checkRepository(ours, 'acme/n8n-nodes-zoom'), []);
		assert.deepEqual(checkRepository(ours, 'Acme/N8N-Nodes-Zoom'), []);
		assert.match(
			checkRepository(ours, 'someone/fork')[0],
			/names acme\/n8n-nodes-zoom, but this workflow runs in someone\/fork/,
		);
	});

	test('publish arguments: provenance, public, the dist-tag; the dry run stays offline', () => {
		assert.deepEqual(publishArgs('/tmp/p.tgz', 'latest', false), [
			'publish',
			'/tmp/p.tgz',
			'--provenance',
			'--access',
			'public',
			'--tag',
			'latest',
		]);
		assert.deepEqual(publishArgs('/tmp/p.tgz', 'next', true).slice(-4), [
			'--tag',
			'next',
			'--dry-run',
			'--offline',
		]);
	});
});

describe('what the tarball holds', () => {
	const pkg: PackageJson = {
		name: 'n8n-nodes-zoom',
		version: '0.1.0',
		license: 'MIT',
		engines: { node: '>=24.0.0' },
		n8n: { nodes: ['dist/nodes/A/A.node.js'], credentials: ['dist/credentials/C.credentials.js'] },
	};
	const good = [
		'package.json',
		'README.md',
		'LICENSE',
		'CHANGELOG.md',
		'dist/nodes/A/A.node.js',
		'dist/nodes/A/A.node.js.map',
		'dist/nodes/A/A.node.json',
		'dist/nodes/A/a.svg',
		'dist/credentials/C.credentials.js',
		'dist/credentials/C.credentials.js.map',
	];

	test('dist/ and the four documents pass', () => {
		assert.deepEqual(checkPackedFiles(good, pkg), []);
	});

	test('tests, sources, declarations, extra files and stray dist folders are refused', () => {
		for (const extra of [
			'index.js',
			'test/unit/a.test.ts',
			'nodes/A/A.node.ts',
			'dist/nodes/A/A.node.d.ts',
			'dist/test/simulator/server.js',
			'bench/run.ts',
			'dist/tsconfig.tsbuildinfo',
		]) {
			const problems = checkPackedFiles([...good, extra], pkg);
			assert.equal(problems.length, 1, `${extra}: ${problems.join('; ')}`);
			assert.ok(problems[0].startsWith(`${extra} is in the tarball`), problems[0]);
		}
	});

	test('missing documents, missing nodes, code without its map are reported', () => {
		assert.deepEqual(
			checkPackedFiles(
				good.filter((f) => f !== 'CHANGELOG.md'),
				pkg,
			),
			['CHANGELOG.md is missing from the tarball'],
		);
		assert.match(
			checkPackedFiles(
				good.filter((f) => !f.startsWith('dist/nodes/A/A.node.js')),
				pkg,
			).join('\n'),
			/dist\/nodes\/A\/A.node.js, which package.json's "n8n" section lists, is missing/,
		);
		assert.deepEqual(
			checkPackedFiles(
				good.filter((f) => f !== 'dist/nodes/A/A.node.js.map'),
				pkg,
			),
			['dist/nodes/A/A.node.js ships without its source map dist/nodes/A/A.node.js.map'],
		);
	});

	test('the manifest: MIT, no runtime dependencies, engines, no "main"', () => {
		assert.deepEqual(checkPackedManifest(pkg), []);
		assert.match(
			checkPackedManifest({ ...pkg, license: 'ISC' })[0],
			/n8n verifies MIT packages only/,
		);
		assert.match(
			checkPackedManifest({ ...pkg, dependencies: { axios: '^1' } })[0],
			/runtime dependencies \(axios\)/,
		);
		assert.match(checkPackedManifest({ ...pkg, engines: {} })[0], /no engines.node/);
		assert.match(checkPackedManifest({ ...pkg, main: 'index.js' })[0], /names a "main"/);
	});

	test('require(): shipped files and the modules n8n provides only', () => {
		const files = [
			{
				path: 'dist/nodes/A/A.node.js',
				content:
					'const n8n_workflow_1 = require("n8n-workflow");\nconst z = require("zod");\nconst h = require("../../core/h");\nconst c = require("crypto");',
			},
			{ path: 'dist/core/h.js', content: 'const x = require("./data.json");' },
		];
		const shipped = ['dist/nodes/A/A.node.js', 'dist/core/h.js', 'dist/core/data.json'];
		assert.deepEqual(checkRequires(files, shipped), []);
		const bad = [
			{
				path: 'dist/nodes/A/A.node.js',
				content: 'require("undici"); require("node:fs"); require("./gone");',
			},
		];
		assert.deepEqual(checkRequires(bad, shipped), [
			'dist/nodes/A/A.node.js requires "undici", which n8n does not provide (allowed: n8n-workflow, zod, crypto, node:crypto)',
			'dist/nodes/A/A.node.js requires "node:fs", which n8n does not provide (allowed: n8n-workflow, zod, crypto, node:crypto)',
			'dist/nodes/A/A.node.js requires ./gone, which is not in the tarball',
		]);
	});
});

describe('Node versions', () => {
	test('the lowest major of an engines range, and whether a CI matrix entry satisfies it', () => {
		assert.equal(lowestNodeMajor('>=24.0.0'), 24);
		assert.equal(lowestNodeMajor('^22.16.0 || >=24'), 22);
		assert.equal(nodeMajorSatisfies('24', '>=24.0.0'), true);
		assert.equal(nodeMajorSatisfies(26, '>=24.0.0'), true);
		assert.equal(nodeMajorSatisfies('22', '>=24.0.0'), false);
		assert.equal(nodeMajorSatisfies('lts/*', '>=24.0.0'), false);
	});
});

describe('what npm already has', () => {
	test('npm view output: versions and latest; a package npm does not know has none', () => {
		assert.deepEqual(
			parseNpmView('{"versions": ["0.1.0", "0.2.0"], "dist-tags": {"latest": "0.2.0"}}'),
			{ versions: ['0.1.0', '0.2.0'], latest: '0.2.0' },
		);
		assert.deepEqual(parseNpmView('{"versions": "0.1.0", "dist-tags": {"latest": "0.1.0"}}'), {
			versions: ['0.1.0'],
			latest: '0.1.0',
		});
		assert.deepEqual(parseNpmView('{"error": {"code": "E404", "summary": "Not Found"}}'), {
			versions: [],
		});
		assert.deepEqual(parseNpmView('{"error": {"code": "ETIMEDOUT", "summary": "timeout"}}'), {
			error: 'ETIMEDOUT: timeout',
		});
		assert.ok('error' in parseNpmView('npm error'));
	});

	test('a version npm has, or a stable one at or below latest, stops the release', () => {
		const published = { versions: ['0.1.0', '0.2.0'], latest: '0.2.0' };
		assert.deepEqual(checkAgainstPublished('0.3.0', published), []);
		assert.deepEqual(checkAgainstPublished('0.3.0', { versions: [] }), []);
		assert.match(checkAgainstPublished('0.2.0', published)[0], /already on npm/);
		assert.match(
			checkAgainstPublished('0.1.5', published)[0],
			/not above npm's latest version 0.2.0/,
		);
		// a prerelease goes to "next" and leaves latest alone
		assert.deepEqual(checkAgainstPublished('0.1.6-rc.1', published), []);
	});
});
