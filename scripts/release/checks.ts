/**
 * What must hold before a version of this package goes to npm: pure decisions, shared by the
 * publish workflow (`npm run release:check -- <tag>`, `npm run release:pack -- <dir>`), the
 * release dry run in `npm test` (`npm run release:dry-run`) and the unit tests
 * (test/unit/release.test.ts, test/unit/package.test.ts). Every function returns the problems it
 * found as sentences a maintainer can act on; an empty list means "fine".
 */
import semver from 'semver';

export interface PackageJson {
	name: string;
	version: string;
	license?: string;
	engines?: { node?: string };
	repository?: string | { type?: string; url?: string };
	files?: string[];
	main?: string;
	dependencies?: Record<string, string>;
	n8n?: { nodes?: string[]; credentials?: string[] };
}

// ---------------------------------------------------------------------------------------------
// Tag and version
// ---------------------------------------------------------------------------------------------

/** Release tags are `v` followed by package.json's version, e.g. `v0.2.0` or `v1.0.0-rc.1`. */
export function tagFor(version: string): string {
	return `v${version}`;
}

export function checkVersion(version: string): string[] {
	return semver.valid(version) === version
		? []
		: [`package.json's version "${version}" is not a semantic version (x.y.z)`];
}

export function checkTag(tag: string, version: string): string[] {
	if (!/^v\d/.test(tag)) {
		return [
			`the tag "${tag}" is not a release tag: release tags are "v" + the version, e.g. "v0.2.0"`,
		];
	}
	if (tag !== tagFor(version)) {
		return [
			`the tag "${tag}" does not match package.json's version ${version} (expected "${tagFor(version)}"): ` +
				'bump the version, commit, then tag that commit',
		];
	}
	return [];
}

/** npm's dist-tag for a version: prereleases go to `next`, so `npm install` keeps the last stable. */
export function distTagFor(version: string): 'latest' | 'next' {
	return semver.prerelease(version) ? 'next' : 'latest';
}

/** What npm already has of the package: `npm view <name> versions dist-tags --json`. */
export interface PublishedVersions {
	versions: string[];
	latest?: string;
}

/**
 * Parses `npm view <name> versions dist-tags --json`. A package npm does not know (E404) has no
 * version yet; any other error is returned as `error`.
 */
export function parseNpmView(stdout: string): PublishedVersions | { error: string } {
	let data: {
		versions?: string | string[];
		'dist-tags'?: { latest?: string };
		error?: { code?: string; summary?: string };
	};
	try {
		data = JSON.parse(stdout || '{}');
	} catch {
		return { error: `npm view printed no JSON: ${stdout.slice(0, 200)}` };
	}
	if (data.error) {
		return data.error.code === 'E404'
			? { versions: [] }
			: { error: `${data.error.code ?? 'error'}: ${data.error.summary ?? ''}` };
	}
	const versions = data.versions ?? [];
	return {
		versions: Array.isArray(versions) ? versions : [versions],
		latest: data['dist-tags']?.latest,
	};
}

/**
 * npm never takes a version twice, and a stable version at or below npm's `latest` would move
 * everyone who installs the package back: both stop the release before CI runs.
 */
export function checkAgainstPublished(version: string, published: PublishedVersions): string[] {
	if (published.versions.includes(version)) {
		return [
			`${version} is already on npm, which never takes a version twice: release the next version`,
		];
	}
	if (
		distTagFor(version) === 'latest' &&
		published.latest &&
		semver.lte(version, published.latest)
	) {
		return [
			`${version} is not above npm's latest version ${published.latest}: publishing it as "latest" would move users back`,
		];
	}
	return [];
}

// ---------------------------------------------------------------------------------------------
// CHANGELOG.md (Keep a Changelog)
// ---------------------------------------------------------------------------------------------

export interface ChangelogSection {
	/** `Unreleased` or the version, e.g. `0.2.0` */
	name: string;
	/** the release date after ` - `, if any */
	date?: string;
	/** 1-based line of the heading */
	line: number;
	/** the lines under the heading that are list entries (`- …`) */
	entries: string[];
}

/** The `## [Unreleased]` and `## [x.y.z] - YYYY-MM-DD` sections, in file order. */
export function changelogSections(text: string): ChangelogSection[] {
	const sections: ChangelogSection[] = [];
	const lines = text.split(/\r?\n/);
	for (const [index, line] of lines.entries()) {
		const heading = /^## \[([^\]]+)\](?:\s+-\s+(.*?))?\s*$/.exec(line);
		if (heading) {
			sections.push({ name: heading[1], date: heading[2], line: index + 1, entries: [] });
			continue;
		}
		if (/^## /.test(line)) {
			sections.push({ name: line.slice(3).trim(), line: index + 1, entries: [] });
			continue;
		}
		const current = sections.at(-1);
		if (current && /^\s*[-*] \S/.test(line)) current.entries.push(line.trim());
	}
	return sections;
}

export type ReleaseMode = 'tag' | 'dry-run';

export interface ChangelogCheck {
	problems: string[];
	/** what a maintainer should know but that does not stop the release */
	notes: string[];
}

