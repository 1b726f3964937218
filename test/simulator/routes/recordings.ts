import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { apiErrors, ZoomApiError } from '../errors';
import type { ApiContext, ApiResult, RouteDef } from '../router';
import { registerScopes, type EndpointScopes } from '../scopes';
import type { SimulatorState } from '../state';
import { decodeParam, resolveUser } from './common';
import {
	fileBytes,
	recordingStore,
	type StoredRecording,
	type StoredRecordingFile,
} from './recordingStore';

/*
 * Cloud recording endpoints (GET /users/{userId}/recordings, GET|DELETE /meetings/{meetingId}/
 * recordings[/{recordingId}], PUT …/status) and the file downloads behind `download_url`:
 *
 *   GET /rec/download/{fileId}   needs a token, as Zoom takes it: `Authorization: Bearer` (an API
 *                                token or a download access token; Zoom's recommended form) or
 *                                `?access_token=` (the same tokens) → 302 to a signed URL
 *   GET /rec/cdn/{fileId}?…      the signed URL, on a storage server of its own (another origin,
 *                                as Zoom's CDN): refuses any Authorization header (the token is
 *                                for Zoom, not for its storage), serves Range requests (206)
 */

const RECORDING_READ: EndpointScopes = {
	macro: ['recording:read', 'recording:read:admin'],
	granular: [
		'cloud_recording:read:list_user_recordings',
		'cloud_recording:read:list_user_recordings:admin',
		'cloud_recording:read:list_recording_files',
		'cloud_recording:read:list_recording_files:admin',
	],
};
const RECORDING_WRITE: EndpointScopes = {
	macro: ['recording:write', 'recording:write:admin'],
	granular: [
		'cloud_recording:delete:meeting_cloud_recording',
		'cloud_recording:delete:meeting_cloud_recording:admin',
		'cloud_recording:delete:recording_file',
		'cloud_recording:delete:recording_file:admin',
		'cloud_recording:update:recover_meeting_recordings',
		'cloud_recording:update:recover_meeting_recordings:admin',
		'cloud_recording:update:recover_single_recording',
		'cloud_recording:update:recover_single_recording:admin',
	],
};
registerScopes(RECORDING_READ, RECORDING_WRITE);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

const noRecording = () => new ZoomApiError(404, 3301, 'There is no recording for this meeting.');
const paidOnly = (accountId: string) =>
	new ZoomApiError(400, 200, `Only available for paid account: ${accountId}`);

/** Meeting ID or UUID as it arrived in the path: UUIDs with "/" or "//" arrive double-encoded. */
export function decodeInstanceParam(raw: string): string | undefined {
	const once = decodeParam(raw);
	if (once === undefined) return undefined;
	if (/^\d+$/.test(once)) return once;
	if (once.includes('%')) return decodeParam(once);
	// A UUID that needs double encoding but came encoded once does not reach the right meeting.
	if (once.startsWith('/') || once.includes('//')) return undefined;
	return once;
}

function requirePaidPlan(ctx: ApiContext): void {
	if (recordingStore(ctx.state).basicPlanAccounts.has(ctx.token.accountId))
		throw paidOnly(ctx.token.accountId);
}

/** The instance a path addresses: a UUID → that instance, an ID → its latest recorded instance. */
function resolveRecording(
	ctx: ApiContext,
	include: (file: StoredRecordingFile) => boolean = (file) => !file.trashed,
): StoredRecording {
	const wanted = decodeInstanceParam(ctx.rawParams.meetingId ?? ctx.rawParams.meetingUUID);
	if (wanted === undefined) throw noRecording();
	const candidates = [...recordingStore(ctx.state).recordings.values()].filter(
		(r) =>
			r.account_id === ctx.token.accountId &&
			(/^\d+$/.test(wanted) ? r.id === Number(wanted) : r.uuid === wanted) &&
			r.files.some(include),
	);
	candidates.sort((a, b) => b.start_time.localeCompare(a.start_time));
	if (!candidates[0]) throw noRecording();
	return candidates[0];
}

