import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';

/*
 * The shared after-each check (test/simulator/spec/failOnViolations.ts, imported by the
 * integration and end-to-end harnesses): a test whose requests broke Zoom's spec fails with the
 * rule in its message; a test that claimed its violation, and the tests around it, pass.
 */

const REPO = path.resolve(__dirname, '..', '..');

const SPEC_FILE = `
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ${JSON.stringify(path.join(REPO, 'test/simulator/spec/failOnViolations.ts'))};
import { startZoomSimulator } from ${JSON.stringify(path.join(REPO, 'test/simulator'))};

let sim;
let token;
before(async () => {
	sim = await startZoomSimulator({ seed: false });
	token = sim.issueAccessToken();
});
after(() => sim.close());

const create = (settings) =>
	fetch(sim.apiBaseUrl + '/users/me/meetings', {
		method: 'POST',
		headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' },
		body: JSON.stringify({ topic: 'x', settings }),
	});

test('valid request', async () => {
	assert.equal((await create({ jbh_time: 5 })).status, 201);
});
test('invalid request', async () => {
	await create({ jbh_time: 15 });
});
test('invalid request, claimed', async () => {
	await create({ jbh_time: 15 });
	assert.equal(sim.takeSpecViolations().length, 1);
});
test('valid request after', async () => {
	assert.equal((await create({ jbh_time: 10 })).status, 201);
});
`;

function childEnv(): NodeJS.ProcessEnv {
	const env = { ...process.env };
	delete env.NODE_TEST_CONTEXT;
	return env;
}

describe('failing the test that sent a request breaking the spec', () => {
	test('only that test fails, naming the rule; claimed violations do not fail', () => {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'spec-check-'));
		try {
			const file = path.join(dir, 'probe.test.ts');
			writeFileSync(file, SPEC_FILE);
			const run = spawnSync(
				process.execPath,
				['--import', 'tsx', '--test', '--test-reporter=tap', file],
				// Without the parent runner's marker, the child runs its file as a test run of its own.
				{ cwd: REPO, encoding: 'utf8', timeout: 120_000, env: childEnv() },
			);
			const out = `${run.stdout}\n${run.stderr}`;
			assert.notEqual(run.status, 0, out);
			assert.match(out, /^ok \d+ - valid request$/m, out);
			assert.match(out, /^not ok \d+ - invalid request$/m, out);
			assert.match(out, /^ok \d+ - invalid request, claimed$/m, out);
			assert.match(out, /^ok \d+ - valid request after$/m, out);
			assert.match(out, /1 request\(s\) broke Zoom's OpenAPI spec/);
			assert.match(
				out,
				/POST \/users\/\{userId\}\/meetings: body \/settings\/jbh_time .*enum \[0,5,10\].*sent 15/,
			);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
