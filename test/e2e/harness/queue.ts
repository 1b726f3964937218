/**
 * n8n in queue mode for the end-to-end tests: a throw-away PostgreSQL and Redis (Debian's
 * packages, installed by scripts/ensure-queue-services.sh when missing) on free loopback ports in
 * temporary folders, a main n8n process and workers, all sharing them. Everything started here
 * is stopped by the returned `stop()` functions (and killed when the test process exits).
 *
 * PostgreSQL refuses to run as root (initdb: "cannot be run as root"): as root, the cluster
 * belongs to the `postgres` user the Debian package creates (or `nobody`).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import {
	ensureN8n,
	freePort,
	n8nEnv,
	N8nCommandError,
	n8nId,
	nodeBin,
	REPO_ROOT,
	runN8n,
	type CredentialImport,
	type N8nHome,
	type WorkflowImport,
	stopProcessGroup,
} from './n8n';

const running = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of running) {
		try {
			if (child.pid) process.kill(-child.pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
});

function tail(text: string, lines = 40): string {
	return text.split('\n').slice(-lines).join('\n');
}

/** Installs PostgreSQL and Redis with apt-get when missing (see the script). */
export function ensureQueueServices(): void {
	const script = path.join(REPO_ROOT, 'scripts', 'ensure-queue-services.sh');
	const result = spawnSync('sh', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	if (result.status !== 0) {
		throw new Error(`${script} failed (exit ${result.status}):\n${result.stderr}`);
	}
}

function which(binary: string): string | undefined {
	const result = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' });
	const found = result.stdout.trim();
	return result.status === 0 && found ? found : undefined;
}

/** initdb, pg_ctl and postgres: from PATH, else Debian's newest /usr/lib/postgresql/<v>/bin. */
function postgresBinDir(): string {
	const initdb = which('initdb');
	if (initdb && which('postgres')) return path.dirname(initdb);
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root)
		? readdirSync(root)
				.filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (versions.length === 0)
		throw new Error('PostgreSQL (initdb) not found after ensure-queue-services.sh');
	return path.join(root, versions[0], 'bin');
}

function redisBinary(): string {
	const found =
		which('redis-server') ??
		(existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : undefined);
	if (!found) throw new Error('redis-server not found after ensure-queue-services.sh');
	return found;
}

/** The uid/gid PostgreSQL runs as: ours, or an unprivileged system user when we are root. */
function postgresUser(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	for (const name of ['postgres', 'nobody']) {
		try {
			const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
			const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
			if (Number.isInteger(uid) && Number.isInteger(gid)) return { uid, gid };
		} catch {
			// no such user
		}
	}
	throw new Error(
		'running as root, and neither a "postgres" nor a "nobody" user exists to run PostgreSQL',
	);
}

export interface Service {
	port: number;
	logs(): string;
	stop(): Promise<void>;
}

/** A log line and when it arrived. */
export interface LogEvent {
	at: number;
	line: string;
}

interface Spawned {
	child: ChildProcess;
	logs(): string;
	/** Lines that matched `options.track`, with their arrival time. */
	events: LogEvent[];
	exited(): { code: number | null; signal: NodeJS.Signals | null } | undefined;
	stop(): Promise<void>;
}

/** Spawns a long-running process in its own process group, logging to `logFile`. */
function spawnLogged(
	command: string,
	args: string[],
	options: {
		env?: NodeJS.ProcessEnv;
		cwd?: string;
		uid?: number;
		gid?: number;
		logFile: string;
		track?: RegExp;
	},
): Spawned {
	const logStream = createWriteStream(options.logFile);
	let logText = '';
	let partial = '';
	const events: LogEvent[] = [];
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env,
		uid: options.uid,
		gid: options.gid,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	running.add(child);
	const onData = (chunk: Buffer) => {
		logStream.write(chunk);
		const text = chunk.toString('utf8');
		logText += text;
		if (logText.length > 4_000_000) logText = logText.slice(-2_000_000);
		if (options.track) {
			const lines = (partial + text).split('\n');
			partial = lines.pop() ?? '';
			const at = Date.now();
			for (const line of lines) if (options.track.test(line)) events.push({ at, line });
		}
	};
	child.stdout!.on('data', onData);
	child.stderr!.on('data', onData);
	let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
	const exitPromise = new Promise<void>((resolve) =>
		child.on('exit', (code, signal) => {
			exitInfo = { code, signal };
			running.delete(child);
			resolve();
		}),
	);
	return {
		child,
		events,
		logs: () => logText,
		exited: () => exitInfo,
		async stop() {
			if (!exitInfo) await stopProcessGroup(child, exitPromise);
			await new Promise<void>((resolve) => logStream.end(resolve));
		},
	};
}

