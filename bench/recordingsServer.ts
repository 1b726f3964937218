/*
 * The Zoom simulator for bench/recordings.ts, in its own process so that serving 1 GiB neither
 * shares the measured process's memory nor its event loop. Prints one JSON line with what the
 * benchmark needs, then answers "counters" on stdin with the request counters.
 */
import { createInterface } from 'node:readline';

import { addRecording, fileSha256, OWNER_ID, startZoomSimulator } from '../test/simulator';

const GIB = 1024 * 1024 * 1024;
const SIZE = Number(process.env.BENCH_DOWNLOAD_BYTES ?? GIB);
/** Recordings per month of the listed year: most months one page, two need two and three pages. */
const PER_MONTH = [12, 40, 301, 7, 0, 25, 650, 30, 18, 90, 5, 60];

async function main(): Promise<void> {
	const sim = await startZoomSimulator({ seed: false, enforceRateLimits: false });
	const big = addRecording(sim.state, {
		hostId: OWNER_ID,
		topic: 'Benchmark 1 GiB',
		start_time: '2026-06-01T10:00:00Z',
		files: [{ file_type: 'MP4', size: SIZE }],
	});
	const small = addRecording(sim.state, {
		hostId: OWNER_ID,
		topic: 'Warm-up',
		start_time: '2026-06-02T10:00:00Z',
		files: [{ file_type: 'MP4', size: 4 * 1024 * 1024 }],
	});
	PER_MONTH.forEach((count, month) => {
		for (let i = 0; i < count; i++) {
			addRecording(sim.state, {
				hostId: OWNER_ID,
				start_time: `2025-${String(month + 1).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00Z`,
				files: [{ file_type: 'M4A', size: 100 }],
			});
		}
	});
	const token = sim.issueAccessToken({ lifetimeSeconds: 6 * 3600 });
	process.stdout.write(
		`${JSON.stringify({
			apiBaseUrl: sim.apiBaseUrl,
			token,
			big: { uuid: big.uuid, size: SIZE, sha256: fileSha256(big.files[0]) },
			small: { uuid: small.uuid, downloadUrl: `${sim.url}/rec/download/${small.files[0].id}` },
			downloadUrl: `${sim.url}/rec/download/${big.files[0].id}`,
			perMonth: PER_MONTH,
		})}\n`,
	);
	const lines = createInterface({ input: process.stdin });
	lines.on('line', (line) => {
		if (line.trim() === 'counters') {
			process.stdout.write(`${JSON.stringify(sim.counters.requests)}\n`);
			sim.resetCounters();
		}
	});
	lines.on('close', () => void sim.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
