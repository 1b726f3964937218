#!/usr/bin/env node
/**
 * Runs n8n's community-package scanner (@n8n/scan-community-package, the checks n8n applies
 * before it verifies a package) on this package without publishing it: on the sources the way
 * the scanner lints an attested source checkout, and on the tarball `npm pack` produces (what
 * users install). Exits non-zero on any violation.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const work = mkdtempSync(join(tmpdir(), 'zoom-scan-'));

function run(command, args, cwd) {
	const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
	return result.stdout.toString();
}

try {
	const sources = await analyzePackage(root, SOURCE_FILE_PATTERNS);
	console.log(
		`[scan] sources (${SOURCE_FILE_PATTERNS.join(', ')}): ${sources.passed ? 'passed' : sources.message}`,
	);
	if (!sources.passed) console.log(sources.details ?? sources.error ?? '');

	// What npm would publish: the tarball of `npm pack` (the `files` of package.json).
	run('npm', ['pack', '--silent', '--pack-destination', work], root);
	const tarball = readdirSync(work).find((file) => file.endsWith('.tgz'));
	const unpacked = join(work, 'package');
	run('tar', ['-xzf', tarball], work);
	const listing = run('tar', ['-tzf', tarball], work);
	if (!/package\/dist\/nodes\/ZoomWorkplace\/ZoomWorkplace\.node\.js/.test(listing)) {
		throw new Error('the npm pack tarball holds no built node: run `npm run build` first');
	}
	const published = await analyzePackage(unpacked, ['**/*.js', 'package.json']);
	console.log(
		`[scan] npm pack tarball ${tarball}: ${published.passed ? 'passed' : published.message}`,
	);
	if (!published.passed) console.log(published.details ?? published.error ?? '');

	process.exitCode = sources.passed && published.passed ? 0 : 1;
} finally {
	rmSync(work, { recursive: true, force: true });
}
