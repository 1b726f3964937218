/**
 * What an answer means for a download: follow a redirect, stream a body (and which part of it),
 * or fail (and whether resuming can help); the file's name from its Content-Disposition.
 */
import { safeFileName } from '../../zoom/recordingFiles';
import { RecordingDownloadError } from './errors';

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