function fileView(state: SimulatorState, recording: StoredRecording, file: StoredRecordingFile) {
	const view: Record<string, unknown> = {
		id: file.id,
		meeting_id: recording.uuid,
		recording_start: file.recording_start,
		recording_end: file.recording_end,
		file_type: file.file_type,
		file_extension: file.file_extension,
		file_size: file.file_size,
		play_url: `${state.baseUrl}/rec/play/${file.id}`,
		download_url: `${state.baseUrl}/rec/download/${file.id}`,
		status: 'completed',
		recording_type: file.recording_type,
	};
	if (file.trashed) view.deleted_time = file.trashed.at;
	return view;
}

function recordingView(
	state: SimulatorState,
	recording: StoredRecording,
	files: StoredRecordingFile[],
): Record<string, unknown> {
	return {
		uuid: recording.uuid,
		id: recording.id,
		account_id: recording.account_id,
		host_id: recording.host_id,
		topic: recording.topic,
		type: recording.type,
		start_time: recording.start_time,
		duration: recording.duration,
		total_size: files.reduce((sum, file) => sum + file.file_size, 0),
		recording_count: files.length,
		share_url: `${state.baseUrl}/rec/share/${encodeURIComponent(recording.uuid)}`,
		recording_files: files.map((file) => fileView(state, recording, file)),
	};
}

function listRecordings(ctx: ApiContext): ApiResult {
	requirePaidPlan(ctx);
	const host = resolveUser(ctx, ctx.rawParams.userId);
	const q = ctx.query;
	const errors: Array<{ field: string; message: string }> = [];
	const today = new Date().toISOString().slice(0, 10);
	const from = q.get('from') ?? today;
	const to = q.get('to') ?? new Date(Date.now() + DAY_MS).toISOString().slice(0, 10);
	if (!DATE.test(from) || Number.isNaN(Date.parse(from)))
		errors.push({ field: 'from', message: 'Invalid field.' });
	if (!DATE.test(to) || Number.isNaN(Date.parse(to)))
		errors.push({ field: 'to', message: 'Invalid field.' });
	const trash = q.get('trash');
	if (trash !== null && trash !== 'true' && trash !== 'false')
		errors.push({ field: 'trash', message: 'Invalid field.' });
	const trashType = q.get('trash_type') ?? 'meeting_recordings';
	if (trashType !== 'meeting_recordings' && trashType !== 'recording_file')
		errors.push({ field: 'trash_type', message: 'Invalid field.' });
	const meetingId = q.get('meeting_id');
	if (meetingId !== null && !/^\d+$/.test(meetingId))
		errors.push({ field: 'meeting_id', message: 'Invalid field.' });
	if (errors.length) throw apiErrors.validation(errors);
	const inTrash = trash === 'true';
	if (!inTrash) {
		const monthAfter = new Date(`${from}T00:00:00Z`);
		monthAfter.setUTCMonth(monthAfter.getUTCMonth() + 1);
		if (to < from) throw apiErrors.badRequest(300, 'The "to" date must be after the "from" date.');
		if (Date.parse(`${to}T00:00:00Z`) > monthAfter.getTime())
			throw apiErrors.badRequest(300, 'The date range can be a maximum of one month.');
	}
	const filters: Record<string, string> = { from, to, trash: String(inTrash), trashType };
	if (meetingId) filters.meeting_id = meetingId;
	const store = recordingStore(ctx.state);
	const page = ctx.pages.paginate(`recordings|${host.id}`, q, filters, (f) => {
		const rows: Array<Record<string, unknown>> = [];
		const recordings = [...store.recordings.values()]
			.filter((r) => r.host_id === host.id)
			.filter((r) => !f.meeting_id || r.id === Number(f.meeting_id))
			.sort((a, b) => b.start_time.localeCompare(a.start_time));
		for (const recording of recordings) {
			let files: StoredRecordingFile[];
			if (f.trash === 'true') {
				files = recording.files.filter(
					(file) => file.trashed?.as === (f.trashType === 'recording_file' ? 'file' : 'meeting'),
				);
			} else {
				const day = recording.start_time.slice(0, 10);
				if (day < f.from || day > f.to) continue;
				files = recording.files.filter((file) => !file.trashed);
			}
			if (files.length) rows.push(recordingView(ctx.state, recording, files));
		}
		return rows;
	});
	const body: Record<string, unknown> = {
		page_size: page.pageSize,
		total_records: page.totalRecords,
		next_page_token: page.nextPageToken,
		meetings: page.items,
	};
	if (!inTrash) Object.assign(body, { from, to });
	return { status: 200, body };
}