/**
 * Tag mode (the publish workflow): the version must have its own section with entries.
 * Dry-run mode (`npm test`, no tag): the version has its section, or it has not been released
 * yet and `## [Unreleased]` holds the entries its release will carry.
 */
export function checkChangelog(text: string, version: string, mode: ReleaseMode): ChangelogCheck {
	const problems: string[] = [];
	const notes: string[] = [];
	const sections = changelogSections(text);
	const unreleased = sections.find((s) => s.name === 'Unreleased');
	if (!unreleased) problems.push('CHANGELOG.md has no "## [Unreleased]" section');
	else if (sections[0] !== unreleased)
		problems.push(`"## [Unreleased]" (line ${unreleased.line}) must be the first section`);

	const released = sections.filter((s) => s !== unreleased);
	const seen = new Set<string>();
	for (const section of released) {
		if (!semver.valid(section.name)) {
			problems.push(
				`CHANGELOG.md line ${section.line}: "## ${section.name}" is neither "## [Unreleased]" nor "## [x.y.z] - YYYY-MM-DD"`,
			);
			continue;
		}
		if (seen.has(section.name))
			problems.push(`CHANGELOG.md line ${section.line}: a second section for ${section.name}`);
		seen.add(section.name);
		if (!section.date || !/^\d{4}-\d{2}-\d{2}$/.test(section.date))
			problems.push(
				`CHANGELOG.md line ${section.line}: the section for ${section.name} needs its release date ("## [${section.name}] - YYYY-MM-DD")`,
			);
	}
	const versions = released.map((s) => s.name).filter((name) => semver.valid(name));
	for (let i = 1; i < versions.length; i++) {
		if (semver.lte(versions[i - 1], versions[i]))
			problems.push(
				`CHANGELOG.md lists ${versions[i - 1]} above ${versions[i]}: newest release first`,
			);
	}

	const section = released.find((s) => s.name === version);
	if (section && section.entries.length === 0) {
		problems.push(`CHANGELOG.md's section for ${version} (line ${section.line}) lists no change`);
	} else if (!section) {
		const howTo =
			`rename "## [Unreleased]" to "## [${version}] - YYYY-MM-DD" and put a new, empty ` +
			'"## [Unreleased]" above it';
		if (mode === 'tag') {
			problems.push(`CHANGELOG.md has no "## [${version}]" section: ${howTo}`);
		} else if (!unreleased || unreleased.entries.length === 0) {
			problems.push(
				`${version} is not in CHANGELOG.md and "## [Unreleased]" lists no change to release as ${version}`,
			);
		} else {
			notes.push(
				`${version} is not released yet: to release it, ${howTo} (${unreleased.entries.length} entries)`,
			);
		}
	}
	return { problems, notes };
}

// ---------------------------------------------------------------------------------------------
// Publishing with provenance
// ---------------------------------------------------------------------------------------------

/** The first npm that exchanges GitHub's OIDC token for a publish token (trusted publishing). */
export const TRUSTED_PUBLISHING_NPM = '11.5.1';

export function checkNpmVersion(npmVersion: string): string[] {
	const version = semver.coerce(npmVersion)?.version;
	if (version && semver.gte(version, TRUSTED_PUBLISHING_NPM)) return [];
	return [
		`npm ${npmVersion} cannot publish through npm's trusted publishing (OIDC): it needs npm ${TRUSTED_PUBLISHING_NPM} or later`,
	];
}

/** `owner/name` of the GitHub repository package.json's `repository` names, if it names one. */
export function githubRepositoryOf(pkg: PackageJson): string | undefined {
	const raw = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
	const match = /^(?:git\+)?https:\/\/github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(
		raw ?? '',
	);
	return match ? `${match[1]}/${match[2]}` : undefined;
}

/**
 * npm refuses a provenance statement whose source repository differs from package.json's
 * `repository.url`, and n8n checks that the npm package points at its public GitHub repository.
 * `githubRepository` is `$GITHUB_REPOSITORY` (`owner/name`) when running in GitHub Actions.
 */
export function checkRepository(pkg: PackageJson, githubRepository?: string): string[] {
	const named = githubRepositoryOf(pkg);
	if (!named) {
		return [
			'package.json\'s repository.url must be the public GitHub repository ("https://github.com/<owner>/<name>.git"): ' +
				'npm records provenance from it and n8n verifies packages against it',
		];
	}
	if (githubRepository && named.toLowerCase() !== githubRepository.toLowerCase()) {
		return [
			`package.json's repository.url names ${named}, but this workflow runs in ${githubRepository}: ` +
				'npm rejects a provenance statement from another repository',
		];
	}
	return [];
}

/** The flags every publish of this package uses: the workflow's and the dry run's. */
export const PUBLISH_FLAGS = ['--provenance', '--access', 'public'] as const;

/** `npm publish` arguments for a packed tarball; the dry run never reaches the registry. */
export function publishArgs(tarball: string, distTag: string, dryRun: boolean): string[] {
	return [
		'publish',
		tarball,
		...PUBLISH_FLAGS,
		'--tag',
		distTag,
		...(dryRun ? ['--dry-run', '--offline'] : []),
	];
}

