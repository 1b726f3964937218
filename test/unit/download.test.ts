import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';

import {
	checkComplete,
	downloadRequestOptions,
	n8nDownloadRequester,
	fileNameFromContentDisposition,
	openDownload,
	parseContentRange,
	planHop,
	planResponse,
	RecordingDownloadError,
	redactUrl,
	resumeDelayMs,
	type DownloadHttpRequest,
	type DownloadHttpResponse,
} from '../../nodes/core/transport/download';
import {
	DEFAULT_RECORDING_FILE_TYPES,
	RECORDING_FILE_TYPE_OPTIONS,
	recordingFileName,
	recordingMediaType,
} from '../../nodes/core/zoom/recordingFiles';

const ZOOM_URL = 'https://us06web.zoom.us/rec/download/abc123';
const CDN_URL = 'https://ssrweb.zoom.us/file/xyz?Signature=s1&Expires=9';

describe('planHop: where credentials go', () => {
	test('a download token goes as Authorization: Bearer to the download URL only, never in a URL', () => {
		const first = planHop(ZOOM_URL, ZOOM_URL, { type: 'downloadToken', token: 'dl-tok' }, 0);
		assert.equal(first.headers.Authorization, 'Bearer dl-tok');
		assert.equal(first.url, ZOOM_URL, 'the URL stays as Zoom gave it: no token in the query');
		assert.equal(first.authenticate, false);
		assert.equal(first.headers.Range, undefined);
		const resumed = planHop(ZOOM_URL, ZOOM_URL, { type: 'downloadToken', token: 'dl-tok' }, 10);
		assert.equal(resumed.headers.Authorization, 'Bearer dl-tok');
		const cdn = planHop(ZOOM_URL, CDN_URL, { type: 'downloadToken', token: 'dl-tok' }, 0);
		assert.equal(cdn.url, CDN_URL, 'the storage host gets its signed URL unchanged');
		assert.ok(!JSON.stringify(cdn).includes('dl-tok'), 'nothing of the token reaches storage');
		assert.equal(cdn.headers.Authorization, undefined);
	});

	test('an API credential is asked for with the download URL only', () => {
		assert.equal(planHop(ZOOM_URL, ZOOM_URL, { type: 'credential' }, 0).authenticate, true);
		assert.equal(planHop(ZOOM_URL, CDN_URL, { type: 'credential' }, 0).authenticate, false);
		assert.equal(
			planHop(ZOOM_URL, 'https://us06web.zoom.us/rec/storage/x?sig=1', { type: 'credential' }, 0)
				.authenticate,
			false,
			'a redirect on the same host is pre-signed too',
		);
		const sameHost = planHop(
			ZOOM_URL,
			'https://us06web.zoom.us/rec/storage/x?sig=1',
			{ type: 'downloadToken', token: 'dl-tok' },
			0,
		);
		assert.ok(!JSON.stringify(sameHost).includes('dl-tok'));
	});

	test('a resume asks for the rest with Range', () => {
		assert.equal(planHop(ZOOM_URL, CDN_URL, { type: 'none' }, 1000).headers.Range, 'bytes=1000-');
	});

	test('messages never show a token or a signature', () => {
		const shown = redactUrl(`${ZOOM_URL}?access_token=secret-token`);
		assert.equal(shown, ZOOM_URL);
		assert.equal(redactUrl(CDN_URL), 'https://ssrweb.zoom.us/file/xyz');
	});
});