function getRecordings(ctx: ApiContext): ApiResult {
	requirePaidPlan(ctx);
	const includeFields = ctx.query.get('include_fields');
	const ttlRaw = ctx.query.get('ttl');
	const errors: Array<{ field: string; message: string }> = [];
	if (includeFields !== null && includeFields !== 'download_access_token')
		errors.push({ field: 'include_fields', message: 'Invalid field.' });
	const ttl = ttlRaw === null ? 86400 : Number(ttlRaw);
	if (!Number.isInteger(ttl) || ttl < 0 || ttl > 604800)
		errors.push({ field: 'ttl', message: 'Invalid field.' });
	if (errors.length) throw apiErrors.validation(errors);
	const recording = resolveRecording(ctx);
	const body = recordingView(
		ctx.state,
		recording,
		recording.files.filter((file) => !file.trashed),
	);
	body.password = recording.password;
	if (includeFields === 'download_access_token') {
		const token = randomBytes(32).toString('base64url');
		recordingStore(ctx.state).downloadTokens.set(token, Date.now() + ttl * 1000);
		body.download_access_token = token;
	}
	return { status: 200, body };
}

function readAction(ctx: ApiContext, allowed: readonly string[], where: 'query' | 'body'): string {
	const value = where === 'query' ? (ctx.query.get('action') ?? 'trash') : ctx.body.action;
	if (typeof value !== 'string' || !allowed.includes(value))
		throw apiErrors.validation([{ field: 'action', message: 'Invalid field.' }]);
	return value;
}

function deleteRecordings(ctx: ApiContext): ApiResult {
	const action = readAction(ctx, ['trash', 'delete'], 'query');
	const recording = resolveRecording(ctx);
	const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
	if (action === 'delete') recording.files = recording.files.filter((file) => file.trashed);
	else for (const file of recording.files) file.trashed ??= { as: 'meeting', at };
	return { status: 204 };
}

function deleteRecordingFile(ctx: ApiContext): ApiResult {
	const action = readAction(ctx, ['trash', 'delete'], 'query');
	const recordingId = decodeParam(ctx.rawParams.recordingId);
	const recording = resolveRecording(ctx, (file) => !file.trashed && file.id === recordingId);
	const file = recording.files.find((f) => f.id === recordingId)!;
	if (action === 'delete') recording.files = recording.files.filter((f) => f !== file);
	else file.trashed = { as: 'file', at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
	return { status: 204 };
}

function recoverRecordings(ctx: ApiContext): ApiResult {
	readAction(ctx, ['recover'], 'body');
	const recording = resolveRecording(ctx, (file) => file.trashed !== undefined);
	for (const file of recording.files) delete file.trashed;
	return { status: 204 };
}

function recoverRecordingFile(ctx: ApiContext): ApiResult {
	readAction(ctx, ['recover'], 'body');
	const recordingId = decodeParam(ctx.rawParams.recordingId);
	const recording = resolveRecording(ctx, (file) => !!file.trashed && file.id === recordingId);
	delete recording.files.find((f) => f.id === recordingId)!.trashed;
	return { status: 204 };
}

export const recordingRoutes: RouteDef[] = [
	{
		method: 'GET',
		template: '/users/{userId}/recordings',
		category: 'medium',
		scopes: RECORDING_READ,
		handler: listRecordings,
	},
	{
		method: 'GET',
		template: '/meetings/{meetingId}/recordings',
		category: 'light',
		scopes: RECORDING_READ,
		handler: getRecordings,
	},
	{
		method: 'DELETE',
		template: '/meetings/{meetingId}/recordings',
		category: 'light',
		scopes: RECORDING_WRITE,
		handler: deleteRecordings,
	},
	{
		method: 'DELETE',
		template: '/meetings/{meetingId}/recordings/{recordingId}',
		category: 'light',
		scopes: RECORDING_WRITE,
		handler: deleteRecordingFile,
	},
	{
		method: 'PUT',
		template: '/meetings/{meetingUUID}/recordings/status',
		category: 'light',
		scopes: RECORDING_WRITE,
		handler: recoverRecordings,
	},
	{
		method: 'PUT',
		template: '/meetings/{meetingId}/recordings/{recordingId}/status',
		category: 'light',
		scopes: RECORDING_WRITE,
		handler: recoverRecordingFile,
	},
];

// Downloads ---------------------------------------------------------------------------------

const MIME_TYPES: Record<string, string> = {
	MP4: 'video/mp4',
	M4A: 'audio/mp4',
	VTT: 'text/vtt',
	TXT: 'text/plain',
	JSON: 'application/json',
	CSV: 'text/csv',
	JPG: 'image/jpeg',
};

const signingKey = randomBytes(32);

function sign(fileId: string, expires: number): string {
	return createHmac('sha256', signingKey).update(`${fileId}|${expires}`).digest('base64url');
}

function findFile(
	state: SimulatorState,
	fileId: string,
): { recording: StoredRecording; file: StoredRecordingFile } | undefined {
	for (const recording of recordingStore(state).recordings.values()) {
		const file = recording.files.find((f) => f.id === fileId && !f.trashed);
		if (file) return { recording, file };
	}
	return undefined;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
	const payload = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json;charset=UTF-8',
		'Content-Length': Buffer.byteLength(payload),
	});
	res.end(payload);
}

