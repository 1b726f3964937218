/*
 * Recordings benchmark (part of `npm run bench`; alone: node --import tsx bench/recordings.ts):
 *
 *   1. Download of a 1 GiB cloud recording by the node (Cloud Recording → Download, real
 *      n8n-core, streamed into n8n's filesystem binary data store): peak growth of this
 *      process's resident memory (target < 150 MB) and throughput, against a raw undici download
 *      of the same file from the same simulator in the same run, written to disk as well
 *      (target: node ≥ 0.8 × raw). Three rounds each, alternating; the best round of each counts.
 *   2. Listing a year of recordings for one user: requests the node sends, against months × pages.
 *
 * The simulator runs in a child process (bench/recordingsServer.ts).
 *
 * Environment: BENCH_DOWNLOAD_BYTES (default 1 GiB), BENCH_DOWNLOAD_ROUNDS (default 3).
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { BinaryDataService } from 'n8n-core';
import type { IBinaryData, INodeParameters } from 'n8n-workflow';
import { request } from 'undici';

import { ZoomWorkplace } from '../nodes/ZoomWorkplace/ZoomWorkplace.node';
import { monthWindows } from '../nodes/ZoomWorkplace/helpers/monthWindows';
import { CredentialsStore, executeNode } from '../test/integration/harness';

const { Container } = createRequire(require.resolve('n8n-core'))(
	'@n8n/di',
) as typeof import('@n8n/di');

const MB = 1_000_000;
const ROUNDS = Math.max(1, Number(process.env.BENCH_DOWNLOAD_ROUNDS ?? 3));
const LIST_ROUTE = 'GET /v2/users/{userId}/recordings';

interface ServerInfo {
	apiBaseUrl: string;
	token: string;
	big: { uuid: string; size: number; sha256: string };
	small: { uuid: string };
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

async function sha256OfBinary(binary: IBinaryData): Promise<string> {
	const hash = createHash('sha256');
	const stream = await Container.get(BinaryDataService).getAsStream(binary.id!);
	for await (const chunk of stream) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

interface Round {
	client: string;
	bytes: number;
	seconds: number;
	peakGrowth: number;
	cpuSeconds: number;
	intact: boolean;
}

export async function recordingsBench(): Promise<string> {
	await Container.get(BinaryDataService).init();
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
	const download = async (uuid: string) => {
		const result = await run({
			operation: 'download',
			meetingId: { __rl: true, mode: 'id', value: uuid },
		});
		if (result.error) throw new Error(`node download failed: ${result.error.message}`);
		return result.items[0].binary!.mp4;
	};

	const rawDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-raw-'));
	const rawDownload = async (): Promise<number> => {
		const first = await request(info.downloadUrl, {
			headers: { authorization: `Bearer ${info.token}` },
		});
		await first.body.dump();
		const location = first.headers.location;
		if (first.statusCode !== 302 || typeof location !== 'string')
			throw new Error(`raw download: expected a redirect, got ${first.statusCode}`);
		const file = path.join(rawDir, 'raw.mp4');
		const second = await request(location);
		let bytes = 0;
		second.body.on('data', (chunk: Buffer) => (bytes += chunk.length));
		await pipeline(second.body, createWriteStream(file));
		await fs.rm(file, { force: true });
		return bytes;
	};

	const rounds: Round[] = [];
	try {
		// Warm-up: n8n-core's first execution loads modules and fills caches.
		await download(info.small.uuid);
		for (let round = 0; round < ROUNDS; round++) {
			let t = performance.now();
			const raw = await withPeakRss(rawDownload);
			rounds.push({
				client: 'raw undici',
				bytes: raw.result,
				seconds: (performance.now() - t) / 1000,
				peakGrowth: raw.peakGrowth,
				cpuSeconds: raw.cpuSeconds,
				intact: raw.result === info.big.size,
			});
			t = performance.now();
			const node = await withPeakRss(async () => await download(info.big.uuid));
			const seconds = (performance.now() - t) / 1000;
			rounds.push({
				client: 'node',
				bytes: node.result.bytes ?? 0,
				seconds,
				peakGrowth: node.peakGrowth,
				cpuSeconds: node.cpuSeconds,
				intact: (await sha256OfBinary(node.result)) === info.big.sha256,
			});
			await fs.rm(Container.get(BinaryDataService).getPath(node.result.id!), { force: true });
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

		const best = (client: string) =>
			rounds.filter((r) => r.client === client).sort((a, b) => a.seconds - b.seconds)[0];
		const node = best('node');
		const raw = best('raw undici');
		const mbps = (r: Round) => r.bytes / MB / r.seconds;
		const ratio = mbps(node) / mbps(raw);
		const peak = Math.max(...rounds.filter((r) => r.client === 'node').map((r) => r.peakGrowth));
		const lines = [
			`recordings: download of ${(info.big.size / 2 ** 30).toFixed(2)} GiB (${info.big.size} bytes), simulator in a child process`,
			...rounds.map(
				(r) =>
					`  ${r.client.padEnd(10)}  ${r.seconds.toFixed(2)} s  ${mbps(r).toFixed(0)} MB/s  CPU ${r.cpuSeconds.toFixed(2)} s  peak RSS growth ${(r.peakGrowth / MB).toFixed(0)} MB  ${r.intact ? 'bytes intact' : 'BYTES DIFFER'}`,
			),
			`  node ÷ raw throughput (best rounds): ${ratio.toFixed(2)} (target ≥ 0.80) ${ratio >= 0.8 ? 'PASS' : 'FAIL'}`,
			`  node peak RSS growth: ${(peak / MB).toFixed(0)} MB (target < 150 MB) ${peak < 150 * MB ? 'PASS' : 'FAIL'}`,
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