describe('planResponse', () => {
	test('a redirect resolves a relative Location', () => {
		assert.deepEqual(planResponse(302, { Location: '/file/1?sig=2' }, 0, ZOOM_URL), {
			kind: 'redirect',
			location: 'https://us06web.zoom.us/file/1?sig=2',
		});
		const missing = planResponse(302, {}, 0, ZOOM_URL);
		assert.equal(missing.kind, 'error');
	});

	test('200 from the start announces its length', () => {
		assert.deepEqual(planResponse(200, { 'content-length': '1234' }, 0, ZOOM_URL), {
			kind: 'data',
			skip: 0,
			total: 1234,
			resumed: false,
		});
	});

	test('200 to a Range request: the server restarted, skip what we already have', () => {
		const plan = planResponse(200, { 'content-length': '1234' }, 500, ZOOM_URL);
		assert.deepEqual(plan, { kind: 'data', skip: 500, total: 1234, resumed: false });
	});

	test('206 continues at our offset', () => {
		const plan = planResponse(206, { 'Content-Range': 'bytes 500-1233/1234' }, 500, ZOOM_URL);
		assert.deepEqual(plan, { kind: 'data', skip: 0, total: 1234, resumed: true });
		const earlier = planResponse(206, { 'content-range': 'bytes 400-1233/1234' }, 500, ZOOM_URL);
		assert.deepEqual(earlier, { kind: 'data', skip: 100, total: 1234, resumed: true });
		const gap = planResponse(206, { 'content-range': 'bytes 600-1233/1234' }, 500, ZOOM_URL);
		assert.equal(gap.kind, 'error');
	});

	test('401/403 say what to do and are not retried; 5xx and 429 are', () => {
		const denied = planResponse(401, {}, 0, ZOOM_URL);
		assert.equal(denied.kind, 'error');
		if (denied.kind === 'error') {
			assert.equal(denied.error.retryable, false);
			assert.match(denied.error.message, /24 hours/);
		}
		for (const status of [429, 500, 503]) {
			const plan = planResponse(status, {}, 0, ZOOM_URL);
			assert.ok(plan.kind === 'error' && plan.error.retryable, `HTTP ${status} is retryable`);
		}
		const gone = planResponse(404, {}, 0, ZOOM_URL);
		assert.ok(gone.kind === 'error' && !gone.error.retryable);
	});
});

describe('small parsers', () => {
	test('Content-Range', () => {
		assert.deepEqual(parseContentRange('bytes 0-99/1000'), { start: 0, end: 99, total: 1000 });
		assert.deepEqual(parseContentRange('bytes 0-99/*'), { start: 0, end: 99, total: undefined });
		assert.equal(parseContentRange('bytes 10-5/100'), undefined);
		assert.equal(parseContentRange('bytes */100'), undefined);
		assert.equal(parseContentRange(undefined), undefined);
	});

	test('completeness', () => {
		assert.equal(checkComplete(10, 10), undefined);
		assert.equal(checkComplete(10, undefined), undefined);
		assert.match(checkComplete(5, 10)!, /after 5 of 10 bytes/);
		assert.match(checkComplete(11, 10)!, /11 bytes but announced 10/);
	});

	test('resume delays grow and stop growing', () => {
		assert.deepEqual([1, 2, 3, 4, 5, 9].map(resumeDelayMs), [500, 1000, 2000, 4000, 8000, 8000]);
	});

	test('Content-Disposition names are reduced to a safe base name', () => {
		assert.equal(
			fileNameFromContentDisposition('attachment; filename="GMT2023_Recording.mp4"'),
			'GMT2023_Recording.mp4',
		);
		assert.equal(
			fileNameFromContentDisposition(
				"attachment; filename=x.mp4; filename*=UTF-8''R%C3%A9union%20a.mp4",
			),
			'Réunion a.mp4',
		);
		assert.equal(
			fileNameFromContentDisposition('attachment; filename="../../etc/passwd"'),
			'passwd',
		);
		assert.equal(fileNameFromContentDisposition('attachment'), undefined);
	});

	test('file names and MIME types from Zoom recording metadata', () => {
		const video = {
			id: 'f1',
			file_type: 'MP4',
			file_extension: 'MP4',
			recording_type: 'shared_screen_with_speaker_view',
			recording_start: '2026-11-30T10:00:05Z',
		};
		assert.deepEqual(recordingMediaType(video), { mimeType: 'video/mp4', extension: 'mp4' });
		assert.equal(
			recordingFileName(video, { topic: 'Weekly sync' }),
			'Weekly_sync_2026-11-30T10-00-05Z_shared_screen_with_speaker_view.mp4',
		);
		assert.equal(
			recordingFileName(video, {
				topic: 'x',
				servedName: fileNameFromContentDisposition('attachment; filename=a.mp4'),
			}),
			'a.mp4',
		);
		assert.equal(
			recordingFileName(video, { servedName: '../../x/y.mp4' }),
			'y.mp4',
			'a served name is reduced to a base name',
		);
		assert.deepEqual(recordingMediaType({ file_type: 'TRANSCRIPT', file_extension: 'VTT' }), {
			mimeType: 'text/vtt',
			extension: 'vtt',
		});
		assert.deepEqual(recordingMediaType({ file_type: 'CHAT' }), {
			mimeType: 'text/plain',
			extension: 'txt',
		});
		assert.deepEqual(recordingMediaType({ file_type: 'M4A' }).mimeType, 'audio/mp4');
		assert.deepEqual(recordingMediaType({ file_type: 'TB', file_extension: 'JPG' }), {
			mimeType: 'image/jpeg',
			extension: 'jpg',
		});
		assert.deepEqual(recordingMediaType({ file_type: 'NEWKIND' }, 'application/pdf'), {
			mimeType: 'application/pdf',
			extension: 'newkind',
		});
	});

	test("one list of file types: Zoom's recording.completed and Meeting API file_type values", () => {
		assert.deepEqual(
			RECORDING_FILE_TYPE_OPTIONS.map((option) => option.value).sort(),
			['CC', 'CHAT', 'CHAT_MESSAGE', 'CSV', 'M4A', 'MP4', 'SUMMARY', 'TB', 'TIMELINE', 'TRANSCRIPT'],
		);
		const names = RECORDING_FILE_TYPE_OPTIONS.map((option) => option.name);
		assert.deepEqual(names, [...names].sort(), 'shown in alphabetical order');
		assert.deepEqual(DEFAULT_RECORDING_FILE_TYPES, ['MP4', 'M4A', 'TRANSCRIPT', 'CHAT']);
	});
});

