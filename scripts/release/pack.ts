/**
 * Packs the package the way npm publishes it and checks what users would install.
 *
 *   npm run release:pack -- <dir>   writes the tarball into <dir> (the publish workflow publishes
 *                                   exactly this file), prints its path and sizes
 *
 * The checks (scripts/release/checks.ts): the tarball holds dist/, README.md, LICENSE,
 * CHANGELOG.md and package.json and nothing else; every file package.json's "n8n" section names;
 * an MIT licence, no runtime dependencies; every require() names a shipped file or a module n8n
 * provides. `npm run build` must have run first. In GitHub Actions it writes `tarball` to
 * $GITHUB_OUTPUT.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

import { checkPackedFiles, checkPackedManifest, checkRequires, type PackageJson } from './checks';
import { REPO_ROOT, readPackageJson } from './check-release';

/** One entry of `npm pack --json`. */
export interface PackResult {
	filename: string;
	size: number;
	unpackedSize: number;
	entryCount: number;
	files: Array<{ path: string; size: number }>;
}

/** `npm pack --json` (with `--dry-run`: the list only, nothing written). */
export function npmPack(
	options: { dryRun: boolean; destination?: string },
	root = REPO_ROOT,
): PackResult {
	if (!existsSync(resolve(root, 'dist'))) {
		throw new Error(
			`${resolve(root, 'dist')} is missing: run \`npm run build\` first (npm test builds before it packs)`,
		);
	}
	const args = ['pack', '--json', '--ignore-scripts'];
	if (options.dryRun) args.push('--dry-run');
	if (options.destination) args.push('--pack-destination', options.destination);
	const result = spawnSync('npm', args, {
		cwd: root,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${result.stderr}`);
	const [pack] = JSON.parse(result.stdout) as PackResult[];
	return pack;
}

/** Every problem with what the pack holds, reading the listed files from the checkout. */
export function checkPack(pack: PackResult, root = REPO_ROOT): string[] {
	const pkg = readPackageJson(root);
	const paths = pack.files.map((f) => f.path);
	const javascript = paths
		.filter((p) => p.endsWith('.js'))
		.map((p) => ({ path: p, content: readFileSync(resolve(root, p), 'utf8') }));
	return [
		...checkPackedFiles(paths, pkg),
		...checkPackedManifest(pkg as PackageJson),
		...checkRequires(javascript, paths),
	];
}

/** Sizes as `npm pack` prints them (kB = 1000 bytes). */
export function formatBytes(bytes: number): string {
	if (bytes < 1000) return `${bytes} B`;
	if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
	return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export function describePack(pack: PackResult): string {
	return (
		`${pack.filename}: package size ${formatBytes(pack.size)}, unpacked size ` +
		`${formatBytes(pack.unpackedSize)}, ${pack.entryCount} files`
	);
}

/** Packs into `destination`, checks the result, returns the tarball's absolute path. */
export function packForRelease(
	destination: string,
	root = REPO_ROOT,
): { tarball: string; pack: PackResult } {
	mkdirSync(destination, { recursive: true });
	// Check the list before writing anything, then pack for real.
	const problems = checkPack(npmPack({ dryRun: true }, root), root);
	if (problems.length > 0) {
		throw new Error(
			`the package is not fit to publish:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
		);
	}
	const pack = npmPack({ dryRun: false, destination }, root);
	return { tarball: resolve(destination, pack.filename), pack };
}

if (require.main === module) {
	const [dir] = process.argv.slice(2);
	if (!dir) {
		console.error('usage: npm run release:pack -- <directory for the tarball>');
		process.exit(2);
	}
	try {
		const { tarball, pack } = packForRelease(
			isAbsolute(dir) ? dir : resolve(process.env.INIT_CWD ?? process.cwd(), dir),
		);
		console.log(`[release] packed ${describePack(pack)}`);
		console.log(tarball);
		if (process.env.GITHUB_OUTPUT)
			appendFileSync(process.env.GITHUB_OUTPUT, `tarball=${tarball}\n`);
	} catch (error) {
		console.error(`[release] ${(error as Error).message}`);
		process.exitCode = 1;
	}
}
