/**
 * Cloud recordings in a real n8n 2.41.1 (`n8n execute`) with the package installed, against the
 * Zoom simulator: a workflow lists a year of recordings (twelve month windows), downloads the
 * newest meeting's files into n8n's binary data store, writes them with n8n's own "Read/Write
 * Files from Disk" node, and reads the meeting's transcript; the files on disk are compared byte
 * for byte with what the simulator served, and the transcript with the known segments.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
	addRecording,
	fileSha256,
	OWNER_ID,
	recordingStore,
	startZoomSimulator,
	type StoredRecording,
	type ZoomSimulator,
} from '../simulator';
import {
	createN8nHome,
	importCredentials,
	importWorkflow,
	N8nCommandError,
	nodeOutput,
	parseRunOutput,
	runN8n,
	type N8nHome,
	type N8nRun,
	type WorkflowNode,
} from './harness/n8n';

const MIB = 1024 * 1024;

const KNOWN_VTT = [
	'WEBVTT',
	'',
	'1',
	'00:00:00.000 --> 00:00:04.000',
	'Sim Owner: Let us look at the year.',
	'',
	'2',
	'00:00:04.500 --> 00:00:09.250',
	'Ada Admin: Twelve months, twelve reviews:',
	'all recorded.',
	'',
].join('\n');

async function sha256File(file: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

describe('cloud recordings in a real n8n', { timeout: 20 * 60_000 }, () => {
	let sim: ZoomSimulator;
	let home: N8nHome | undefined;
	let outDir: string;
	let december: StoredRecording;
	let s2s: { id: string; name: string };
	let token: { id: string; name: string };

	before(
		async () => {
			sim = await startZoomSimulator({ seed: false });
			for (let month = 1; month <= 12; month++) {
				const recording = addRecording(sim.state, {
					hostId: OWNER_ID,
					topic: `Review ${month}`,
					start_time: `2025-${String(month).padStart(2, '0')}-15T10:00:00Z`,
					files:
						month === 12
							? [
									{ file_type: 'MP4', size: 24 * MIB + 5 },
									{ file_type: 'M4A', size: 3 * MIB },
									{ file_type: 'TRANSCRIPT', content: KNOWN_VTT },
								]
							: [{ file_type: 'M4A', size: 1000 }],
				});
				if (month === 12) december = recording;
			}
			home = await createN8nHome();
			outDir = path.join(home.userFolder, 'recordings-out');
			await fs.mkdir(outDir, { recursive: true });
			const custom = {
				cloud: 'custom',
				apiBaseUrl: sim.apiBaseUrl,
				oauthBaseUrl: sim.oauthBaseUrl,
			};
			const [c1, c2] = await importCredentials(home, [
				{
					name: 'Zoom S2S (recordings e2e)',
					type: 'zoomWorkplaceServerToServerOAuthApi',
					data: { ...sim.defaultApp, ...custom },
				},
				{
					name: 'Zoom token (recordings e2e)',
					type: 'zoomWorkplaceAccessTokenApi',
					data: { accessToken: sim.issueAccessToken({ lifetimeSeconds: 7200 }), ...custom },
				},
			]);
			s2s = { id: c1.id, name: c1.name };
			token = { id: c2.id, name: c2.name };
		},
		{ timeout: 15 * 60_000 },
	);

	after(async () => {
		await home?.cleanup();
		await sim?.close();
	});

	it('lists a year, downloads a meeting, writes its files to disk and reads its transcript', async () => {
		const zoom = (
			name: string,
			parameters: Record<string, unknown>,
			credential: 's2s' | 'token' = 's2s',
			extra: Partial<WorkflowNode> = {},
		): WorkflowNode => ({
			name,
			type: 'n8n-nodes-zoom.zoomWorkplace',
			typeVersion: 1,
			parameters:
				credential === 's2s'
					? { authentication: 'serverToServerOAuth', ...parameters }
					: { authentication: 'accessToken', ...parameters },
			credentials:
				credential === 's2s'
					? { zoomWorkplaceServerToServerOAuthApi: s2s }
					: { zoomWorkplaceAccessTokenApi: token },
			...extra,
		});
		const write = (name: string, property: string): WorkflowNode => ({
			name,
			type: 'n8n-nodes-base.readWriteFile',
			typeVersion: 1.1,
			parameters: {
				operation: 'write',
				fileName: `=${outDir}/{{ $binary.${property}.fileName }}`,
				dataPropertyName: property,
			},
		});
		const nodes: WorkflowNode[] = [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
			zoom('List Year', {
				resource: 'cloudRecording',
				operation: 'getAll',
				userId: { __rl: true, mode: 'id', value: 'me' },
				from: '2025-01-01',
				to: '2025-12-31',
				returnAll: true,
			}),
			// The list is newest first: "Execute Once" downloads December's meeting.
			zoom(
				'Download',
				{
					resource: 'cloudRecording',
					operation: 'download',
					meetingId: { __rl: true, mode: 'id', value: '={{ $json.uuid }}' },
				},
				's2s',
				{ executeOnce: true },
			),
			write('Write MP4', 'mp4'),
			write('Write M4A', 'm4a'),
			write('Write Transcript', 'transcript'),
			zoom(
				'Transcript',
				{
					resource: 'cloudRecording',
					operation: 'getTranscript',
					meetingId: { __rl: true, mode: 'id', value: "={{ $('List Year').first().json.id }}" },
				},
				'token',
			),
		];
		const chain = nodes.map((n) => n.name);
		const connections: Record<string, unknown> = {};
		for (let i = 0; i < chain.length - 1; i++)
			connections[chain[i]] = { main: [[{ node: chain[i + 1], type: 'main', index: 0 }]] };
		const id = await importWorkflow(home!, { name: 'e2e recordings', nodes, connections });

		recordingStore(sim.state).downloads.length = 0;
		sim.resetCounters();
		// n8n 2.x lets file nodes touch only N8N_RESTRICT_FILE_ACCESS_TO (default ~/.n8n-files).
		const result = await runN8n(home!, ['execute', `--id=${id}`, '--rawOutput'], {
			env: { N8N_RESTRICT_FILE_ACCESS_TO: outDir },
			timeoutMs: 300_000,
		});
		const run: N8nRun | undefined = parseRunOutput(result.stdout);
		if (!run) throw new N8nCommandError('n8n execute printed no run data', result);
		assert.equal(
			run.status,
			'success',
			JSON.stringify(run.data.resultData.error ?? run, null, 2).slice(0, 3000),
		);

		// A year: twelve month windows, one page each.
		const listed = nodeOutput(run, 'List Year');
		assert.equal(listed.length, 12);
		assert.equal(listed[0].uuid, december.uuid);
		assert.equal(sim.counters.requests['GET /v2/users/{userId}/recordings'], 12);

		// Every file written by n8n's own node is byte for byte what Zoom served.
		const [downloaded] = nodeOutput(run, 'Download');
		const files = downloaded.files as Array<Record<string, unknown>>;
		assert.deepEqual(
			files.map((f) => f.file_type),
			['MP4', 'M4A', 'TRANSCRIPT'],
		);
		for (const [index, file] of december.files.entries()) {
			const written = path.join(outDir, String(files[index].fileName));
			const stat = await fs.stat(written);
			assert.equal(stat.size, file.file_size, `${file.file_type} size`);
			assert.equal(await sha256File(written), fileSha256(file), `${file.file_type} bytes`);
		}
		assert.equal(
			await fs.readFile(path.join(outDir, String(files[2].fileName)), 'utf8'),
			KNOWN_VTT,
		);
		// The token went to Zoom's download URL only.
		const hops = recordingStore(sim.state).downloads;
		assert.ok(hops.filter((d) => d.path.startsWith('/rec/cdn/')).every((d) => !d.authorization));

		const [transcript] = nodeOutput(run, 'Transcript');
		assert.deepEqual(transcript.segments, [
			{ start: 0, end: 4, speaker: 'Sim Owner', text: 'Let us look at the year.' },
			{
				start: 4.5,
				end: 9.25,
				speaker: 'Ada Admin',
				text: 'Twelve months, twelve reviews: all recorded.',
			},
		]);
		assert.equal(
			transcript.text,
			'Sim Owner: Let us look at the year.\nAda Admin: Twelve months, twelve reviews: all recorded.',
		);
	});
});
