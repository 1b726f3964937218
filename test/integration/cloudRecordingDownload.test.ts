import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { after, before, beforeEach, describe, test } from 'node:test';

import { BinaryDataService } from 'n8n-core';
import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	plainDownloadRequester,
	storeRecordingFile,
} from '../../nodes/core/transport/download';

import {
	addRecording,
	fileSha256,
	OWNER_ID,
	recordingStore,
	type StoredRecording,
} from '../simulator';
import { executeNode } from './harness';
import { rl, startSetup, type Setup } from './recordings/setup';

/*
 * Cloud Recording → Download and Get Transcript through real n8n-core against the Zoom
 * simulator: files streamed into n8n's binary data store (filesystem mode, as n8n runs by
 * default), Zoom's redirect to a signed URL, the token only on Zoom's host, resume after a
 * dropped connection.
 */

const MIB = 1024 * 1024;

// n8n-core's own copy of the DI container (the package has several), which holds its services.
const { Container } = createRequire(require.resolve('n8n-core'))(
	'@n8n/di',
) as typeof import('@n8n/di');

export const KNOWN_VTT = [
	'WEBVTT',
	'',
	'1',
	'00:00:00.000 --> 00:00:03.250',
	'Sim Owner: Welcome to the quarterly review.',
	'',
	'2',
	'00:00:03.900 --> 00:00:08.120',
	'Ada Admin: Thanks. Revenue is up: twelve percent',
	'over last quarter.',
	'',
	'3',
	'00:00:09.000 --> 00:00:10.500',
	'Sim Owner: Great news.',
	'',
].join('\n');

/**
 * Test node: downloads `url` with a download token the way the trigger downloads the files of a
 * recording.completed event (storeRecordingFile, plain n8n requests), with real n8n-core helpers.
 */
class DownloadTokenProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Download Token Probe (test)',
		name: 'n8n-nodes-zoom-test.downloadTokenProbe',
		group: ['transform'],
		version: 1,
		description: 'Downloads a recording file with a download token',
		defaults: { name: 'Download Token Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { url, token } = this.getInputData()[0].json as { url: string; token: string };
		const stored = await storeRecordingFile(
			this.helpers,
			plainDownloadRequester(this.helpers),
			{ file_type: 'MP4' },
			{ url, auth: { type: 'downloadToken', token } },
		);
		return [[{ json: { bytes: stored.stats.bytes }, binary: { file: stored.binary } }]];
	}
}

async function sha256Of(binary: IBinaryData): Promise<string> {
	const buffer = await Container.get(BinaryDataService).getAsBuffer(binary);
	return createHash('sha256').update(buffer).digest('hex');
}

