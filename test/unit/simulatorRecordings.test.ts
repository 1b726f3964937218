import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
	addPastMeeting,
	addRecording,
	fileContent,
	OWNER_ID,
	startZoomSimulator,
	type StoredRecording,
	type ZoomSimulator,
} from '../simulator';
import { startRecordingFileServer } from '../simulator/routes/recordingFiles';

/* The simulator's recordings, downloads, past meetings and report, over raw HTTP. */

describe('simulator: recordings, downloads, past meetings, reports', () => {
	let sim: ZoomSimulator;
	let token: string;
	let recording: StoredRecording;

	before(async () => {
		sim = await startZoomSimulator({ seed: false });
		token = sim.issueAccessToken();
		recording = addRecording(sim.state, {
			hostId: OWNER_ID,
			start_time: '2025-05-05T10:00:00Z',
			files: [{ file_type: 'MP4', size: 200_000 }],
		});
		addPastMeeting(sim.state, {
			hostId: OWNER_ID,
			id: 87000000001,
			start_time: '2025-05-05T10:00:00Z',
			participants: ['Only Host'],
		});
	});
	after(async () => await sim?.close());

	const api = async (path: string, init: RequestInit = {}) =>
		await fetch(`${sim.apiBaseUrl}${path}`, {
			...init,
			headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
		});

	test('the recording list refuses a range over one month (the maximum Zoom documents)', async () => {
		const tooLong = await api('/users/me/recordings?from=2025-01-01&to=2025-03-01');
		assert.equal(tooLong.status, 400);
		assert.equal(((await tooLong.json()) as { code: number }).code, 300);
		const month = await api('/users/me/recordings?from=2025-05-01&to=2025-05-31');
		const body = (await month.json()) as { meetings: Array<{ uuid: string }> };
		assert.deepEqual(
			body.meetings.map((m) => m.uuid),
			[recording.uuid],
		);
	});

	test('downloads: token on Zoom host, redirect to another origin that refuses tokens and serves ranges', async () => {
		const url = `${sim.url}/rec/download/${recording.files[0].id}`;
		assert.equal((await fetch(url, { redirect: 'manual' })).status, 401);
		const hop = await fetch(url, {
			redirect: 'manual',
			headers: { authorization: `Bearer ${token}` },
		});
		assert.equal(hop.status, 302);
		const location = hop.headers.get('location')!;
		assert.notEqual(new URL(location).origin, new URL(sim.url).origin);
		const withToken = await fetch(location, { headers: { authorization: `Bearer ${token}` } });
		assert.equal(withToken.status, 400);
		await withToken.arrayBuffer();
		const content = fileContent(recording.files[0]);
		const whole = await fetch(location);
		assert.equal(whole.status, 200);
		assert.equal(whole.headers.get('accept-ranges'), 'bytes');
		assert.ok(Buffer.from(await whole.arrayBuffer()).equals(content));
		const part = await fetch(location, { headers: { range: 'bytes=65530-65545' } });
		assert.equal(part.status, 206);
		assert.equal(part.headers.get('content-range'), 'bytes 65530-65545/200000');
		assert.ok(Buffer.from(await part.arrayBuffer()).equals(content.subarray(65530, 65546)));
		// Generated blocks differ: the stamp of block 1 is not the stamp of block 0.
		assert.ok(!content.subarray(0, 8).equals(content.subarray(65536, 65544)));
		const beyond = await fetch(location, { headers: { range: 'bytes=300000-' } });
		assert.equal(beyond.status, 416);
		await beyond.arrayBuffer();
		// A download access token from Get works on Zoom's host as Authorization: Bearer (Zoom's
		// recommended form) and as ?access_token=.
		const get = await api(
			`/meetings/${recording.id}/recordings?include_fields=download_access_token&ttl=60`,
		);
		const { download_access_token: downloadToken } = (await get.json()) as {
			download_access_token: string;
		};
		const byToken = await fetch(`${url}?access_token=${downloadToken}`, { redirect: 'manual' });
		assert.equal(byToken.status, 302);
		const byHeader = await fetch(url, {
			redirect: 'manual',
			headers: { authorization: `Bearer ${downloadToken}` },
		});
		assert.equal(byHeader.status, 302);
		const wrong = await fetch(url, { redirect: 'manual', headers: { authorization: 'Bearer nope' } });
		assert.equal(wrong.status, 401);
		await wrong.arrayBuffer();
	});

	test("recording.completed files (webhook simulator's store): the download token as header or query", async () => {
		const files = await startRecordingFileServer();
		try {
			const file = files.store.add({ size: 1000 });
			const token = files.store.issueDownloadToken();
			const url = files.store.downloadUrl(files.url, file.id);
			const byHeader = await fetch(url, {
				redirect: 'manual',
				headers: { authorization: `Bearer ${token}` },
			});
			assert.equal(byHeader.status, 302);
			assert.equal(files.store.tokensInQuery, 0);
			const byQuery = await fetch(`${url}?access_token=${token}`, { redirect: 'manual' });
			assert.equal(byQuery.status, 302);
			assert.equal(files.store.tokensInQuery, 1, 'a token in the query string is counted');
			const storage = new URL(byHeader.headers.get('location')!, files.url).toString();
			const leaked = await fetch(storage, { headers: { authorization: `Bearer ${token}` } });
			await leaked.arrayBuffer();
			assert.equal(files.store.credentialLeaks, 1, 'a token at the storage URL is counted');
			files.store.expireDownloadTokens();
			const expired = await fetch(url, {
				redirect: 'manual',
				headers: { authorization: `Bearer ${token}` },
			});
			assert.equal(expired.status, 401);
			await expired.arrayBuffer();
		} finally {
			await files.close();
		}
	});

	test('past participants and the report list nobody for a one-participant meeting', async () => {
		const participants = await api('/past_meetings/87000000001/participants');
		assert.deepEqual(((await participants.json()) as { participants: unknown[] }).participants, []);
		const report = await api('/report/meetings/87000000001/participants');
		assert.equal(report.headers.get('x-ratelimit-category'), 'Heavy');
		assert.deepEqual(((await report.json()) as { participants: unknown[] }).participants, []);
	});
});
