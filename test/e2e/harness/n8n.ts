/**
 * Harness for end-to-end tests against a real n8n (the version pinned in
 * scripts/n8n/install-n8n.mjs), with this repository's built package installed the way n8n
 * installs a community package: under `$N8N_USER_FOLDER/.n8n/nodes/node_modules/<name>`.
 *
 * n8n 2.x needs Node 24. The tests themselves may run on any Node; n8n is always started with the
 * project's own Node 24 (the `node` devDependency, `node_modules/.bin/node`) or `$N8N_E2E_NODE`.
 *
 * Everything listens on 127.0.0.1 only, on free ports chosen at run time.
 *
 * Environment knobs:
 *   N8N_E2E_NODE       Node >= 24 binary used to run n8n
 *   N8N_E2E_CACHE_DIR  where n8n is installed (default ~/.cache/n8n-nodes-zoom/n8n-<version>)
 *   N8N_E2E_KEEP=1     keep n8n home folders (and their logs) after the tests
 *   N8N_E2E_PACKAGE_DIR  install this built package instead of the repository (to try the harness)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// Every end-to-end test fails when a request it caused broke Zoom's OpenAPI spec.
import '../../simulator/spec/failOnViolations';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-zoom';
const INSTALLER = path.join(REPO_ROOT, 'scripts', 'n8n', 'install-n8n.mjs');

/** Fixed so that a kept home folder can be reopened; never a real secret. */
export const E2E_ENCRYPTION_KEY = 'n8n-nodes-zoom-e2e-not-a-secret';

export const DEFAULT_OWNER = {
	email: 'owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	// n8n: 8-64 characters, at least one digit and one uppercase letter
	password: 'E2e-Passw0rd',
};

// ---------------------------------------------------------------------------------------------
// Installing and locating n8n
// ---------------------------------------------------------------------------------------------

let nodeBinCache: string | undefined;

/** The Node >= 24 binary used to run n8n. */
export function nodeBin(): string {
	if (nodeBinCache) return nodeBinCache;
	const candidate =
		process.env.N8N_E2E_NODE ?? path.join(REPO_ROOT, 'node_modules', '.bin', 'node');
	if (!existsSync(candidate)) {
		throw new Error(
			`No Node 24 binary at ${candidate}. Run \`npm ci\` (the devDependency "node" provides it) or set N8N_E2E_NODE.`,
		);
	}
	const res = spawnSync(candidate, ['-p', 'process.versions.node'], { encoding: 'utf8' });
	const version = res.stdout?.trim() ?? '';
	if (res.status !== 0 || Number(version.split('.')[0]) < 24) {
		throw new Error(
			`${candidate} must be Node >= 24 for n8n 2.x, but reports "${version || res.stderr}"`,
		);
	}
	nodeBinCache = candidate;
	return candidate;
}

let ensureN8nPromise: Promise<{ n8nBin: string }> | undefined;

/**
 * Installs n8n into the cache if it is not there yet (a fresh install takes several minutes),
 * and returns the path of its CLI. The installer's progress goes to stderr.
 */
export function ensureN8n(): Promise<{ n8nBin: string }> {
	ensureN8nPromise ??= new Promise((resolve, reject) => {
		const node = nodeBin();
		const child = spawn(node, [INSTALLER, '--print-bin'], {
			cwd: REPO_ROOT,
			env: {
				...process.env,
				PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`,
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (chunk: string) => {
			stdout += chunk;
			for (const line of chunk.split('\n'))
				if (line && !line.startsWith('N8N_BIN=')) process.stderr.write(`${line}\n`);
		});
		child.stderr.pipe(process.stderr, { end: false });
		child.on('error', reject);
		child.on('close', (code) => {
			const match = /^N8N_BIN=(.+)$/m.exec(stdout);
			if (code === 0 && match) resolve({ n8nBin: match[1].trim() });
			else
				reject(
					new Error(`installing n8n failed (exit ${code}); run \`npm run n8n:install\` to see why`),
				);
		});
	});
	return ensureN8nPromise;
}

