/**
 * Downloads through n8n: each hop is one request through n8n's own helpers (so n8n's proxy and
 * outbound settings apply), and each file goes into n8n's binary data store as a stream.
 */
import type {
	BinaryHelperFunctions,
	IBinaryData,
	IExecuteFunctions,
	IHttpRequestOptions,
	RequestHelperFunctions,
} from 'n8n-workflow';

import {
	recordingFileName,
	recordingMediaType,
	type RecordingFileInfo,
} from '../../zoom/recordingFiles';
import { RecordingDownloadError } from './errors';
import type { DownloadAuth, DownloadHttpRequest } from './hops';
import { fileNameFromContentDisposition } from './responses';
import {
	openDownload,
	type DownloadRequester,
	type DownloadStats,
	type NodeReadable,
	type OpenDownload,
} from './stream';

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
 * options)` when it is true (only ever for Zoom's download_url, see planHop).
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

/**
 * The requester of Cloud Recording → Download and Get Transcript: Zoom's download_url is asked
 * with the node's API credential (n8n's httpRequestWithAuthentication adds the bearer token and
 * renews it as the credential defines); the signed storage URL Zoom redirects to gets a plain
 * request without it.
 */
export function credentialDownloadRequester(
	ctx: IExecuteFunctions,
	credentialType: string,
	timeoutMs: number,
): DownloadRequester {
	return n8nDownloadRequester(
		async (options, authenticate) =>
			authenticate
				? await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, options)
				: await ctx.helpers.httpRequest(options),
		timeoutMs,
	);
}

/**
 * The requester of the trigger's recording.completed downloads: plain requests, the event's
 * download token travelling as a header the download plans (DownloadAuth `downloadToken`).
 */
export function plainDownloadRequester(
	helpers: Pick<RequestHelperFunctions, 'httpRequest'>,
	timeoutMs?: number,
): DownloadRequester {
	return n8nDownloadRequester(async (options) => await helpers.httpRequest(options), timeoutMs);
}

/** The name and MIME type a downloaded recording file gets in n8n. */
export function describeDownload(
	file: RecordingFileInfo,
	download: Pick<OpenDownload, 'contentType' | 'contentDisposition'>,
	topic: string | undefined,
): { fileName: string; mimeType: string } {
	return {
		fileName: recordingFileName(file, {
			topic,
			servedName: fileNameFromContentDisposition(download.contentDisposition),
			contentType: download.contentType,
		}),
		mimeType: recordingMediaType(file, download.contentType).mimeType,
	};
}

export interface StoredRecordingFile {
	binary: IBinaryData;
	fileName: string;
	mimeType: string;
	stats: DownloadStats;
}

/**
 * Streams one recording file into n8n's binary data store (`helpers.prepareBinaryData`: written
 * to disk in n8n's filesystem mode, never held whole in memory). Throws a RecordingDownloadError
 * when the file cannot be downloaded; other errors come from the store.
 */
export async function storeRecordingFile(
	helpers: Pick<BinaryHelperFunctions, 'prepareBinaryData'>,
	requester: DownloadRequester,
	file: RecordingFileInfo,
	options: { url: string; auth: DownloadAuth; topic?: string },
): Promise<StoredRecordingFile> {
	const download = await openDownload(requester, { url: options.url, auth: options.auth });
	const { fileName, mimeType } = describeDownload(file, download, options.topic);
	let binary: IBinaryData | undefined;
	try {
		binary = await helpers.prepareBinaryData(download.stream, fileName, mimeType);
	} finally {
		// the store gave up (disk full, …): release the connection
		if (!binary) download.stream.destroy();
	}
	return { binary, fileName, mimeType, stats: download.stats };
}