// ---------------------------------------------------------------------------------------------
// What the tarball holds
// ---------------------------------------------------------------------------------------------

/** Besides dist/, the tarball holds exactly these. */
export const PACKAGE_TOP_LEVEL_FILES = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'];

/**
 * What the build emits for n8n and may ship: compiled code, its source maps (n8n installs
 * source-map-support, so stack traces in n8n's log point at our TypeScript lines), the nodes'
 * codex JSON, icons.
 */
const DIST_FILE = /^dist\/(?:nodes|credentials)\/.+\.(?:js|js\.map|json|svg|png)$/;

/**
 * The tarball's file list (as `npm pack --dry-run --json` gives it) holds what n8n loads and
 * the documents a user reads, and nothing else: no tests, simulator, benchmark, specs or sources.
 */
export function checkPackedFiles(paths: string[], pkg: PackageJson): string[] {
	const problems: string[] = [];
	const present = new Set(paths);
	for (const file of paths) {
		if (PACKAGE_TOP_LEVEL_FILES.includes(file)) continue;
		if (!file.startsWith('dist/')) {
			problems.push(
				`${file} is in the tarball: only dist/ and ${PACKAGE_TOP_LEVEL_FILES.join(', ')} belong there`,
			);
		} else if (!DIST_FILE.test(file)) {
			problems.push(
				`${file} is in the tarball: dist/ ships the nodes' and credentials' .js, .js.map, .json, .svg and .png only`,
			);
		}
	}
	for (const file of PACKAGE_TOP_LEVEL_FILES) {
		if (!present.has(file)) problems.push(`${file} is missing from the tarball`);
	}
	for (const file of [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])]) {
		if (!present.has(file))
			problems.push(
				`${file}, which package.json's "n8n" section lists, is missing from the tarball`,
			);
	}
	for (const file of paths) {
		if (!DIST_FILE.test(file)) continue;
		if (file.endsWith('.js') && !present.has(`${file}.map`))
			problems.push(`${file} ships without its source map ${file}.map`);
		if (file.endsWith('.js.map') && !present.has(file.slice(0, -'.map'.length)))
			problems.push(`${file} ships without the code it maps`);
	}
	return problems;
}

/** What the published package.json says about running it. */
export function checkPackedManifest(pkg: PackageJson): string[] {
	const problems: string[] = [];
	if (pkg.license !== 'MIT')
		problems.push(`the licence is "${pkg.license}": n8n verifies MIT packages only`);
	const dependencies = Object.keys(pkg.dependencies ?? {});
	if (dependencies.length > 0)
		problems.push(
			`package.json has runtime dependencies (${dependencies.join(', ')}): n8n verifies packages without any`,
		);
	if (!pkg.engines?.node) problems.push('package.json has no engines.node');
	if (pkg.main !== undefined)
		problems.push(
			`package.json names a "main" (${pkg.main}): n8n loads the files in its "n8n" section`,
		);
	return problems;
}

/**
 * Modules the shipped code may require besides its own files: n8n supplies n8n-workflow and zod
 * to community packages (through its NODE_PATH), and crypto is the one Node built-in n8n's
 * scanner allows.
 */
export const RUNTIME_MODULES = ['n8n-workflow', 'zod', 'crypto', 'node:crypto'];

/**
 * Every require() in the shipped JavaScript (`files`) names a shipped file (one of `shipped`,
 * the tarball's paths) or a module n8n provides.
 */
export function checkRequires(
	files: Array<{ path: string; content: string }>,
	shippedPaths: string[],
): string[] {
	const problems: string[] = [];
	const shipped = new Set(shippedPaths);
	for (const file of files) {
		for (const match of file.content.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)) {
			const request = match[2];
			if (request.startsWith('.')) {
				const base = joinPosix(file.path, '..', request);
				const candidates = [base, `${base}.js`, `${base}.json`, `${base}/index.js`];
				if (!candidates.some((c) => shipped.has(c)))
					problems.push(`${file.path} requires ${request}, which is not in the tarball`);
			} else if (!RUNTIME_MODULES.includes(request)) {
				problems.push(
					`${file.path} requires "${request}", which n8n does not provide (allowed: ${RUNTIME_MODULES.join(', ')})`,
				);
			}
		}
	}
	return problems;
}

function joinPosix(...parts: string[]): string {
	const out: string[] = [];
	for (const segment of parts.join('/').split('/')) {
		if (segment === '' || segment === '.') continue;
		if (segment === '..') out.pop();
		else out.push(segment);
	}
	return out.join('/');
}

// ---------------------------------------------------------------------------------------------
// Node versions
// ---------------------------------------------------------------------------------------------

/** The lowest Node major an engines range admits (e.g. 24 for ">=24.0.0"). */
export function lowestNodeMajor(range: string): number | undefined {
	const lowest = semver.minVersion(range);
	return lowest ? semver.major(lowest) : undefined;
}

/** Whether a Node major (as a CI matrix names it, e.g. "24") satisfies an engines range. */
export function nodeMajorSatisfies(major: string | number, range: string): boolean {
	const version = semver.coerce(String(major));
	return version !== null && semver.satisfies(version, range);
}
