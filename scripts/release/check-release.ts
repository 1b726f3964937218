/**
 * The release check: stops a release before anything is published.
 *
 *   npm run release:check -- v0.2.0     the publish workflow, with the pushed tag ($GITHUB_REF_NAME);
 *                                        also what a maintainer runs before tagging
 *   npm run release:check -- --dry-run  no tag: the current version (part of npm run release:dry-run)
 *
 * Checks: the tag is "v" + package.json's version; CHANGELOG.md has that version's section
 * ("## [x.y.z] - YYYY-MM-DD", or in the dry run "## [Unreleased]" with entries for it);
 * package.json's repository names a GitHub repository, with a tag the one the workflow runs in
 * ($GITHUB_REPOSITORY); with a tag, npm is new enough for trusted publishing, and the registry
 * has neither this version nor a higher "latest" (the one network call; the dry run has none).
 * Exits 1 with every problem found. In GitHub Actions it writes `version` and `dist-tag` (latest,
 * or next for a prerelease) to $GITHUB_OUTPUT.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import {
	checkAgainstPublished,
	checkChangelog,
	checkNpmVersion,
	checkRepository,
	checkTag,
	checkVersion,
	distTagFor,
	parseNpmView,
	type PackageJson,
	type ReleaseMode,
} from './checks';

export const REPO_ROOT = resolve(__dirname, '..', '..');

export function readPackageJson(root = REPO_ROOT): PackageJson {
	return JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as PackageJson;
}

export interface ReleaseCheckResult {
	version: string;
	distTag: 'latest' | 'next';
	problems: string[];
	notes: string[];
}

/** Reads package.json and CHANGELOG.md and applies the checks; `tag` undefined = dry run. */
export function checkRelease(
	tag: string | undefined,
	env: NodeJS.ProcessEnv = process.env,
	root = REPO_ROOT,
): ReleaseCheckResult {
	const pkg = readPackageJson(root);
	const mode: ReleaseMode = tag === undefined ? 'dry-run' : 'tag';
	const changelog = checkChangelog(
		readFileSync(resolve(root, 'CHANGELOG.md'), 'utf8'),
		pkg.version,
		mode,
	);
	const problems = [
		...checkVersion(pkg.version),
		...(tag === undefined ? [] : checkTag(tag, pkg.version)),
		...changelog.problems,
		// The workflow's repository only matters when publishing: a fork's CI runs the dry run too.
		...checkRepository(pkg, tag === undefined ? undefined : env.GITHUB_REPOSITORY || undefined),
		...(tag === undefined ? [] : checkNpmVersion(npmVersion())),
		...(tag === undefined ? [] : checkPublished(pkg)),
	];
	return {
		version: pkg.version,
		distTag: distTagFor(pkg.version),
		problems,
		notes: changelog.notes,
	};
}

/** Asks the registry which versions exist (tag mode only: the dry run stays offline). */
function checkPublished(pkg: PackageJson): string[] {
	const result = spawnSync('npm', ['view', pkg.name, 'versions', 'dist-tags', '--json'], {
		encoding: 'utf8',
	});
	const published = parseNpmView(result.stdout);
	if ('error' in published)
		return [`could not read ${pkg.name}'s versions from npm (${published.error})`];
	return checkAgainstPublished(pkg.version, published);
}

function npmVersion(): string {
	const result = spawnSync('npm', ['--version'], { encoding: 'utf8' });
	return result.status === 0 ? result.stdout.trim() : `(npm --version failed: ${result.stderr})`;
}

export function report(label: string, result: ReleaseCheckResult): boolean {
	for (const note of result.notes) console.log(`[release] note: ${note}`);
	if (result.problems.length > 0) {
		console.error(
			`[release] ${label}: ${result.problems.length} problem(s), nothing is published:`,
		);
		for (const problem of result.problems) console.error(`  - ${problem}`);
		return false;
	}
	console.log(`[release] ${label}: ok (version ${result.version}, npm dist-tag ${result.distTag})`);
	return true;
}

if (require.main === module) {
	const args = process.argv.slice(2);
	const dryRun = args.includes('--dry-run');
	const tag = args.find((a) => !a.startsWith('--'));
	if (!dryRun && !tag) {
		console.error('usage: npm run release:check -- <tag, e.g. v0.2.0> | --dry-run');
		process.exit(2);
	}
	const result = checkRelease(dryRun ? undefined : tag);
	const ok = report(
		dryRun ? 'release check (dry run, no tag)' : `release check for ${tag}`,
		result,
	);
	if (ok && !dryRun && process.env.GITHUB_OUTPUT) {
		appendFileSync(
			process.env.GITHUB_OUTPUT,
			`version=${result.version}\ndist-tag=${result.distTag}\n`,
		);
	}
	process.exitCode = ok ? 0 : 1;
}
