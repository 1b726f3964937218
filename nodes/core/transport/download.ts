/**
 * Streamed downloads of Zoom cloud-recording files (the trigger's `recording.completed` downloads
 * and the Zoom Workplace node's Cloud Recording → Download).
 *
 * Zoom's `download_url` (on zoom.us or a regional web host) answers with a redirect to a signed
 * storage URL. It accepts either the webhook's `download_token` as `?access_token=` or an API token
 * as `Authorization: Bearer`. Files can be gigabytes, so the body is never held whole: it is
 * passed chunk by chunk into one Readable that n8n's binary data store consumes.
 *
 * The pure decisions (where credentials may go, what a response means, how to resume, names and
 * MIME types) are exported for unit tests; `openDownload` is the only part doing I/O, through a
 * `requester` the caller supplies: `helpers.httpRequest` for a download token, or
 * `helpers.httpRequestWithAuthentication` for an API credential (used only on Zoom's own host).
 */
import type { BinaryHelperFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/** Node's stream.Readable, named through n8n's types (community nodes may not import node:stream). */
export type NodeReadable = Exclude<
	Parameters<BinaryHelperFunctions['prepareBinaryData']>[0],
	Buffer
>;

/** How the download proves it may read the file. */
export type DownloadAuth =
	/** the webhook's `download_token` (valid 24 h), sent as `?access_token=` with the download_url only */
	| { type: 'downloadToken'; token: string }
	/** the caller's requester authenticates (an API credential); asked for with the download_url only */
	| { type: 'credential' }
	| { type: 'none' };

export interface DownloadHttpRequest {
	url: string;
	headers: Record<string, string>;
	/** true: authenticate this request with the caller's credential (httpRequestWithAuthentication) */
	authenticate: boolean;
}

export interface DownloadHttpResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	/** the body as a stream; must not be read for redirects or errors beyond a short message */
	body: NodeReadable;
}

/**
 * Sends one GET without following redirects and without throwing on HTTP errors, returning the
 * body as a stream (n8n: `encoding: 'stream'`, `returnFullResponse: true`,
 * `disableFollowRedirect: true`, `ignoreHttpStatusErrors: true`).
 */
export type DownloadRequester = (request: DownloadHttpRequest) => Promise<DownloadHttpResponse>;

export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_MAX_RESUMES = 5;

/** A download failure, with what a user needs to act on it (never a token or a signed URL). */
export class RecordingDownloadError extends Error {
	constructor(
		message: string,
		readonly retryable: boolean,
		readonly statusCode?: number,
	) {
		super(message);
		this.name = 'RecordingDownloadError';
	}
}

// -------------------------------------------------------------------------------------------
// Pure decisions
// -------------------------------------------------------------------------------------------

/**
 * The request for one hop. Credentials go only with the `download_url` Zoom gave us (the first
 * hop, again on every resume); where it redirects (a pre-signed storage URL, on another host or
 * the same one) gets nothing of ours.
 */
export function planHop(
	downloadUrl: string,
	currentUrl: string,
	auth: DownloadAuth,
	offset: number,
): DownloadHttpRequest {
	const isDownloadUrl = currentUrl === downloadUrl;
	let url = currentUrl;
	if (isDownloadUrl && auth.type === 'downloadToken') {
		const parsed = new URL(currentUrl);
		parsed.searchParams.set('access_token', auth.token);
		url = parsed.toString();
	}
	const headers: Record<string, string> = { Accept: '*/*' };
	if (offset > 0) headers.Range = `bytes=${offset}-`;
	return { url, headers, authenticate: isDownloadUrl && auth.type === 'credential' };
}

