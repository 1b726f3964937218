/*
 * Recordings benchmark (part of `npm run bench`; alone: node --import tsx bench/recordings.ts):
 *
 *   1. Download of a 1 GiB cloud recording by the node (Cloud Recording → Download, real
 *      n8n-core, streamed through n8n's request helpers into n8n's filesystem binary data store)
 *      against a raw undici download of the same file from the same simulator, written to a file,
 *      and against a minimal node that uses n8n's request helper and binary data store with
 *      nothing of this package in between (the floor of any n8n node), in rounds taken in turn. Both sides are timed for the same work (from the first request until
 *      the file is stored), then checked the same way outside the timing (sha256 of the stored
 *      file against the simulator's), then deleted. Per round: throughput, CPU time of this process
 *      (user + system, all its threads) per byte, peak growth of its resident memory. Reported:
 *      median and min–max over the rounds, and the node ÷ raw ratios of each round's pair.
 *      Targets: node throughput ≥ 0.9 × raw, node CPU per byte ≤ 1.2 × raw (medians of the pairs),
 *      peak memory growth < 150 MB.
 *   2. Listing a year of recordings for one user: requests the node sends, against months × pages.
 *
 * The simulator runs in a child process (bench/recordingsServer.ts).
 *
 * Environment: BENCH_DOWNLOAD_BYTES (default 1 GiB), BENCH_DOWNLOAD_ROUNDS (default BENCH_ROUNDS,
 * else 5).
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { BinaryDataService } from 'n8n-core';
import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { Agent, request } from 'undici';

import { ZoomWorkplace } from '../nodes/ZoomWorkplace/ZoomWorkplace.node';
import { monthWindows } from '../nodes/ZoomWorkplace/helpers/monthWindows';
import { CredentialsStore, executeNode } from '../test/integration/harness/core';
import { median, roundsFrom, spread } from './stats';

const { Container } = createRequire(require.resolve('n8n-core'))(
	'@n8n/di',
) as typeof import('@n8n/di');

const MB = 1_000_000;
const ROUNDS = roundsFrom('BENCH_DOWNLOAD_ROUNDS', 5);
const LIST_ROUTE = 'GET /v2/users/{userId}/recordings';

interface ServerInfo {
	apiBaseUrl: string;
	token: string;
	big: { uuid: string; size: number; sha256: string };
	small: { uuid: string; downloadUrl: string };
	downloadUrl: string;
	perMonth: number[];
}

class SimulatorProcess {
	private constructor(
		private readonly child: ChildProcessByStdio<Writable, Readable, null>,
		private readonly lines: Interface,
		readonly info: ServerInfo,
	) {}

	static async start(): Promise<SimulatorProcess> {
		const child = spawn(
			process.execPath,
			['--import', 'tsx', path.join(__dirname, 'recordingsServer.ts')],
			{ stdio: ['pipe', 'pipe', 'inherit'], env: process.env },
		);
		const lines = createInterface({ input: child.stdout });
		const first = await new Promise<string>((resolve, reject) => {
			lines.once('line', resolve);
			child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
		});
		return new SimulatorProcess(child, lines, JSON.parse(first) as ServerInfo);
	}

	async counters(): Promise<Record<string, number>> {
		const answer = new Promise<string>((resolve) => this.lines.once('line', resolve));
		this.child.stdin.write('counters\n');
		return JSON.parse(await answer) as Record<string, number>;
	}

	async stop(): Promise<void> {
		const exited = new Promise((resolve) => this.child.once('exit', resolve));
		this.child.stdin.end();
		await exited;
	}
}

/**
 * Samples resident memory every 5 ms while `work` runs; returns its peak above the start, and
 * the CPU time this process spent (less sensitive than wall time to other work on the machine).
 */
async function withPeakRss<T>(
	work: () => Promise<T>,
): Promise<{ result: T; peakGrowth: number; cpuSeconds: number }> {
	const cpu = process.cpuUsage();
	const baseline = process.memoryUsage.rss();
	let peak = baseline;
	const timer = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage.rss());
	}, 5);
	try {
		const result = await work();
		peak = Math.max(peak, process.memoryUsage.rss());
		const used = process.cpuUsage(cpu);
		return { result, peakGrowth: peak - baseline, cpuSeconds: (used.user + used.system) / 1e6 };
	} finally {
		clearInterval(timer);
	}
}

async function sha256Of(stream: AsyncIterable<unknown>): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of stream) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

interface Round {
	bytes: number;
	seconds: number;
	cpuSeconds: number;
	peakGrowth: number;
	intact: boolean;
}

/**
 * The floor of any node that downloads through n8n: n8n's request helper (one plain request to
 * the download URL, one to where it redirects, as a stream) straight into
 * helpers.prepareBinaryData, with nothing of this package in between. What the node costs above
 * it is the package's; what this costs above raw undici is n8n's HTTP stack and binary data store.
 */