describe('cloud recording download and transcript (n8n-core + Zoom simulator)', () => {
	let setup: Setup;
	let recording: StoredRecording;

	before(async () => {
		await Container.get(BinaryDataService).init();
		setup = await startSetup();
		recording = addRecording(setup.sim.state, {
			hostId: OWNER_ID,
			uuid: 'quarterly//Review+1==',
			topic: 'Quarterly review',
			start_time: '2026-10-01T14:00:00Z',
			files: [
				{ file_type: 'MP4', size: 5 * MIB + 123 },
				{ file_type: 'MP4', size: 3 * MIB, recording_type: 'gallery_view' },
				{ file_type: 'M4A', size: 2 * MIB },
				{ file_type: 'TRANSCRIPT', content: KNOWN_VTT },
				{ file_type: 'CHAT', content: '14:00:05 From Ada Admin to Everyone:\n\tHello!\n' },
			],
		});
	});

	after(async () => await setup?.close());
	beforeEach(() => {
		const store = recordingStore(setup.sim.state);
		store.downloads.length = 0;
		store.download.acceptRanges = true;
		store.download.drops = { afterBytes: 0, count: 0 };
	});

	for (const index of [0, 1, 2]) {
		test(`Download: every file as a binary property, bytes intact (${['Server-to-Server OAuth', 'OAuth2', 'Access Token'][index]})`, async () => {
			const result = await setup.run(
				'cloudRecording',
				'download',
				{ meetingId: rl(recording.uuid) },
				{ credential: setup.credentials[index] },
			);
			assert.equal(result.error, undefined, result.error?.message);
			assert.equal(result.items.length, 1);
			const [item] = result.items;
			assert.deepEqual(Object.keys(item.binary ?? {}), [
				'mp4',
				'mp4_2',
				'm4a',
				'transcript',
				'chat',
			]);
			for (const [position, file] of recording.files.entries()) {
				const name = ['mp4', 'mp4_2', 'm4a', 'transcript', 'chat'][position];
				const binary = item.binary![name];
				assert.ok(binary.id, 'stored in the binary data store, not inline');
				assert.equal(binary.bytes, file.file_size);
				assert.equal(await sha256Of(binary), fileSha256(file), `${name} bytes`);
			}
			assert.equal(item.binary!.mp4.mimeType, 'video/mp4');
			assert.equal(item.binary!.m4a.mimeType, 'audio/mp4');
			assert.equal(item.binary!.transcript.mimeType, 'text/vtt');
			assert.match(item.binary!.mp4.fileName ?? '', /\.mp4$/);
			const files = item.json.files as IDataObject[];
			assert.deepEqual(
				files.map((f) => [f.file_type, f.binaryProperty, f.bytes]),
				recording.files.map((f, i) => [
					f.file_type,
					['mp4', 'mp4_2', 'm4a', 'transcript', 'chat'][i],
					f.file_size,
				]),
			);
			assert.equal(item.json.uuid, recording.uuid);
			assert.equal(item.json.recording_files, undefined);
			// The token goes to Zoom's download URL only, never to the signed storage URL.
			const { downloads } = recordingStore(setup.sim.state);
			const zoomHops = downloads.filter((d) => d.path.startsWith('/rec/download/'));
			const storageHops = downloads.filter((d) => d.path.startsWith('/rec/cdn/'));
			assert.equal(zoomHops.length, 5);
			assert.equal(storageHops.length, 5);
			assert.ok(
				zoomHops.every(
					(d) => /^Bearer \S+$/.test(d.authorization ?? '') && !d.queryToken && d.status === 302,
				),
			);
			assert.ok(
				storageHops.every((d) => d.authorization === undefined && !d.queryToken && d.status === 200),
			);
		});
	}

	test("a recording.completed download token goes as Authorization: Bearer to Zoom's URL, never in a URL or to the storage host", async () => {
		const store = recordingStore(setup.sim.state);
		const token = 'dl_webhook_download_token_1';
		store.downloadTokens.set(token, Date.now() + 24 * 3600_000);
		const file = recording.files[2];
		const result = await executeNode({
			nodeType: new DownloadTokenProbe(),
			inputItems: [{ url: `${setup.sim.url}/rec/download/${file.id}`, token }],
			credentialsStore: setup.store,
		});
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(await sha256Of(result.items[0].binary!.file), fileSha256(file));
		const zoomHops = store.downloads.filter((d) => d.path.startsWith('/rec/download/'));
		const storageHops = store.downloads.filter((d) => d.path.startsWith('/rec/cdn/'));
		assert.deepEqual(
			zoomHops.map((d) => [d.authorization, d.queryToken, d.status]),
			[[`Bearer ${token}`, false, 302]],
		);
		assert.deepEqual(
			storageHops.map((d) => [d.authorization, d.queryToken, d.status]),
			[[undefined, false, 200]],
		);
	});

	test('Download of chosen file types only, with a property prefix', async () => {
		const result = await setup.run('cloudRecording', 'download', {
			meetingId: rl(recording.uuid),
			fileTypes: ['TRANSCRIPT', 'M4A'],
			options: { binaryPropertyPrefix: 'rec_' },
		});
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(Object.keys(result.items[0].binary ?? {}), ['rec_m4a', 'rec_transcript']);
	});

	test('a dropped connection resumes with Range where the storage allows it', async () => {
		const store = recordingStore(setup.sim.state);
		store.download.drops = { afterBytes: 2 * MIB + 17, count: 2 };
		const result = await setup.run('cloudRecording', 'download', {
			meetingId: rl(recording.uuid),
			fileTypes: ['MP4'],
		});
		assert.equal(result.error, undefined, result.error?.message);
		const mp4 = recording.files[0];
		assert.equal(await sha256Of(result.items[0].binary!.mp4), fileSha256(mp4));
		// The first file dropped twice (at 2 MiB + 17, then 2 MiB + 17 bytes into the resumed
		// answer); the second came in one go.
		const files = result.items[0].json.files as IDataObject[];
		assert.equal(files[0].resumes, 2);
		assert.equal(files[1].resumes, undefined);
		assert.equal(await sha256Of(result.items[0].binary!.mp4_2), fileSha256(recording.files[1]));
		// Each resume asks from the byte after the last one the node consumed: at most what the
		// storage sent before the drop (bytes still buffered in the HTTP client die with it).
		const ranged = store.downloads.filter((d) => d.range !== undefined);
		assert.deepEqual(
			ranged.map((d) => [d.path.split('/')[2], d.status]),
			[
				['download', 302],
				['cdn', 206],
				['download', 302],
				['cdn', 206],
			],
		);
		const offsets = ranged
			.filter((d) => d.path.startsWith('/rec/cdn/'))
			.map((d) => Number(/^bytes=(\d+)-$/.exec(d.range ?? '')?.[1]));
		assert.ok(offsets[0] > 0 && offsets[0] <= 2 * MIB + 17, `first resume at ${offsets[0]}`);
		assert.ok(
			offsets[1] > offsets[0] && offsets[1] <= offsets[0] + 2 * MIB + 17,
			`second resume at ${offsets[1]}`,
		);
		// Each resume starts over at Zoom's URL with the token, then the storage without it.
		assert.ok(
			store.downloads.filter((d) => d.path.startsWith('/rec/cdn/')).every((d) => !d.authorization),
		);
	});

	test('without Range support a dropped download restarts and skips what it had', async () => {
		const store = recordingStore(setup.sim.state);
		store.download.acceptRanges = false;
		store.download.drops = { afterBytes: MIB, count: 1 };
		const result = await setup.run('cloudRecording', 'download', {
			meetingId: rl(recording.uuid),
			fileTypes: ['M4A'],
		});
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(await sha256Of(result.items[0].binary!.m4a), fileSha256(recording.files[2]));
		assert.equal((result.items[0].json.files as IDataObject[])[0].restarts, 1);
	});

	test('a connection that keeps dropping fails with an error naming the file and the item', async () => {
		recordingStore(setup.sim.state).download.drops = { afterBytes: 1000, count: 100 };
		const result = await setup.run('cloudRecording', 'download', {
			meetingId: rl(recording.uuid),
			fileTypes: ['M4A'],
		});
		assert.match(result.error?.message ?? '', /Could not download the M4A file .* \(item 0\)/);
		recordingStore(setup.sim.state).download.drops.count = 0;
	});

	test('several items: each gets its own files, paired; a failing item continues on fail', async () => {
		const result = await setup.run(
			'cloudRecording',
			'download',
			{ meetingId: rl('={{ $json.meeting }}'), fileTypes: ['TRANSCRIPT'] },
			{
				inputItems: [
					{ meeting: recording.uuid },
					{ meeting: '85000000001' },
					{ meeting: recording.id },
				],
				continueOnFail: true,
			},
		);
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(
			result.items.map((item) => item.pairedItem),
			[{ item: 0 }, { item: 1 }, { item: 2 }],
		);
		assert.equal(
			await sha256Of(result.items[0].binary!.transcript),
			fileSha256(recording.files[3]),
		);
		assert.match(String(result.items[1].json.error), /3301/);
		assert.equal(result.items[1].binary, undefined);
		assert.equal(
			await sha256Of(result.items[2].binary!.transcript),
			fileSha256(recording.files[3]),
		);
	});

	test('asking for a type the recording lacks names the types it has', async () => {
		const result = await setup.run('cloudRecording', 'download', {
			meetingId: rl(recording.uuid),
			fileTypes: ['SUMMARY'],
		});
		assert.match(result.error?.message ?? '', /has no SUMMARY file/);
		assert.match(String(result.error?.description), /MP4, M4A, TRANSCRIPT, CHAT/);
	});

	for (const index of [0, 1, 2]) {
		test(`Get Transcript parses Zoom's VTT into segments and text (${['Server-to-Server OAuth', 'OAuth2', 'Access Token'][index]})`, async () => {
			const result = await setup.run(
				'cloudRecording',
				'getTranscript',
				{ meetingId: rl(recording.uuid) },
				{ credential: setup.credentials[index] },
			);
			assert.equal(result.error, undefined, result.error?.message);
			const { json } = result.items[0];
			assert.deepEqual(json.segments, [
				{ start: 0, end: 3.25, speaker: 'Sim Owner', text: 'Welcome to the quarterly review.' },
				{
					start: 3.9,
					end: 8.12,
					speaker: 'Ada Admin',
					text: 'Thanks. Revenue is up: twelve percent over last quarter.',
				},
				{ start: 9, end: 10.5, speaker: 'Sim Owner', text: 'Great news.' },
			]);
			assert.deepEqual(json.speakers, ['Sim Owner', 'Ada Admin']);
			assert.equal(
				json.text,
				'Sim Owner: Welcome to the quarterly review.\nAda Admin: Thanks. Revenue is up: twelve percent over last quarter.\nSim Owner: Great news.',
			);
			assert.equal(json.uuid, recording.uuid);
			assert.equal(json.recordingId, recording.files[3].id);
		});
	}

	test('Get Transcript of a recording without one explains the setting', async () => {
		const plain = addRecording(setup.sim.state, {
			hostId: OWNER_ID,
			start_time: '2026-10-02T14:00:00Z',
			files: [{ file_type: 'MP4', size: 100 }],
		});
		const result = await setup.run('cloudRecording', 'getTranscript', { meetingId: rl(plain.id) });
		assert.match(result.error?.message ?? '', /has no transcript \(item 0\)/);
		assert.match(String(result.error?.description), /Audio transcript/);
	});
});