async function waitFor(
	what: string,
	spawned: Spawned,
	ready: () => Promise<boolean> | boolean,
	timeoutMs: number,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await ready()) return;
		const exit = spawned.exited();
		if (exit) {
			throw new Error(
				`${what} exited (${exit.code ?? exit.signal}) before it was ready:\n${tail(spawned.logs())}`,
			);
		}
		if (Date.now() > deadline) {
			await spawned.stop();
			throw new Error(`${what} was not ready in ${timeoutMs} ms:\n${tail(spawned.logs())}`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
}

export interface Postgres extends Service {
	user: string;
	database: string;
}

/** A fresh PostgreSQL cluster in a temp folder on 127.0.0.1:<free port>, no fsync, trust auth. */
export async function startPostgres(): Promise<Postgres> {
	const bin = postgresBinDir();
	const owner = postgresUser();
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'n8n-e2e-pg-'));
	const dataDir = path.join(dir, 'data');
	await fs.mkdir(dataDir);
	if (owner) {
		await fs.chown(dir, owner.uid, owner.gid);
		await fs.chown(dataDir, owner.uid, owner.gid);
	}
	const user = 'n8n';
	const init = spawnSync(
		path.join(bin, 'initdb'),
		['-D', dataDir, '-U', user, '-A', 'trust', '-E', 'UTF8', '--no-sync', '--locale=C'],
		{ encoding: 'utf8', uid: owner?.uid, gid: owner?.gid, cwd: dir },
	);
	if (init.status !== 0) {
		throw new Error(`initdb failed (exit ${init.status}):\n${init.stdout}\n${init.stderr}`);
	}
	const port = await freePort();
	const spawned = spawnLogged(
		path.join(bin, 'postgres'),
		[
			'-D',
			dataDir,
			'-p',
			String(port),
			'-h',
			'127.0.0.1',
			'-k',
			dir,
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'max_connections=100',
		],
		{
			uid: owner?.uid,
			gid: owner?.gid,
			cwd: dir,
			logFile: path.join(os.tmpdir(), `n8n-e2e-pg-${port}.log`),
		},
	);
	await waitFor(
		'postgres',
		spawned,
		() => /database system is ready to accept connections/.test(spawned.logs()),
		60_000,
	);
	return {
		port,
		user,
		database: 'postgres',
		logs: spawned.logs,
		async stop() {
			await spawned.stop();
			if (process.env.N8N_E2E_KEEP !== '1') await fs.rm(dir, { recursive: true, force: true });
		},
	};
}

/** A Redis on 127.0.0.1:<free port>, nothing persisted, in a temp folder. */
export async function startRedis(): Promise<Service> {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'n8n-e2e-redis-'));
	const port = await freePort();
	const spawned = spawnLogged(
		redisBinary(),
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
		],
		{ cwd: dir, logFile: path.join(dir, 'redis.log') },
	);
	await waitFor(
		'redis-server',
		spawned,
		() => /Ready to accept connections/i.test(spawned.logs()),
		30_000,
	);
	return {
		port,
		logs: spawned.logs,
		async stop() {
			await spawned.stop();
			if (process.env.N8N_E2E_KEEP !== '1') await fs.rm(dir, { recursive: true, force: true });
		},
	};
}