class HelpersOnlyDownload implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bench: n8n helpers only',
		name: 'benchHelpersOnlyDownload',
		group: ['transform'],
		version: 1,
		description: 'Downloads a URL through n8n helpers into the binary data store',
		defaults: { name: 'Helpers only' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Token', name: 'token', type: 'string', default: '' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const url = this.getNodeParameter('url', 0) as string;
		const token = this.getNodeParameter('token', 0) as string;
		const hop = async (target: string, headers: Record<string, string>) =>
			(await this.helpers.httpRequest({
				method: 'GET',
				url: target,
				headers,
				encoding: 'stream',
				returnFullResponse: true,
				disableFollowRedirect: true,
				ignoreHttpStatusErrors: true,
			})) as { statusCode: number; headers: Record<string, string>; body: Readable };
		const first = await hop(url, { authorization: `Bearer ${token}` });
		first.body.resume();
		if (first.statusCode !== 302) throw new Error(`helpers only: HTTP ${first.statusCode}`);
		const second = await hop(first.headers.location, {});
		if (second.statusCode !== 200) throw new Error(`helpers only: HTTP ${second.statusCode}`);
		const binary = await this.helpers.prepareBinaryData(second.body, 'raw.mp4', 'video/mp4');
		return [[{ json: {}, binary: { mp4: binary } }]];
	}
}