// ---------------------------------------------------------------------------------------------
// Home folders with the package installed as a community package
// ---------------------------------------------------------------------------------------------

export interface N8nHome {
	/** N8N_USER_FOLDER; n8n keeps its data in `<userFolder>/.n8n` */
	userFolder: string;
	/** `<userFolder>/.n8n` */
	n8nFolder: string;
	/** where the package under test was copied to */
	packageDir: string;
	cleanup(): Promise<void>;
}

export interface CreateN8nHomeOptions {
	/** the package to install (a folder with package.json and its build); default: this repository */
	packageDir?: string;
	/** false: a home without the package */
	installPackage?: boolean;
	/** keep n8n's data in this folder (created if missing, kept by cleanup) instead of a temp folder */
	userFolder?: string;
}

interface PackageJson {
	name?: string;
	version?: string;
	dependencies?: Record<string, string>;
	n8n?: { n8nNodesApiVersion?: number; nodes?: string[]; credentials?: string[] };
}

export function defaultPackageDir(): string {
	return process.env.N8N_E2E_PACKAGE_DIR
		? path.resolve(process.env.N8N_E2E_PACKAGE_DIR)
		: REPO_ROOT;
}

async function readJson<T>(file: string): Promise<T> {
	return JSON.parse(await fs.readFile(file, 'utf8')) as T;
}

/** Reads and checks a built package: dist/ exists and every file its `n8n` section lists is there. */
export async function readBuiltPackage(
	packageDir = defaultPackageDir(),
): Promise<PackageJson & { name: string }> {
	const pkg = await readJson<PackageJson>(path.join(packageDir, 'package.json'));
	if (!pkg.name) throw new Error(`${packageDir}/package.json has no name`);
	if (!existsSync(path.join(packageDir, 'dist'))) {
		throw new Error(
			`${path.join(packageDir, 'dist')} is missing: run \`npm run build\` before the end-to-end tests.`,
		);
	}
	const listed = [...(pkg.n8n?.credentials ?? []), ...(pkg.n8n?.nodes ?? [])];
	const missing = listed.filter((file) => !existsSync(path.join(packageDir, file)));
	if (missing.length > 0) {
		throw new Error(
			`package.json's "n8n" section lists files that the build did not produce (run \`npm run build\`, ` +
				`and check tsconfig's rootDir/outDir): ${missing.join(', ')}`,
		);
	}
	return pkg as PackageJson & { name: string };
}

/**
 * Copies the runtime `dependencies` of a package (and theirs) from the repository's node_modules,
 * as `npm install` in n8n's nodes folder would fetch them.
 */
async function copyRuntimeDependencies(
	pkg: PackageJson,
	fromRoot: string,
	toNodeModules: string,
): Promise<void> {
	const seen = new Set<string>();
	const queue = Object.keys(pkg.dependencies ?? {});
	while (queue.length > 0) {
		const name = queue.shift()!;
		if (seen.has(name)) continue;
		seen.add(name);
		const src = path.join(fromRoot, 'node_modules', name);
		if (!existsSync(src))
			throw new Error(`runtime dependency ${name} is not installed in ${fromRoot}: run \`npm ci\``);
		await fs.cp(src, path.join(toNodeModules, name), { recursive: true, dereference: true });
		const depPkg = await readJson<PackageJson>(path.join(src, 'package.json'));
		queue.push(...Object.keys(depPkg.dependencies ?? {}));
	}
}

/**
 * A fresh N8N_USER_FOLDER with the built package installed as a community package.
 *
 * n8n 2.41 loads community packages from disk, with no database row needed:
 * CommunityPackagesModule.nodeLoaders() scans `<n8nFolder>/nodes/node_modules` for `n8n-nodes-*`
 * and `@scope/n8n-nodes-*` (n8n-core scanDirectoryForPackages). The `installed_packages` table
 * only feeds Settings → Community nodes and the reinstall-missing-packages check.
 */