/** The environment of every n8n process of one queue-mode installation. */
export function queueModeEnv(postgres: Postgres, redis: Service): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		DB_POSTGRESDB_DATABASE: postgres.database,
		// the executions' data, kept for the test to read back
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		N8N_RUNNERS_ENABLED: 'true',
	};
}

/** An n8n CLI command (import, publish) against the queue-mode database. */
export async function runQueueCli(
	home: N8nHome,
	env: Record<string, string>,
	args: string[],
): Promise<string> {
	const result = await runN8n(home, args, { env, timeoutMs: 180_000 });
	if (result.exitCode !== 0) throw new N8nCommandError(`n8n ${args.join(' ')} failed`, result);
	return result.stdout + result.stderr;
}

export async function importQueueCredentials(
	home: N8nHome,
	env: Record<string, string>,
	creds: CredentialImport[],
): Promise<Array<CredentialImport & { id: string }>> {
	const withIds = creds.map((c) => ({ ...c, id: c.id ?? n8nId() }));
	const file = path.join(home.userFolder, `credentials-${n8nId()}.json`);
	await fs.writeFile(file, JSON.stringify(withIds, null, 2));
	await runQueueCli(home, env, ['import:credentials', `--input=${file}`]);
	await fs.rm(file, { force: true });
	return withIds;
}

/** Imports a workflow and publishes (activates) it, so its webhook is live when main starts. */
export async function importAndPublishWorkflow(
	home: N8nHome,
	env: Record<string, string>,
	wf: WorkflowImport,
): Promise<string> {
	const id = wf.id ?? n8nId();
	const workflow = {
		active: false,
		settings: {},
		...wf,
		id,
		name: wf.name ?? `queue e2e ${id}`,
		nodes: wf.nodes.map((n, i) => ({
			id: n.id ?? `node-${i}`,
			position: n.position ?? [i * 220, 0],
			...n,
		})),
	};
	const file = path.join(home.userFolder, `workflow-${id}.json`);
	await fs.writeFile(file, JSON.stringify(workflow, null, 2));
	await runQueueCli(home, env, ['import:workflow', `--input=${file}`]);
	await fs.rm(file, { force: true });
	await runQueueCli(home, env, ['publish:workflow', `--id=${id}`]);
	return id;
}

export interface N8nProcess {
	logs(): string;
	/** "Worker started/finished execution N" lines, with their arrival time. */
	events: LogEvent[];
	stop(): Promise<void>;
}

/** `n8n worker`: pulls executions from Redis. Ready when it logs "n8n worker is now ready". */
export async function startN8nWorker(
	home: N8nHome,
	env: Record<string, string>,
	options: { concurrency?: number; timeoutMs?: number } = {},
): Promise<N8nProcess> {
	const { n8nBin } = await ensureN8n();
	const spawned = spawnLogged(
		nodeBin(),
		[n8nBin, 'worker', `--concurrency=${options.concurrency ?? 10}`],
		{
			cwd: home.userFolder,
			env: await n8nEnv(home, env),
			logFile: path.join(home.userFolder, 'n8n-worker.log'),
			track: /Worker (started|finished) execution/,
		},
	);
	await waitFor(
		'n8n worker',
		spawned,
		() => /n8n worker is now ready/.test(spawned.logs()),
		options.timeoutMs ?? 180_000,
	);
	return { logs: spawned.logs, events: spawned.events, stop: spawned.stop };
}

/**
 * The execution data n8n stores and its REST API returns (`flatted`: every object and string is
 * an entry of one array, referenced by index).
 */
export function parseFlatted(text: string): unknown {
	const input = JSON.parse(text) as unknown[];
	const built = new Map<number, unknown>();
	const build = (index: number): unknown => {
		const raw = input[index];
		if (raw === null || typeof raw !== 'object') return raw;
		if (built.has(index)) return built.get(index);
		const out: Record<string, unknown> | unknown[] = Array.isArray(raw) ? [] : {};
		built.set(index, out);
		for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
			(out as Record<string, unknown>)[key] =
				typeof value === 'string' ? build(Number(value)) : value;
		}
		return out;
	};
	return build(0);
}