/** A URL safe to show in messages and logs: no query (tokens, signatures), no user info. */
export function redactUrl(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.origin}${parsed.pathname}`;
	} catch {
		return '(invalid URL)';
	}
}

export function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted) continue;
		if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
		return value === undefined || value === null ? undefined : String(value);
	}
	return undefined;
}

export interface ContentRange {
	start: number;
	end: number;
	/** undefined when the server wrote `*` */
	total?: number;
}

/** `bytes 100-199/1000` → {start: 100, end: 199, total: 1000}; undefined when unreadable. */
export function parseContentRange(value: string | undefined): ContentRange | undefined {
	const match = /^\s*bytes\s+(\d+)-(\d+)\/(\d+|\*)\s*$/i.exec(value ?? '');
	if (!match) return undefined;
	const start = Number(match[1]);
	const end = Number(match[2]);
	const total = match[3] === '*' ? undefined : Number(match[3]);
	if (end < start || (total !== undefined && end >= total)) return undefined;
	return { start, end, total };
}

function parseLength(value: string | undefined): number | undefined {
	if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
	return Number(value);
}

export type ResponsePlan =
	| { kind: 'redirect'; location: string }
	/**
	 * Stream this body: drop its first `skip` bytes (the part we already have, when the server
	 * started earlier than asked or ignored the Range), expecting `total` bytes in the whole file.
	 */
	| { kind: 'data'; skip: number; total?: number; resumed: boolean }
	| { kind: 'error'; error: RecordingDownloadError };

/**
 * What a response means for a download that already has `offset` bytes.
 * `requestedUrl` is only used to resolve a relative Location.
 */
export function planResponse(
	statusCode: number,
	headers: Record<string, unknown>,
	offset: number,
	requestedUrl: string,
): ResponsePlan {
	if ([301, 302, 303, 307, 308].includes(statusCode)) {
		const location = headerValue(headers, 'location');
		if (!location)
			return {
				kind: 'error',
				error: new RecordingDownloadError(
					`the server answered ${statusCode} without a Location header`,
					false,
					statusCode,
				),
			};
		try {
			return { kind: 'redirect', location: new URL(location, requestedUrl).toString() };
		} catch {
			return {
				kind: 'error',
				error: new RecordingDownloadError(
					`the server redirected to an invalid URL`,
					false,
					statusCode,
				),
			};
		}
	}
	if (statusCode === 200) {
		// a full body: from byte 0, whatever Range we sent
		return {
			kind: 'data',
			skip: offset,
			total: parseLength(headerValue(headers, 'content-length')),
			resumed: false,
		};
	}
	if (statusCode === 206) {
		const range = parseContentRange(headerValue(headers, 'content-range'));
		if (!range || range.start > offset)
			return {
				kind: 'error',
				error: new RecordingDownloadError(
					`the server sent a partial answer that does not continue at byte ${offset}`,
					true,
					statusCode,
				),
			};
		return { kind: 'data', skip: offset - range.start, total: range.total, resumed: true };
	}
	return { kind: 'error', error: httpError(statusCode) };
}

function httpError(statusCode: number): RecordingDownloadError {
	if (statusCode === 401 || statusCode === 403)
		return new RecordingDownloadError(
			`Zoom refused the download (HTTP ${statusCode}): the download token has expired (it is valid for 24 hours after the event) or the credential lacks the cloud_recording:read scope`,
			false,
			statusCode,
		);
	if (statusCode === 404 || statusCode === 410)
		return new RecordingDownloadError(
			`the recording file is gone (HTTP ${statusCode}): it was deleted or moved to the trash`,
			false,
			statusCode,
		);
	if (statusCode === 416)
		return new RecordingDownloadError(
			'the server refused the byte range asked for (HTTP 416)',
			true,
			statusCode,
		);
	const retryable = statusCode === 408 || statusCode === 429 || statusCode >= 500;
	return new RecordingDownloadError(
		`the download failed with HTTP ${statusCode}`,
		retryable,
		statusCode,
	);
}

/** Wait before resume `attempt` (1-based): 0.5 s, 1 s, 2 s, 4 s, capped at 8 s. */
export function resumeDelayMs(attempt: number): number {
	return Math.min(8_000, 500 * 2 ** Math.max(0, attempt - 1));
}

/** The complete-file check once the last body ended. */
export function checkComplete(received: number, total: number | undefined): string | undefined {
	if (total === undefined || received === total) return undefined;
	return received < total
		? `the connection ended after ${received} of ${total} bytes`
		: `the server sent ${received} bytes but announced ${total}`;
}

/** File name from `Content-Disposition` (RFC 6266 `filename*` first), reduced to a safe base name. */
export function fileNameFromContentDisposition(value: string | undefined): string | undefined {
	if (!value) return undefined;
	let name: string | undefined;
	const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(value);
	if (extended) {
		try {
			name = decodeURIComponent(extended[2].trim().replace(/^"|"$/g, ''));
		} catch {
			name = undefined;
		}
	}
	if (!name) {
		const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(value);
		name = plain ? (plain[2] ?? plain[1]).trim() : undefined;
	}
	return name ? safeFileName(name) : undefined;
}

/** A base name without path separators or control characters; undefined when nothing is left. */
export function safeFileName(name: string): string | undefined {
	const base = name.split(/[\\/]/).pop() ?? '';
	// eslint-disable-next-line no-control-regex
	const cleaned = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').trim();
	if (!cleaned || cleaned === '.' || cleaned === '..') return undefined;
	return cleaned.slice(0, 200);
}

/** Zoom's `file_type` / `file_extension` → MIME type and extension. */
const RECORDING_TYPES: Record<string, { mimeType: string; extension: string }> = {
	MP4: { mimeType: 'video/mp4', extension: 'mp4' },
	M4A: { mimeType: 'audio/mp4', extension: 'm4a' },
	TRANSCRIPT: { mimeType: 'text/vtt', extension: 'vtt' },
	CC: { mimeType: 'text/vtt', extension: 'vtt' },
	VTT: { mimeType: 'text/vtt', extension: 'vtt' },
	CHAT: { mimeType: 'text/plain', extension: 'txt' },
	TXT: { mimeType: 'text/plain', extension: 'txt' },
	TIMELINE: { mimeType: 'application/json', extension: 'json' },
	SUMMARY: { mimeType: 'application/json', extension: 'json' },
	JSON: { mimeType: 'application/json', extension: 'json' },
	CSV: { mimeType: 'text/csv', extension: 'csv' },
	POLL: { mimeType: 'text/csv', extension: 'csv' },
};

export interface RecordingFileInfo {
	id?: string;
	file_type?: string;
	file_extension?: string;
	recording_type?: string;
	recording_start?: string;
}

export function recordingMediaType(
	file: RecordingFileInfo,
	contentType?: string,
): { mimeType: string; extension: string } {
	const byExtension = RECORDING_TYPES[(file.file_extension ?? '').toUpperCase()];
	const byType = RECORDING_TYPES[(file.file_type ?? '').toUpperCase()];
	const known = byExtension ?? byType;
	if (known) return known;
	const served = (contentType ?? '').split(';')[0].trim().toLowerCase();
	const extension = (file.file_extension ?? file.file_type ?? 'bin').toLowerCase();
	return {
		mimeType: served && served !== 'application/octet-stream' ? served : 'application/octet-stream',
		extension: /^[a-z0-9]{1,8}$/.test(extension) ? extension : 'bin',
	};
}

/**
 * The name a recording file gets in n8n: the server's Content-Disposition name when it sent one,
 * else `<topic>_<start>_<recording type>.<ext>` (what Zoom's web portal calls its downloads).
 */
export function recordingFileName(
	file: RecordingFileInfo,
	context: { topic?: string; contentDisposition?: string; contentType?: string },
): string {
	const served = fileNameFromContentDisposition(context.contentDisposition);
	if (served) return served;
	const { extension } = recordingMediaType(file, context.contentType);
	const parts = [
		context.topic,
		file.recording_start?.replace(/[:]/g, '-').replace(/\.\d+/, ''),
		file.recording_type ?? file.file_type,
	]
		.filter((p): p is string => typeof p === 'string' && p.trim() !== '')
		.map((p) => p.trim().replace(/\s+/g, '_'));
	const base = parts.length ? parts.join('_') : (file.id ?? 'recording');
	return safeFileName(`${base}.${extension}`) ?? `recording.${extension}`;
}

// -------------------------------------------------------------------------------------------
// The streamed download
// -------------------------------------------------------------------------------------------

export interface DownloadOptions {
	/** Zoom's `download_url` */
	url: string;
	auth: DownloadAuth;
	/** resumes (or restarts) after a dropped connection; default 5 */
	maxResumes?: number;
	maxRedirects?: number;
	/** waits between resumes; n8n's sleep by default (tests pass a no-op) */
	wait?: (ms: number) => Promise<void>;
}

export interface DownloadStats {
	bytes: number;
	/** resumes where the server continued at our offset (206) */
	resumes: number;
	/** resumes where the server sent the whole file again and we skipped what we had */
	restarts: number;
}

export interface OpenDownload {
	/** the file's bytes, once; hand it to helpers.prepareBinaryData */
	stream: NodeReadable;
	/** the total announced by the server, when it did */
	totalBytes?: number;
	contentType?: string;
	contentDisposition?: string;
	/** statistics once the stream has ended (read them after the consumer finished) */
	stats: DownloadStats;
}

interface OpenedHop {
	response: DownloadHttpResponse;
	plan: Extract<ResponsePlan, { kind: 'data' }>;
}

/**
 * Socket chunks (16–64 KiB) are passed to n8n's binary data store in batches of this size: a
 * write and a few promises per MiB instead of per chunk, which brings the node's download speed
 * to that of a raw client (`npm run bench`), for 1 MiB of memory.
 */
const BATCH_BYTES = 1024 * 1024;

/** Discards a body we will not read, so its socket is released. */
function discard(body: NodeReadable | undefined): void {
	try {
		body?.destroy();
	} catch {
		// already closed
	}
}

interface ReadableFactory {
	from(
		iterable: AsyncIterable<Buffer>,
		options?: { objectMode?: boolean; highWaterMark?: number },
	): NodeReadable;
}

/**
 * stream.Readable, found through a stream n8n's HTTP client gave us: community nodes may not
 * import node:stream (n8n Cloud's rule), and `Readable.from` is what turns our generator into
 * the one stream the binary data store reads.
 */
function readableClassOf(stream: NodeReadable): ReadableFactory {
	let proto: unknown = Object.getPrototypeOf(stream);
	while (proto && (proto as { constructor: { name: string } }).constructor.name !== 'Readable') {
		proto = Object.getPrototypeOf(proto);
	}
	const ctor = (proto as { constructor?: { from?: unknown } } | null)?.constructor;
	if (!ctor || typeof ctor.from !== 'function')
		throw new RecordingDownloadError('the HTTP client returned no readable stream', false);
	return ctor as ReadableFactory;
}

async function openHop(
	requester: DownloadRequester,
	options: DownloadOptions,
	offset: number,
): Promise<OpenedHop> {
	const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
	let url = options.url;
	for (let hop = 0; hop <= maxRedirects; hop++) {
		const request = planHop(options.url, url, options.auth, offset);
		const response = await requester(request).catch(
			(error: Error) =>
				new RecordingDownloadError(
					`could not reach ${redactUrl(url)}: ${error?.message ?? String(error)}`,
					true,
				),
		);
		if (response instanceof RecordingDownloadError) throw response;
		const plan = planResponse(response.statusCode, response.headers, offset, url);
		if (plan.kind === 'data') return { response, plan };
		discard(response.body);
		if (plan.kind === 'error') throw plan.error;
		url = plan.location;
	}
	throw new RecordingDownloadError(`more than ${maxRedirects} redirects`, false);
}

/**
 * Opens a download: resolves once the first response with data arrived (so its name, type and
 * size are known), with a stream that yields the whole file, resuming with `Range` after a dropped
 * connection (or re-reading from the start and skipping what it has when the server ignores
 * Range), and that fails with a RecordingDownloadError when the file cannot be completed.
 */
export async function openDownload(
	requester: DownloadRequester,
	options: DownloadOptions,
): Promise<OpenDownload> {
	const wait = options.wait ?? (async (ms: number) => await sleep(ms));
	const maxResumes = options.maxResumes ?? DEFAULT_MAX_RESUMES;
	const first = await openHop(requester, options, 0);
	const stats: DownloadStats = { bytes: 0, resumes: 0, restarts: 0 };
	let total = first.plan.total;

	async function* bytes(): AsyncGenerator<Buffer> {
		let current: OpenedHop | undefined = first;
		let attempts = 0;
		try {
			for (;;) {
				let failure: RecordingDownloadError;
				// Small socket chunks are passed on in batches: fewer writes to the binary store.
				let batch: Buffer[] = [];
				let batched = 0;
				try {
					if (!current) {
						current = await openHop(requester, options, stats.bytes);
						if (current.plan.resumed) stats.resumes++;
						else stats.restarts++;
					}
					const announced = current.plan.total;
					if (total !== undefined && announced !== undefined && announced !== total)
						throw new RecordingDownloadError(
							`the file changed while downloading (${total} bytes, now ${announced})`,
							false,
						);
					total ??= announced;
					let skip = current.plan.skip;
					for await (const chunk of current.response.body) {
						let buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
						if (skip > 0) {
							if (buffer.length <= skip) {
								skip -= buffer.length;
								continue;
							}
							buffer = buffer.subarray(skip);
							skip = 0;
						}
						batch.push(buffer);
						batched += buffer.length;
						if (total !== undefined && stats.bytes + batched > total)
							throw new RecordingDownloadError(checkComplete(stats.bytes + batched, total)!, false);
						if (batched >= BATCH_BYTES) {
							// Counted once passed on: a resume starts after the bytes the store has.
							yield batch.length === 1 ? batch[0] : Buffer.concat(batch, batched);
							stats.bytes += batched;
							batch = [];
							batched = 0;
						}
					}
					if (batched > 0) {
						yield batch.length === 1 ? batch[0] : Buffer.concat(batch, batched);
						stats.bytes += batched;
						batch = [];
						batched = 0;
					}
					const incomplete =
						skip > 0 ? 'the connection ended early' : checkComplete(stats.bytes, total);
					if (!incomplete) return;
					throw new RecordingDownloadError(incomplete, true);
				} catch (error) {
					discard(current?.response.body);
					current = undefined;
					failure =
						error instanceof RecordingDownloadError
							? error
							: new RecordingDownloadError(
									`the connection failed after ${stats.bytes} bytes: ${(error as Error).message}`,
									true,
								);
				}
				if (!failure.retryable || attempts >= maxResumes) throw failure;
				// What arrived before the connection dropped is good: store it, resume after it.
				if (batched > 0) {
					yield batch.length === 1 ? batch[0] : Buffer.concat(batch, batched);
					stats.bytes += batched;
				}
				attempts++;
				await wait(resumeDelayMs(attempts));
			}
		} finally {
			discard(current?.response.body);
		}
	}

	const stream = readableClassOf(first.response.body).from(bytes(), {
		objectMode: false,
		highWaterMark: 64 * 1024,
	});
	// a consumer that gives up before reading leaves the first body open: release it
	stream.once('close', () => discard(first.response.body));
	return {
		stream,
		totalBytes: total,
		contentType: headerValue(first.response.headers, 'content-type'),
		contentDisposition: headerValue(first.response.headers, 'content-disposition'),
		stats,
	};
}

// -------------------------------------------------------------------------------------------
// Wiring to n8n's request helpers
// -------------------------------------------------------------------------------------------

/** n8n request options for one hop: a stream, no redirect following, HTTP errors as answers. */
export function downloadRequestOptions(
	request: DownloadHttpRequest,
	timeoutMs: number,
): IHttpRequestOptions {
	return {
		method: 'GET',
		url: request.url,
		headers: request.headers,
		encoding: 'stream',
		returnFullResponse: true,
		disableFollowRedirect: true,
		ignoreHttpStatusErrors: true,
		// idle time on the socket, not a limit on the whole (possibly long) download
		timeout: timeoutMs,
	};
}

/**
 * A requester from n8n's helpers. `send(options, authenticate)` is `helpers.httpRequest(options)`
 * when `authenticate` is false, and `helpers.httpRequestWithAuthentication.call(this, type,
 * options)` when it is true (only ever on Zoom's own host, see planHop).
 */
export function n8nDownloadRequester(
	send: (options: IHttpRequestOptions, authenticate: boolean) => Promise<unknown>,
	timeoutMs = 60_000,
): DownloadRequester {
	return async (request) => {
		const response = (await send(
			downloadRequestOptions(request, timeoutMs),
			request.authenticate,
		)) as { statusCode?: number; headers?: Record<string, unknown>; body?: unknown };
		const body = response?.body as NodeReadable | undefined;
		if (typeof response?.statusCode !== 'number' || !body || typeof body.pipe !== 'function')
			throw new RecordingDownloadError('the HTTP client did not return a streamed response', false);
		return { statusCode: response.statusCode, headers: response.headers ?? {}, body };
	};
}