export async function createN8nHome(options: CreateN8nHomeOptions = {}): Promise<N8nHome> {
	const sourceDir = options.packageDir ?? defaultPackageDir();
	const install = options.installPackage ?? true;
	const pkg = install ? await readBuiltPackage(sourceDir) : undefined;

	const persistent = options.userFolder !== undefined;
	const userFolder = persistent
		? path.resolve(options.userFolder as string)
		: await fs.mkdtemp(path.join(os.tmpdir(), 'n8n-e2e-home-'));
	const n8nFolder = path.join(userFolder, '.n8n');
	const nodesDir = path.join(n8nFolder, 'nodes');
	const packageDir = path.join(nodesDir, 'node_modules', pkg?.name ?? PACKAGE_NAME);
	await fs.mkdir(nodesDir, { recursive: true });

	if (pkg) {
		// A persistent home gets the current build, not a mix with an older one.
		await fs.rm(packageDir, { recursive: true, force: true });
		await fs.mkdir(packageDir, { recursive: true });
		await fs.copyFile(path.join(sourceDir, 'package.json'), path.join(packageDir, 'package.json'));
		await fs.cp(path.join(sourceDir, 'dist'), path.join(packageDir, 'dist'), { recursive: true });
		for (const extra of ['README.md', 'LICENSE', 'LICENSE.md']) {
			if (existsSync(path.join(sourceDir, extra))) {
				await fs.copyFile(path.join(sourceDir, extra), path.join(packageDir, extra));
			}
		}
		await copyRuntimeDependencies(pkg, sourceDir, path.join(nodesDir, 'node_modules'));
	}
	// The "ledger" n8n keeps of installed community packages (CommunityPackagesService.ensurePackageJson)
	await fs.writeFile(
		path.join(nodesDir, 'package.json'),
		JSON.stringify(
			{ name: 'installed-nodes', private: true, dependencies: pkg ? { [pkg.name]: '*' } : {} },
			null,
			2,
		) + '\n',
	);

	return {
		userFolder,
		n8nFolder,
		packageDir,
		async cleanup() {
			if (persistent) return;
			if (process.env.N8N_E2E_KEEP === '1') {
				process.stderr.write(`[e2e] keeping n8n home ${userFolder}\n`);
				return;
			}
			await fs.rm(userFolder, { recursive: true, force: true });
		},
	};
}

// ---------------------------------------------------------------------------------------------
// Running n8n
// ---------------------------------------------------------------------------------------------

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			srv.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port')),
			);
		});
	});
}

/**
 * The environment n8n runs with: this home, SQLite, loopback only, nothing that phones home.
 * Inherited N8N_* / DB_* variables are dropped so a developer's own n8n settings can't leak in.
 */