/** Who may download: a valid API token of the file's account, or a live download token. */
function authorised(
	state: SimulatorState,
	req: IncomingMessage,
	query: URLSearchParams,
	accountId: string,
): boolean {
	const bearer = /^bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
	const candidate = bearer ?? query.get('access_token') ?? undefined;
	if (!candidate) return false;
	const expiry = recordingStore(state).downloadTokens.get(candidate);
	if (expiry !== undefined) return expiry > Date.now();
	const token = state.accessTokens.get(candidate);
	return !!token && !token.revoked && token.expiresAt > Date.now() && token.accountId === accountId;
}

async function writeBody(
	res: ServerResponse,
	chunks: Iterable<Buffer>,
	dropAfter: number | undefined,
): Promise<void> {
	let sent = 0;
	for (const chunk of chunks) {
		if (res.destroyed) return;
		let piece = chunk;
		const dropping = dropAfter !== undefined && sent + piece.length >= dropAfter;
		if (dropping) piece = piece.subarray(0, dropAfter - sent);
		if (dropping) {
			// Let the bytes reach the socket, then cut the connection as a failing network would.
			await new Promise<void>((resolve) => {
				if (piece.length === 0) resolve();
				else res.write(piece, () => resolve());
			});
			await new Promise((resolve) => setTimeout(resolve, 20));
			res.socket?.destroy();
			return;
		}
		const ok = res.write(piece);
		sent += piece.length;
		if (!ok) {
			await new Promise<void>((resolve) => {
				const done = () => {
					res.off('drain', done);
					res.off('close', done);
					resolve();
				};
				res.on('drain', done);
				res.on('close', done);
			});
		}
	}
	res.end();
}

/**
 * Serves /rec/download/… (on the API server) and /rec/cdn/… (on the storage server); returns
 * false for any other path.
 */
