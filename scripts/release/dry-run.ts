/**
 * `npm run release:dry-run` (part of `npm test`): the publish workflow's steps without a tag and
 * without publishing. The release check for the current version (no tag), the pack with its
 * checks (a tarball written to a temporary folder), then `npm publish <tarball> --dry-run` with
 * the workflow's flags. Offline: `--offline` keeps npm from asking the registry whether the
 * version exists, so it needs no network and no publishing rights. Prints the tarball's sizes.
 * `npm run build` must have run first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { publishArgs } from './checks';
import { checkRelease, report } from './check-release';
import { describePack, packForRelease } from './pack';

function main(): number {
	const check = checkRelease(undefined);
	if (!report('release check (dry run, no tag)', check)) return 1;
	const work = mkdtempSync(join(tmpdir(), 'n8n-nodes-zoom-release-'));
	try {
		const { tarball, pack } = packForRelease(work);
		console.log(`[release] packed ${describePack(pack)}`);
		const args = publishArgs(tarball, check.distTag, true);
		console.log(`[release] npm ${args.join(' ')}`);
		const result = spawnSync('npm', args, { cwd: work, encoding: 'utf8' });
		if (result.status !== 0) {
			console.error(`[release] npm publish --dry-run failed:\n${result.stdout}${result.stderr}`);
			return 1;
		}
		const published = /^\+ (.+)$/m.exec(result.stdout)?.[1];
		console.log(
			`[release] npm publish --dry-run: would publish ${published ?? '(see npm output)'}`,
		);
		return 0;
	} catch (error) {
		console.error(`[release] ${(error as Error).message}`);
		return 1;
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

if (require.main === module) process.exitCode = main();