export async function n8nEnv(
	home: N8nHome,
	extra: Record<string, string> = {},
): Promise<NodeJS.ProcessEnv> {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^(N8N_|DB_|NODE_TEST_CONTEXT$|NODE_OPTIONS$|EXECUTIONS_|QUEUE_|WEBHOOK_URL$)/.test(key))
			continue;
		env[key] = value;
	}
	return {
		...env,
		PATH: `${path.dirname(nodeBin())}${path.delimiter}${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: home.userFolder,
		N8N_ENCRYPTION_KEY: E2E_ENCRYPTION_KEY,
		DB_TYPE: 'sqlite',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		// each n8n process runs its own task broker for the JS task runner: give it a free port
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		// no calls home
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		// mcp-registry fetches https://api.n8n.io/api/mcp-servers at start-up
		N8N_DISABLED_MODULES: 'mcp-registry',
		// community packages: load what is on disk, don't ask n8n's vetted-package API
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		// tests talk to simulators on 127.0.0.1 (off by default in 2.41; explicit so it stays off)
		N8N_SSRF_PROTECTION_ENABLED: 'false',
		N8N_LOG_LEVEL: 'info',
		...extra,
	};
}

export interface CommandResult {
	exitCode: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

export class N8nCommandError extends Error {
	constructor(
		message: string,
		readonly result: CommandResult,
	) {
		super(
			`${message}\n--- stdout (tail) ---\n${tail(result.stdout)}\n--- stderr (tail) ---\n${tail(result.stderr)}`,
		);
		this.name = 'N8nCommandError';
	}
}

function tail(text: string, lines = 40): string {
	return text.split('\n').slice(-lines).join('\n');
}

/** Runs one n8n CLI command against a home folder (a fresh process: ~7 s each). */
export async function runN8n(
	home: N8nHome,
	args: string[],
	options: { timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<CommandResult> {
	const { n8nBin } = await ensureN8n();
	const env = await n8nEnv(home, options.env);
	return await new Promise((resolve, reject) => {
		const child = spawn(nodeBin(), [n8nBin, ...args], {
			cwd: home.userFolder,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
		child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(
				new N8nCommandError(`n8n ${args.join(' ')} timed out`, {
					exitCode: null,
					signal: null,
					stdout,
					stderr,
				}),
			);
		}, options.timeoutMs ?? 180_000);
		child.on('error', (err) => {
			clearTimeout(timer);
			reject(err);
		});
		child.on('close', (exitCode, signal) => {
			clearTimeout(timer);
			resolve({ exitCode, signal, stdout, stderr });
		});
	});
}

/** An id like n8n's own (16 alphanumerics). */
export function n8nId(): string {
	const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
	return Array.from(randomBytes(16), (b) => alphabet[b % alphabet.length]).join('');
}

export interface CredentialImport {
	id?: string;
	name: string;
	type: string;
	/** plain values; `n8n import:credentials` encrypts them with the instance key */
	data: Record<string, unknown>;
}

/**
 * Imports credentials (owned by the instance owner's personal project) with
 * `n8n import:credentials`. Returns them with their ids, for `node.credentials[type] = {id, name}`.
 */
export async function importCredentials(
	home: N8nHome,
	creds: CredentialImport[],
): Promise<Array<CredentialImport & { id: string }>> {
	const withIds = creds.map((c) => ({ ...c, id: c.id ?? n8nId() }));
	const file = path.join(home.userFolder, `credentials-${n8nId()}.json`);
	await fs.writeFile(file, JSON.stringify(withIds, null, 2));
	const result = await runN8n(home, ['import:credentials', `--input=${file}`]);
	await fs.rm(file, { force: true });
	if (
		result.exitCode !== 0 ||
		!/Successfully imported \d+ credential/.test(result.stdout + result.stderr)
	) {
		throw new N8nCommandError('n8n import:credentials failed', result);
	}
	return withIds;
}

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position?: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	[key: string]: unknown;
}

export interface WorkflowImport {
	id?: string;
	name?: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	pinData?: Record<string, unknown>;
	[key: string]: unknown;
}

/** Imports a workflow with `n8n import:workflow`; returns its id (generated when missing). */
export async function importWorkflow(home: N8nHome, wf: WorkflowImport): Promise<string> {
	const id = wf.id ?? n8nId();
	const workflow = {
		active: false,
		settings: {},
		...wf,
		id,
		name: wf.name ?? `e2e ${id}`,
		nodes: wf.nodes.map((n, i) => ({
			id: n.id ?? `node-${i}`,
			position: n.position ?? [i * 220, 0],
			...n,
		})),
	};
	const file = path.join(home.userFolder, `workflow-${id}.json`);
	await fs.writeFile(file, JSON.stringify(workflow, null, 2));
	const result = await runN8n(home, ['import:workflow', `--input=${file}`]);
	await fs.rm(file, { force: true });
	const output = result.stdout + result.stderr;
	if (
		result.exitCode !== 0 ||
		!/Successfully imported 1 workflow/.test(output) ||
		/Skipped workflow/.test(output)
	) {
		throw new N8nCommandError('n8n import:workflow failed', result);
	}
	return id;
}

/** What `n8n execute --rawOutput` prints: an IRun (n8n-workflow) as JSON. */
export interface N8nRun {
	status: 'success' | 'error' | 'crashed' | 'canceled' | string;
	finished?: boolean;
	mode: string;
	data: {
		resultData: {
			runData: Record<
				string,
				Array<{
					executionStatus?: string;
					error?: Record<string, unknown>;
					data?: {
						main?: Array<Array<{ json: Record<string, unknown>; pairedItem?: unknown }> | null>;
					};
				}>
			>;
			error?: Record<string, unknown> & { message?: string };
			lastNodeExecuted?: string;
		};
	};
	[key: string]: unknown;
}

/**
 * The run JSON in `n8n execute` output. n8n prints it with JSON.stringify(run, null, 2) — to
 * stdout via this.log on success, via the logger (also stdout) on failure — so it is the block from
 * a line that is exactly "{" to the next line that is exactly "}"; log lines never look like that.
 */
export function parseRunOutput(stdout: string): N8nRun | undefined {
	const lines = stdout.split(/\r?\n/);
	const start = lines.indexOf('{');
	if (start === -1) return undefined;
	const end = lines.indexOf('}', start);
	if (end === -1) return undefined;
	try {
		return JSON.parse(lines.slice(start, end + 1).join('\n')) as N8nRun;
	} catch {
		return undefined;
	}
}

/**
 * Executes an imported workflow from its start node (`n8n execute --id=… --rawOutput`, mode "cli")
 * and returns the run, whether it succeeded (`run.status === 'success'`) or failed
 * (`'error'`, with `run.data.resultData.error`). Throws only if n8n printed no run at all.
 */
export async function executeWorkflow(
	home: N8nHome,
	id: string,
	options: { timeoutMs?: number } = {},
): Promise<N8nRun> {
	const result = await runN8n(home, ['execute', `--id=${id}`, '--rawOutput'], options);
	const run = parseRunOutput(result.stdout);
	if (!run)
		throw new N8nCommandError(
			`n8n execute --id=${id} printed no run data (exit ${result.exitCode})`,
			result,
		);
	return run;
}

/** The JSON of every item a node output (first run, given output). */
export function nodeOutput(
	run: N8nRun,
	nodeName: string,
	output = 0,
): Array<Record<string, unknown>> {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs?.length)
		throw new Error(
			`node "${nodeName}" did not run; ran: ${Object.keys(run.data.resultData.runData).join(', ')}`,
		);
	return (runs[0].data?.main?.[output] ?? []).map((item) => item.json);
}

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

export interface N8nServer {
	baseUrl: string;
	port: number;
	/** the n8n main process (for memory measurements) */
	pid: number | undefined;
	/** the server's combined stdout/stderr, also written to `<userFolder>/n8n-server.log` */
	logs(): string;
	stop(): Promise<void>;
}

const runningServers = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of runningServers) {
		try {
			if (child.pid) process.kill(-child.pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
});

/**
 * Starts `n8n start` on 127.0.0.1 and waits until `/healthz/readiness` answers 200 (the plain
 * `/healthz` answers before the REST API is mounted). Start-up takes ~15 s.
 */
export async function startN8nServer(
	home: N8nHome,
	options: { port?: number; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<N8nServer> {
	const { n8nBin } = await ensureN8n();
	const port = options.port ?? (await freePort());
	const baseUrl = `http://127.0.0.1:${port}`;
	const env = await n8nEnv(home, {
		N8N_PORT: String(port),
		N8N_EDITOR_BASE_URL: baseUrl,
		N8N_PROTOCOL: 'http',
		...options.env,
	});
	const logFile = path.join(home.userFolder, 'n8n-server.log');
	const logStream = createWriteStream(logFile);
	let logText = '';
	// its own process group, so stop() also ends the task runner it spawns
	const child = spawn(nodeBin(), [n8nBin, 'start'], {
		cwd: home.userFolder,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	runningServers.add(child);
	const onData = (chunk: Buffer) => {
		logStream.write(chunk);
		logText += chunk.toString('utf8');
		if (logText.length > 2_000_000) logText = logText.slice(-1_000_000);
	};
	child.stdout!.on('data', onData);
	child.stderr!.on('data', onData);
	let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
	const exitPromise = new Promise<void>((resolve) =>
		child.on('exit', (code, signal) => {
			exited = { code, signal };
			runningServers.delete(child);
			resolve();
		}),
	);

	const stop = async () => {
		if (!exited) await stopProcessGroup(child, exitPromise);
		await new Promise<void>((resolve) => logStream.end(resolve));
	};

	const deadline = Date.now() + (options.timeoutMs ?? 120_000);
	for (;;) {
		if (exited) {
			await stop();
			throw new Error(
				`n8n start exited (${exited.code ?? exited.signal}) before it was ready; log ${logFile}:\n${tail(logText, 60)}`,
			);
		}
		try {
			const res = await fetch(`${baseUrl}/healthz/readiness`, {
				signal: AbortSignal.timeout(2_000),
			});
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(
				`n8n did not become ready at ${baseUrl} in time; log ${logFile}:\n${tail(logText, 60)}`,
			);
		}
		await new Promise((r) => setTimeout(r, 300));
	}
	return { baseUrl, port, pid: child.pid, logs: () => logText, stop };
}

// ---------------------------------------------------------------------------------------------
// REST API (the editor's own API under /rest; request shapes from @n8n/api-types 2.41)
// ---------------------------------------------------------------------------------------------

export interface Session {
	baseUrl: string;
	/** the `n8n-auth` cookie, as a Cookie header value */
	cookie: string;
	user: Record<string, unknown>;
}

export class N8nRestError extends Error {
	constructor(
		readonly status: number,
		readonly body: unknown,
		what: string,
	) {
		super(
			`${what} → HTTP ${status}: ${typeof body === 'string' ? body.slice(0, 500) : JSON.stringify(body).slice(0, 500)}`,
		);
		this.name = 'N8nRestError';
	}
}

async function request(
	baseUrl: string,
	method: string,
	urlPath: string,
	options: { body?: unknown; cookie?: string } = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
	const res = await fetch(`${baseUrl}${urlPath}`, {
		method,
		headers: {
			accept: 'application/json',
			...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
			...(options.cookie ? { cookie: options.cookie } : {}),
		},
		body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
		signal: AbortSignal.timeout(60_000),
	});
	const text = await res.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// not JSON (an HTML error page, say)
	}
	return { status: res.status, body, headers: res.headers };
}

/** Calls the REST API as a logged-in user; returns the response's `data`. */
export async function rest<T = unknown>(
	session: Session,
	method: string,
	urlPath: string,
	body?: unknown,
): Promise<T> {
	const res = await request(session.baseUrl, method, urlPath, { body, cookie: session.cookie });
	if (res.status < 200 || res.status >= 300)
		throw new N8nRestError(res.status, res.body, `${method} ${urlPath}`);
	return (res.body as { data: T }).data;
}

function authCookie(headers: Headers): string {
	const cookie = headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith('n8n-auth='));
	if (!cookie) throw new Error('n8n answered without an n8n-auth cookie');
	return cookie;
}