export async function handleRecordingDownload(
	state: SimulatorState,
	req: IncomingMessage,
	res: ServerResponse,
	method: string,
	pathname: string,
	query: URLSearchParams,
): Promise<boolean> {
	const match = /^\/rec\/(download|cdn)\/([^/]+)$/.exec(pathname);
	if (!match || (method !== 'GET' && method !== 'HEAD')) return false;
	const store = recordingStore(state);
	const [, stage, rawId] = match;
	const fileId = decodeParam(rawId) ?? '';
	const log = (status: number) =>
		store.downloads.push({
			path: pathname,
			authorization: req.headers.authorization,
			queryToken: query.has('access_token'),
			range: req.headers.range,
			status,
		});
	const found = findFile(state, fileId);
	if (stage === 'download') {
		if (!found) {
			log(404);
			sendJson(res, 404, { status: false, errorCode: 404, errorMessage: 'File not found' });
			return true;
		}
		if (!authorised(state, req, query, found.recording.account_id)) {
			log(401);
			sendJson(res, 401, { code: 124, message: 'Invalid access token.' });
			return true;
		}
		const expires = Math.floor(Date.now() / 1000) + 600;
		const location = `${store.storageOrigin}/rec/cdn/${encodeURIComponent(fileId)}?Expires=${expires}&Signature=${sign(fileId, expires)}`;
		log(302);
		res.writeHead(302, { Location: location, 'Content-Length': 0 });
		res.end();
		return true;
	}
	// The signed storage URL: its signature is the only credential it takes.
	const expires = Number(query.get('Expires'));
	if (!found || query.get('Signature') !== sign(fileId, expires) || expires * 1000 < Date.now()) {
		log(403);
		sendJson(res, 403, { code: 403, message: 'Request has expired or the signature is invalid.' });
		return true;
	}
	if (req.headers.authorization) {
		log(400);
		sendJson(res, 400, {
			code: 400,
			message:
				'Only one auth mechanism allowed; the signed URL must be requested without an Authorization header.',
		});
		return true;
	}
	const { recording, file } = found;
	const size = file.file_size;
	const day = recording.start_time.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
	const headers: Record<string, string | number> = {
		'Content-Type': MIME_TYPES[file.file_extension] ?? 'application/octet-stream',
		'Content-Disposition': `attachment; filename="GMT${day}_${file.recording_type}.${file.file_extension.toLowerCase()}"`,
	};
	if (store.download.acceptRanges) headers['Accept-Ranges'] = 'bytes';
	let start = 0;
	let end = size - 1;
	let status = 200;
	const range = req.headers.range;
	if (range && store.download.acceptRanges) {
		const parsed = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
		let valid = !!parsed && (parsed[1] !== '' || parsed[2] !== '');
		if (parsed && valid) {
			if (parsed[1] === '') {
				start = Math.max(0, size - Number(parsed[2]));
			} else {
				start = Number(parsed[1]);
				if (parsed[2] !== '') end = Math.min(end, Number(parsed[2]));
			}
			valid = start <= end && start < size;
		}
		if (!valid) {
			log(416);
			res.writeHead(416, { 'Content-Range': `bytes */${size}`, 'Content-Length': 0 });
			res.end();
			return true;
		}
		status = 206;
		headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
	}
	headers['Content-Length'] = size === 0 ? 0 : end - start + 1;
	log(status);
	res.writeHead(status, headers);
	if (method === 'HEAD' || size === 0) {
		res.end();
		return true;
	}
	let dropAfter: number | undefined;
	if (store.download.drops.count > 0) {
		store.download.drops.count--;
		dropAfter = store.download.drops.afterBytes;
	}
	await writeBody(res, fileBytes(file, start, end), dropAfter);
	return true;
}

/**
 * The storage server download URLs redirect to: another port, hence another origin, so a client
 * that forwards its Zoom token there is caught (the storage answers 400).
 */
export async function startRecordingStorage(
	state: SimulatorState,
	host: string,
): Promise<{ origin: string; close(): Promise<void> }> {
	const sockets = new Set<Socket>();
	const server = createServer((req, res) => {
		const rawUrl = req.url ?? '/';
		const q = rawUrl.indexOf('?');
		const pathname = q < 0 ? rawUrl : rawUrl.slice(0, q);
		const query = new URLSearchParams(q < 0 ? '' : rawUrl.slice(q + 1));
		const method = (req.method ?? 'GET').toUpperCase();
		const served = pathname.startsWith('/rec/cdn/')
			? handleRecordingDownload(state, req, res, method, pathname, query)
			: Promise.resolve(false);
		served
			.then((handled) => {
				if (!handled) sendJson(res, 404, { code: 404, message: 'Not found' });
			})
			.catch(() => res.destroy());
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, host, resolve));
	const { port } = server.address() as AddressInfo;
	const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
	recordingStore(state).storageOrigin = origin;
	return {
		origin,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				for (const socket of sockets) socket.destroy();
			}),
	};
}
