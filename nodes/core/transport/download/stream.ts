/**
 * The streamed download: opens the file (following redirects as hops.ts plans them), then passes
 * its bytes into one Readable that n8n's binary data store consumes, resuming with `Range` after a
 * dropped connection. Files can be gigabytes: the body is never held whole.
 *
 * The only I/O goes through the `requester` the caller supplies (n8n.ts: n8n's request helpers).
 */
import type { BinaryHelperFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { RecordingDownloadError } from './errors';
import {
	DEFAULT_MAX_REDIRECTS,
	planHop,
	redactUrl,
	type DownloadAuth,
	type DownloadHttpRequest,
} from './hops';
import {
	checkComplete,
	headerValue,
	planResponse,
	resumeDelayMs,
	type ResponsePlan,
} from './responses';

/** Node's stream.Readable, named through n8n's types (community nodes may not import node:stream). */
export type NodeReadable = Exclude<
	Parameters<BinaryHelperFunctions['prepareBinaryData']>[0],
	Buffer
>;

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

export const DEFAULT_MAX_RESUMES = 5;

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
	/** bytes passed on to the consumer */
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
 * Chunks the output holds before the body is paused (backpressure down to the socket): with the
 * 16–64 KiB chunks of n8n's HTTP client, about 1 MiB.
 */
const HIGH_WATER_MARK_CHUNKS = 16;

/** Discards a body we will not read, so its socket is released. */
function discard(body: NodeReadable | undefined): void {
	try {
		body?.destroy();
	} catch {
		// already closed
	}
}

interface ReadableOptions {
	objectMode: boolean;
	highWaterMark: number;
	read(): void;
	destroy(error: Error | null, callback: (error?: Error | null) => void): void;
}

type ReadableClass = new (options: ReadableOptions) => NodeReadable;

/**
 * stream.Readable, found through a stream n8n's HTTP client gave us: community nodes may not
 * import node:stream (n8n Cloud's rule).
 */
function readableClassOf(stream: NodeReadable): ReadableClass {
	let proto: unknown = Object.getPrototypeOf(stream);
	while (proto && (proto as { constructor: { name: string } }).constructor.name !== 'Readable') {
		proto = Object.getPrototypeOf(proto);
	}
	const ctor = (proto as { constructor?: unknown } | null)?.constructor;
	if (typeof ctor !== 'function')
		throw new RecordingDownloadError('the HTTP client returned no readable stream', false);
	return ctor as ReadableClass;
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
 * One file's transfer: reads the current response body as it flows ('data' events, no promise
 * per chunk), passes each chunk on to `output` as it came (no copy: a copy is a new buffer per
 * byte, and buffers are what makes V8 run full garbage collections of n8n's whole heap during a
 * download), pauses the body while `output` is full (backpressure down to the socket), and on a
 * dropped connection opens the file again at the byte it got to.
 */
class Transfer {
	readonly stats: DownloadStats = { bytes: 0, resumes: 0, restarts: 0 };
	readonly output: NodeReadable;
	total: number | undefined;
	/** opened, not read yet: the first response, until the consumer asks for data */
	private pending: OpenedHop | undefined;
	/** the body being read */
	private body: NodeReadable | undefined;
	/** bytes still to drop at the start of the body (what we already have) */
	private skip = 0;
	private attempts = 0;

	constructor(
		Readable: ReadableClass,
		first: OpenedHop,
		private readonly requester: DownloadRequester,
		private readonly options: DownloadOptions,
		private readonly maxResumes: number,
		private readonly wait: (ms: number) => Promise<void>,
	) {
		this.total = first.plan.total;
		this.pending = first;
		// Object mode: each chunk reaches the consumer as the Buffer it is (a byte-mode Readable
		// would join whatever it holds into a new buffer on every read).
		this.output = new Readable({
			objectMode: true,
			highWaterMark: HIGH_WATER_MARK_CHUNKS,
			read: () => this.pull(),
			destroy: (error, callback) => {
				this.release();
				callback(error);
			},
		});
	}

	/** The consumer wants data: start reading, or go on after a pause. */
	private pull(): void {
		const pending = this.pending;
		if (pending) {
			this.pending = undefined;
			this.attach(pending);
		} else {
			this.body?.resume();
		}
	}

	private attach(hop: OpenedHop): void {
		const announced = hop.plan.total;
		if (this.total !== undefined && announced !== undefined && announced !== this.total) {
			discard(hop.response.body);
			this.fail(
				new RecordingDownloadError(
					`the file changed while downloading (${this.total} bytes, now ${announced})`,
					false,
				),
			);
			return;
		}
		this.total ??= announced;
		this.skip = hop.plan.skip;
		const body = hop.response.body;
		this.body = body;
		body.on('error', this.onError);
		body.on('end', this.onEnd);
		body.on('close', this.onClose);
		// a 'data' listener makes the body flow
		body.on('data', this.onData);
	}

	private detach(): NodeReadable | undefined {
		const body = this.body;
		this.body = undefined;
		if (body) {
			body.off('data', this.onData);
			body.off('end', this.onEnd);
			body.off('close', this.onClose);
			// keep an error listener: a late error of a discarded body must not crash n8n
			body.off('error', this.onError);
			body.on('error', () => {});
		}
		return body;
	}

	private readonly onData = (chunk: Buffer | Uint8Array): void => {
		let buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
		if (this.skip > 0) {
			if (buffer.length <= this.skip) {
				this.skip -= buffer.length;
				return;
			}
			buffer = buffer.subarray(this.skip);
			this.skip = 0;
		}
		const received = this.stats.bytes + buffer.length;
		if (this.total !== undefined && received > this.total) {
			this.fail(new RecordingDownloadError(checkComplete(received, this.total)!, false));
			return;
		}
		// Counted once passed on: a resume starts after the bytes the consumer has.
		this.stats.bytes = received;
		if (!this.output.push(buffer)) this.body?.pause();
	};

	private readonly onEnd = (): void => {
		this.detach();
		if (this.skip > 0) {
			this.fail(new RecordingDownloadError('the connection ended early', true));
			return;
		}
		const incomplete = checkComplete(this.stats.bytes, this.total);
		if (incomplete) {
			this.fail(new RecordingDownloadError(incomplete, true));
			return;
		}
		this.output.push(null);
	};

	private readonly onError = (error: Error): void => {
		this.fail(
			error instanceof RecordingDownloadError
				? error
				: new RecordingDownloadError(
						`the connection failed after ${this.stats.bytes} bytes: ${error?.message ?? String(error)}`,
						true,
					),
		);
	};

	/** Closed without 'end' or 'error' (destroyed under us): a dropped connection. */
	private readonly onClose = (): void => {
		this.fail(
			new RecordingDownloadError(
				`the connection closed after ${this.stats.bytes} bytes`,
				true,
			),
		);
	};

	private fail(error: RecordingDownloadError): void {
		discard(this.detach());
		if (this.output.destroyed) return;
		if (!error.retryable || this.attempts >= this.maxResumes) {
			this.output.destroy(error);
			return;
		}
		// What arrived before the connection dropped is good: resume after it.
		this.attempts++;
		void this.resume();
	}

	private async resume(): Promise<void> {
		try {
			await this.wait(resumeDelayMs(this.attempts));
			if (this.output.destroyed) return;
			const hop = await openHop(this.requester, this.options, this.stats.bytes);
			if (this.output.destroyed) {
				discard(hop.response.body);
				return;
			}
			if (hop.plan.resumed) this.stats.resumes++;
			else this.stats.restarts++;
			this.attach(hop);
		} catch (error) {
			this.fail(
				error instanceof RecordingDownloadError
					? error
					: new RecordingDownloadError((error as Error).message, false),
			);
		}
	}

	/** The consumer is gone (or done): let go of every response. */
	private release(): void {
		discard(this.detach());
		discard(this.pending?.response.body);
		this.pending = undefined;
	}
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
	const first = await openHop(requester, options, 0);
	const transfer = new Transfer(
		readableClassOf(first.response.body),
		first,
		requester,
		options,
		options.maxResumes ?? DEFAULT_MAX_RESUMES,
		options.wait ?? (async (ms: number) => await sleep(ms)),
	);
	return {
		stream: transfer.output,
		totalBytes: transfer.total,
		contentType: headerValue(first.response.headers, 'content-type'),
		contentDisposition: headerValue(first.response.headers, 'content-disposition'),
		stats: transfer.stats,
	};
}