// ---------------------------------------------------------------------------------------------
// openDownload against a scripted server
// ---------------------------------------------------------------------------------------------

const FILE = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 7 + 3) % 251));

/** A body that delivers `data` in chunks and, with `dropAfter`, fails like a reset socket. */
function body(data: Buffer, dropAfter?: number): Readable {
	async function* chunks() {
		let sent = 0;
		for (let i = 0; i < data.length; i += 1000) {
			const chunk = data.subarray(i, i + 1000);
			if (dropAfter !== undefined && sent + chunk.length > dropAfter) {
				yield chunk.subarray(0, dropAfter - sent);
				throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
			}
			sent += chunk.length;
			yield chunk;
		}
	}
	return Readable.from(chunks(), { objectMode: false });
}

type Script = (request: DownloadHttpRequest, n: number) => DownloadHttpResponse;

function scripted(script: Script) {
	const requests: DownloadHttpRequest[] = [];
	const requester = async (request: DownloadHttpRequest) => {
		requests.push(request);
		return script(request, requests.length);
	};
	return { requests, requester };
}

function rangeStart(request: DownloadHttpRequest): number {
	return Number(/bytes=(\d+)-/.exec(request.headers.Range ?? '')?.[1] ?? 0);
}

/** Zoom-like: the download URL redirects to storage, which honours Range (unless told not to). */
function zoomLike(options: { drops?: number[]; ranges?: boolean } = {}): Script {
	const drops = [...(options.drops ?? [])];
	return (request) => {
		if (request.url.startsWith(ZOOM_URL))
			return { statusCode: 302, headers: { location: CDN_URL }, body: Readable.from([]) };
		const start = options.ranges === false ? 0 : rangeStart(request);
		const part = FILE.subarray(start);
		const dropAt = drops.shift();
		return start > 0
			? {
					statusCode: 206,
					headers: {
						'content-range': `bytes ${start}-${FILE.length - 1}/${FILE.length}`,
						'content-length': String(part.length),
					},
					body: body(part, dropAt),
				}
			: {
					statusCode: 200,
					headers: { 'content-length': String(FILE.length), 'content-type': 'video/mp4' },
					body: body(FILE, dropAt),
				};
	};
}

async function readAll(stream: Readable): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const noWait = async () => {};