export async function recordingsBench(): Promise<string> {
	const binaryData = Container.get(BinaryDataService);
	await binaryData.init();
	const sim = await SimulatorProcess.start();
	const { info } = sim;
	const store = new CredentialsStore();
	const credential = store.add({
		type: 'zoomWorkplaceAccessTokenApi',
		data: { cloud: 'custom', apiBaseUrl: info.apiBaseUrl, accessToken: info.token },
	});
	const run = async (parameters: INodeParameters) =>
		await executeNode({
			nodeType: new ZoomWorkplace(),
			parameters: { authentication: 'accessToken', resource: 'cloudRecording', ...parameters },
			credentials: { zoomWorkplaceAccessTokenApi: credential },
			credentialsStore: store,
		});

	/** The node: Cloud Recording → Download into n8n's binary data store. */
	const nodeDownload = async (uuid: string) => {
		const result = await run({
			operation: 'download',
			meetingId: { __rl: true, mode: 'id', value: uuid },
		});
		if (result.error) throw new Error(`node download failed: ${result.error.message}`);
		const binary = result.items[0].binary!.mp4;
		return {
			bytes: binary.bytes ?? 0,
			read: async () => await binaryData.getAsStream(binary.id!),
			remove: async () => await fs.rm(binaryData.getPath(binary.id!), { force: true }),
		};
	};

	/** n8n's helpers alone (HelpersOnlyDownload) into the binary data store. */
	const helpersDownload = async (url: string) => {
		const result = await executeNode({
			nodeType: new HelpersOnlyDownload(),
			parameters: { url, token: info.token },
			credentialsStore: store,
		});
		if (result.error) throw new Error(`helpers-only download failed: ${result.error.message}`);
		const binary = result.items[0].binary!.mp4;
		return {
			bytes: binary.bytes ?? 0,
			read: async () => await binaryData.getAsStream(binary.id!),
			remove: async () => await fs.rm(binaryData.getPath(binary.id!), { force: true }),
		};
	};

	/** Raw undici: Zoom's URL with the token, then the redirect without it, into a file. */
	const rawDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-raw-'));
	const rawDownload = async (url: string) => {
		// a client of its own per download, like each download of the node (no idle pooled socket)
		const dispatcher = new Agent();
		try {
			return await rawDownloadWith(dispatcher, url);
		} finally {
			await dispatcher.close();
		}
	};
	const rawDownloadWith = async (dispatcher: Agent, url: string) => {
		const first = await request(url, {
			dispatcher,
			headers: { authorization: `Bearer ${info.token}` },
		});
		await first.body.dump();
		const location = first.headers.location;
		if (first.statusCode !== 302 || typeof location !== 'string')
			throw new Error(`raw download: expected a redirect, got ${first.statusCode}`);
		const file = path.join(rawDir, 'raw.mp4');
		const second = await request(location, { dispatcher });
		if (second.statusCode !== 200) throw new Error(`raw download: HTTP ${second.statusCode}`);
		await pipeline(second.body, createWriteStream(file));
		return {
			bytes: (await fs.stat(file)).size,
			read: async () => createReadStream(file),
			remove: async () => await fs.rm(file, { force: true }),
		};
	};

	/** One timed download, then (untimed) the integrity check and the clean-up. */
	const measure = async (
		download: () => Promise<{
			bytes: number;
			read: () => Promise<AsyncIterable<unknown>>;
			remove: () => Promise<void>;
		}>,
	): Promise<Round> => {
		const started = performance.now();
		const { result, peakGrowth, cpuSeconds } = await withPeakRss(download);
		const seconds = (performance.now() - started) / 1000;
		const intact = (await sha256Of(await result.read())) === info.big.sha256;
		await result.remove();
		return { bytes: result.bytes, seconds, cpuSeconds, peakGrowth, intact };
	};

	const raw: Round[] = [];
	const node: Round[] = [];
	const helpers: Round[] = [];
	try {
		// Warm-up of every client: n8n-core's first execution loads modules and fills caches,
		// undici's first request compiles its HTTP parser.
		await (await nodeDownload(info.small.uuid)).remove();
		await (await helpersDownload(info.small.downloadUrl)).remove();
		await (await rawDownload(info.small.downloadUrl)).remove();
		const clients: Array<[Round[], Parameters<typeof measure>[0]]> = [
			[raw, async () => await rawDownload(info.downloadUrl)],
			[node, async () => await nodeDownload(info.big.uuid)],
			[helpers, async () => await helpersDownload(info.downloadUrl)],
		];
		for (let round = 0; round < ROUNDS; round++) {
			// rotate which goes first, so that none always meets the machine fresher
			for (let i = 0; i < clients.length; i++) {
				const [rounds, download] = clients[(round + i) % clients.length];
				rounds.push(await measure(download));
			}
		}

		// A year of listings.
		await sim.counters();
		const listing = await run({
			operation: 'getAll',
			userId: { __rl: true, mode: 'id', value: 'me' },
			from: '2025-01-01',
			to: '2025-12-31',
			returnAll: true,
		});
		if (listing.error) throw new Error(`listing failed: ${listing.error.message}`);
		const requests = (await sim.counters())[LIST_ROUTE] ?? 0;
		const months = monthWindows('2025-01-01', '2025-12-31').length;
		const pages = info.perMonth.map((count) => Math.max(1, Math.ceil(count / 300)));
		const expected = pages.reduce((sum, n) => sum + n, 0);

		const mbps = (r: Round) => r.bytes / MB / r.seconds;
		/** CPU seconds per GiB */
		const cpuPerGiB = (r: Round) => (r.cpuSeconds / r.bytes) * 2 ** 30;
		const throughputRatios = node.map((r, i) => mbps(r) / mbps(raw[i]));
		const cpuRatios = node.map((r, i) => cpuPerGiB(r) / cpuPerGiB(raw[i]));
		const throughputRatio = median(throughputRatios);
		const cpuRatio = median(cpuRatios);
		const peaks = node.map((r) => r.peakGrowth / MB);
		const peak = Math.max(...peaks);
		const intact = [...raw, ...node, ...helpers].every((r) => r.intact);
		const row = (label: string, rounds: Round[]) =>
			`  ${label.padEnd(16)}  ${spread(rounds.map(mbps), 0).padEnd(16)}  ${spread(rounds.map(cpuPerGiB)).padEnd(19)}  ${spread(
				rounds.map((r) => r.peakGrowth / MB),
				0,
			)}`;
		const helpersCpuRatios = helpers.map((r, i) => cpuPerGiB(r) / cpuPerGiB(raw[i]));
		const nodeOverHelpers = node.map((r, i) => cpuPerGiB(r) / cpuPerGiB(helpers[i]));
		const lines = [
			`recordings: download of ${(info.big.size / 2 ** 30).toFixed(2)} GiB (${info.big.size} bytes), ${ROUNDS} rounds per client, in turn; median (min–max)`,
			`  client            MB/s              CPU s per GiB        peak RSS growth MB`,
			row('raw undici', raw),
			row('node', node),
			row('n8n helpers only', helpers),
			`  node ÷ raw throughput, per round: ${spread(throughputRatios)} (target ≥ 0.90) ${throughputRatio >= 0.9 ? 'PASS' : 'FAIL'}`,
			`  node ÷ raw CPU per byte, per round: ${spread(cpuRatios)} (target ≤ 1.20) ${cpuRatio <= 1.2 ? 'PASS' : 'FAIL'}`,
			`  n8n helpers only ÷ raw CPU per byte, per round: ${spread(helpersCpuRatios)} (n8n's HTTP stack and binary data store)`,
			`  node ÷ n8n helpers only CPU per byte, per round: ${spread(nodeOverHelpers)} (this package's share)`,
			`  node peak RSS growth, highest round: ${peak.toFixed(0)} MB (target < 150 MB) ${peak < 150 ? 'PASS' : 'FAIL'}`,
			`  stored files: sha256 ${intact ? 'matched in every round, every client' : 'DIFFERED (FAIL)'}`,
			`recordings: a year listed for one user: ${listing.items.length} recordings, ${months} month windows, pages per month ${pages.join('+')} = ${expected}; requests sent ${requests} ${requests === expected ? '(= months × pages, PASS)' : '(FAIL)'}`,
		];
		return lines.join('\n');
	} finally {
		await fs.rm(rawDir, { recursive: true, force: true });
		await sim.stop();
	}
}

if (require.main === module) {
	recordingsBench().then(
		(report) => {
			console.log(report);
			process.exit(0);
		},
		(error: unknown) => {
			console.error(error);
			process.exit(1);
		},
	);
}