/** `POST /rest/owner/setup` {email, firstName, lastName, password}; logs the owner in. */
export async function setupOwner(
	server: { baseUrl: string },
	owner = DEFAULT_OWNER,
): Promise<Session> {
	const res = await request(server.baseUrl, 'POST', '/rest/owner/setup', { body: owner });
	if (res.status !== 200) throw new N8nRestError(res.status, res.body, 'POST /rest/owner/setup');
	return {
		baseUrl: server.baseUrl,
		cookie: authCookie(res.headers),
		user: (res.body as { data: Record<string, unknown> }).data,
	};
}

/** `POST /rest/login` {emailOrLdapLoginId, password}. */
export async function login(
	server: { baseUrl: string },
	user: { email: string; password: string } = DEFAULT_OWNER,
): Promise<Session> {
	const res = await request(server.baseUrl, 'POST', '/rest/login', {
		body: { emailOrLdapLoginId: user.email, password: user.password },
	});
	if (res.status !== 200) throw new N8nRestError(res.status, res.body, 'POST /rest/login');
	return {
		baseUrl: server.baseUrl,
		cookie: authCookie(res.headers),
		user: (res.body as { data: Record<string, unknown> }).data,
	};
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * What the editor's "Test" / save-and-test does: `POST /rest/credentials/test` with
 * `{credentials: {id, name, type, data}}`. `id` must be a saved credential the user can read
 * (data sent is merged over the stored data; redacted values are restored from it), or '' for an
 * unsaved one (owners/admins only). A credential with `preAuthentication` is pre-authenticated on
 * every test and the result is written to the SAVED credential, so it needs an id.
 * Without `data`, the stored (redacted) data is sent, as the editor would: n8n itself tests only
 * the `data` it is sent, merged over nothing when `data` is missing.
 */
export async function testCredential(
	session: Session,
	credentials: { id: string; name?: string; type: string; data?: Record<string, unknown> },
): Promise<CredentialTestResult> {
	let { data, name } = credentials;
	if (data === undefined && credentials.id) {
		// like the editor: send what the credential modal shows (n8n tests with `data` only)
		const stored = await getCredential(session, credentials.id);
		data = stored.data;
		name ??= stored.name;
	}
	return await rest<CredentialTestResult>(session, 'POST', '/rest/credentials/test', {
		credentials: { id: credentials.id, name: name ?? '', type: credentials.type, data },
	});
}

export interface SavedCredential {
	id: string;
	name: string;
	type: string;
	[key: string]: unknown;
}

/** `POST /rest/credentials` {name, type, data} (the owner's personal project). */
export async function createCredential(
	session: Session,
	credential: { name: string; type: string; data: Record<string, unknown> },
): Promise<SavedCredential> {
	return await rest<SavedCredential>(session, 'POST', '/rest/credentials', credential);
}

/** `GET /rest/credentials/:id?includeData=true`: decrypted data, password fields redacted. */
export async function getCredential(
	session: Session,
	id: string,
): Promise<SavedCredential & { data: Record<string, unknown> }> {
	return await rest(session, 'GET', `/rest/credentials/${encodeURIComponent(id)}?includeData=true`);
}

export interface NodeTypeDescription {
	name: string;
	displayName: string;
	version: number | number[];
	credentials?: Array<{ name: string }>;
	[key: string]: unknown;
}

export interface CredentialTypeDescription {
	name: string;
	displayName: string;
	extends?: string[];
	properties: Array<{ name: string; type: string; default?: unknown; [key: string]: unknown }>;
	[key: string]: unknown;
}

async function typesFile<T>(session: Session, file: string): Promise<T> {
	// static files written at start-up into <userFolder>/.cache/n8n/public, behind the auth cookie
	const res = await request(session.baseUrl, 'GET', `/types/${file}`, { cookie: session.cookie });
	if (res.status !== 200) throw new N8nRestError(res.status, res.body, `GET /types/${file}`);
	return res.body as T;
}

/** Every node type the editor knows (`GET /types/nodes.json`); community nodes are `<package>.<name>`. */
export async function getNodeTypes(session: Session): Promise<NodeTypeDescription[]> {
	return await typesFile(session, 'nodes.json');
}

/** Every credential type the editor knows (`GET /types/credentials.json`). */
export async function getCredentialTypes(session: Session): Promise<CredentialTypeDescription[]> {
	return await typesFile(session, 'credentials.json');
}

/**
 * Stops a detached child and its process group: SIGTERM, then SIGKILL if it has not exited after
 * 20 s. `exited` resolves when the child's 'exit' event has fired.
 */
export async function stopProcessGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
	if (!child.pid) return;
	try {
		process.kill(-child.pid, 'SIGTERM');
	} catch {
		// already gone
	}
	const killer = setTimeout(() => {
		try {
			process.kill(-child.pid!, 'SIGKILL');
		} catch {
			// already gone
		}
	}, 20_000);
	await exited;
	clearTimeout(killer);
}