describe('openDownload', () => {
	test('follows the redirect and sends the token only to Zoom', async () => {
		const { requests, requester } = scripted(zoomLike());
		const download = await openDownload(requester, {
			url: ZOOM_URL,
			auth: { type: 'downloadToken', token: 'dl-tok' },
			wait: noWait,
		});
		assert.equal(download.totalBytes, FILE.length);
		assert.equal(download.contentType, 'video/mp4');
		const data = await readAll(download.stream as Readable);
		assert.equal(sha(data), sha(FILE));
		assert.equal(requests.length, 2);
		assert.equal(requests[0].url, ZOOM_URL);
		assert.equal(requests[0].headers.Authorization, 'Bearer dl-tok');
		assert.equal(requests[1].url, CDN_URL);
		assert.equal(requests[1].headers.Authorization, undefined);
		assert.deepEqual(download.stats, { bytes: FILE.length, resumes: 0, restarts: 0 });
	});

	test('resumes with Range after dropped connections', async () => {
		const { requests, requester } = scripted(zoomLike({ drops: [3500, 2000] }));
		const download = await openDownload(requester, {
			url: ZOOM_URL,
			auth: { type: 'downloadToken', token: 't' },
			wait: noWait,
		});
		const data = await readAll(download.stream as Readable);
		assert.equal(sha(data), sha(FILE));
		assert.deepEqual(download.stats, { bytes: FILE.length, resumes: 2, restarts: 0 });
		const ranges = requests.map((r) => r.headers.Range).filter(Boolean);
		assert.deepEqual(ranges, ['bytes=3500-', 'bytes=3500-', 'bytes=5500-', 'bytes=5500-']);
	});

	test('a large file reaches the consumer as it came, without copies, the source paused while it is busy', async () => {
		const MiB = 1024 * 1024;
		const big = Buffer.alloc(9 * MiB + 12_345);
		for (let i = 0; i < big.length; i += 4096) big.writeUInt32BE(i, i);
		let produced = 0;
		let maxAhead = 0;
		let consumed = 0;
		const sent = new Set<ArrayBufferLike>();
		const source = (start: number, dropAt?: number) =>
			Readable.from(
				(function* () {
					for (let at = start; at < big.length; at += 64 * 1024) {
						if (dropAt !== undefined && at >= dropAt)
							throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
						produced += Math.min(64 * 1024, big.length - at);
						maxAhead = Math.max(maxAhead, produced - consumed);
						// each chunk its own buffer, as n8n's HTTP client delivers them
						const chunk = Buffer.from(big.subarray(at, at + 64 * 1024));
						sent.add(chunk.buffer);
						yield chunk;
					}
				})(),
				{ objectMode: false },
			);
		const { requests, requester } = scripted((request) => {
			const start = rangeStart(request);
			return start === 0
				? {
						statusCode: 200,
						headers: { 'content-length': String(big.length) },
						body: source(0, 6 * MiB),
					}
				: {
						statusCode: 206,
						headers: { 'content-range': `bytes ${start}-${big.length - 1}/${big.length}` },
						body: source(start),
					};
		});
		const download = await openDownload(requester, { url: CDN_URL, auth: { type: 'none' }, wait: noWait });
		const chunks: Buffer[] = [];
		for await (const chunk of download.stream) {
			chunks.push(chunk as Buffer);
			consumed += (chunk as Buffer).length;
			// a slow consumer: the download must wait for it instead of piling up data
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
		assert.equal(sha(Buffer.concat(chunks)), sha(big));
		assert.deepEqual(download.stats, { bytes: big.length, resumes: 1, restarts: 0 });
		assert.equal(requests[1].headers.Range, `bytes=${6 * MiB}-`, 'resumed after what was passed on');
		assert.ok(
			chunks.every((chunk) => sent.has(chunk.buffer)),
			'the consumer gets the buffers the HTTP client delivered, not copies',
		);
		assert.ok(maxAhead <= 2 * MiB, `at most about 1 MiB ahead of the consumer, was ${maxAhead}`);
	});

	test('a server without Range support: starts again and skips what it had', async () => {
		const { requester } = scripted(zoomLike({ drops: [4200], ranges: false }));
		const download = await openDownload(requester, {
			url: ZOOM_URL,
			auth: { type: 'none' },
			wait: noWait,
		});
		const data = await readAll(download.stream as Readable);
		assert.equal(sha(data), sha(FILE));
		assert.deepEqual(download.stats, { bytes: FILE.length, resumes: 0, restarts: 1 });
	});

	test('gives up after maxResumes and says how far it got', async () => {
		const { requester } = scripted(zoomLike({ drops: [1000, 0, 0, 0] }));
		const download = await openDownload(requester, {
			url: ZOOM_URL,
			auth: { type: 'none' },
			maxResumes: 2,
			wait: noWait,
		});
		await assert.rejects(readAll(download.stream as Readable), (error: Error) => {
			assert.ok(error instanceof RecordingDownloadError);
			assert.match(error.message, /after 1000 bytes/);
			return true;
		});
	});

	test('a body shorter than its Content-Length without an error is resumed, not accepted', async () => {
		let calls = 0;
		const { requester } = scripted((request) => {
			calls++;
			const start = rangeStart(request);
			if (calls === 1)
				return {
					statusCode: 200,
					headers: { 'content-length': String(FILE.length) },
					body: Readable.from([FILE.subarray(0, 6000)]),
				};
			return {
				statusCode: 206,
				headers: { 'content-range': `bytes ${start}-${FILE.length - 1}/${FILE.length}` },
				body: Readable.from([FILE.subarray(start)]),
			};
		});
		const download = await openDownload(requester, {
			url: CDN_URL,
			auth: { type: 'none' },
			wait: noWait,
		});
		assert.equal(sha(await readAll(download.stream as Readable)), sha(FILE));
		assert.equal(download.stats.resumes, 1);
	});

	test('more bytes than announced is an error', async () => {
		const { requester } = scripted(() => ({
			statusCode: 200,
			headers: { 'content-length': '10' },
			body: Readable.from([Buffer.alloc(20)]),
		}));
		const download = await openDownload(requester, { url: CDN_URL, auth: { type: 'none' } });
		await assert.rejects(readAll(download.stream as Readable), /20 bytes but announced 10/);
	});

	test('an expired token fails at once with an actionable message, without retries', async () => {
		const { requests, requester } = scripted(() => ({
			statusCode: 401,
			headers: {},
			body: Readable.from([Buffer.from('{"code":124}')]),
		}));
		await assert.rejects(
			openDownload(requester, {
				url: ZOOM_URL,
				auth: { type: 'downloadToken', token: 'expired' },
				wait: noWait,
			}),
			(error: Error) => {
				assert.match(error.message, /HTTP 401.*24 hours/);
				assert.ok(!error.message.includes('expired'.repeat(2)));
				return true;
			},
		);
		assert.equal(requests.length, 1);
	});
});

describe('wiring to n8n request helpers', () => {
	test('each hop is one streamed GET that n8n neither redirects nor throws on', () => {
		const options = downloadRequestOptions(
			{ url: CDN_URL, headers: { Range: 'bytes=5-' }, authenticate: false },
			30_000,
		);
		assert.equal(options.encoding, 'stream');
		assert.equal(options.returnFullResponse, true);
		assert.equal(options.disableFollowRedirect, true);
		assert.equal(options.ignoreHttpStatusErrors, true);
		assert.deepEqual(options.headers, { Range: 'bytes=5-' });
	});

	test('the authenticated helper is used on Zoom host only', async () => {
		const calls: Array<{ url: string; authenticate: boolean }> = [];
		const requester = n8nDownloadRequester(async (options, authenticate) => {
			calls.push({ url: options.url, authenticate });
			return options.url.startsWith(ZOOM_URL)
				? { statusCode: 302, headers: { location: CDN_URL }, body: Readable.from([]) }
				: {
						statusCode: 200,
						headers: { 'content-length': String(FILE.length) },
						body: Readable.from([FILE]),
					};
		});
		const download = await openDownload(requester, { url: ZOOM_URL, auth: { type: 'credential' } });
		assert.equal(sha(await readAll(download.stream as Readable)), sha(FILE));
		assert.deepEqual(calls, [
			{ url: ZOOM_URL, authenticate: true },
			{ url: CDN_URL, authenticate: false },
		]);
	});
});
