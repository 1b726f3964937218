/**
 * Zoom does not replay events sent while a WebSocket connection was down. Recordings are the one
 * kind that can be found again afterwards: List Recordings (`GET /users/{userId}/recordings`)
 * shows what finished recording during the gap. This module decides which ones, as pure
 * functions; webSocketTrigger.ts calls Zoom and emits them.
 */
import type { IDataObject } from 'n8n-workflow';

/** the event a recovery stands in for (recordings.ts re-exports it for the intake) */
export const RECORDING_COMPLETED = 'recording.completed';

/** A recording.completed body, as the pipeline takes it (output.ts ZoomEventBody). */
export interface RecoveredEventBody {
	event: string;
	event_ts: number;
	payload: { account_id?: string; object: IDataObject };
}

/** Cloud recordings take a while to process: a recording.completed sent during the gap may be
 * for a recording that ended up to this long before the gap began. */
export const PROCESSING_MARGIN_MS = 60 * 60_000;
/** List Recordings spans at most one month per request; a longer gap is cut to its last 30 days. */
export const MAX_RECOVERY_SPAN_MS = 30 * 24 * 60 * 60_000;

export interface RecoveryWindow {
	from: number;
	to: number;
}

export function recoveryWindow(gap: { from: number; to: number }): RecoveryWindow {
	const to = gap.to;
	const from = Math.max(gap.from - PROCESSING_MARGIN_MS, to - MAX_RECOVERY_SPAN_MS);
	return { from, to };
}

/** Zoom's `from`/`to` query values (yyyy-mm-dd, UTC), covering the whole window. */
export function listRecordingsDates(window: RecoveryWindow): { from: string; to: string } {
	const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
	return { from: day(window.from), to: day(window.to) };
}

/** The users whose recordings are looked up: '' or "all" → every active user of the account. */
export function parseRecoveryUsers(text: string | undefined): 'all' | string[] {
	const list = (text ?? '')
		.split(/[\s,;]+/)
		.map((user) => user.trim())
		.filter((user) => user !== '');
	if (list.length === 0 || list.some((user) => user.toLowerCase() === 'all')) return 'all';
	return [...new Set(list)];
}

function time(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const ms = Date.parse(value);
	return Number.isFinite(ms) ? ms : undefined;
}

/** The key under which a recording.completed is remembered, live or recovered: its meeting UUID. */
export function recordingKey(
	meeting: { uuid?: unknown; id?: unknown } | undefined,
): string | undefined {
	if (!meeting) return undefined;
	const id =
		typeof meeting.uuid === 'string' && meeting.uuid !== ''
			? meeting.uuid
			: typeof meeting.id === 'string' || typeof meeting.id === 'number'
				? String(meeting.id)
				: '';
	return id === '' ? undefined : `${RECORDING_COMPLETED}|meeting|${id}`;
}

/**
 * Meetings (from List Recordings) whose recording finished within the window: every file
 * completed, and the last file's `recording_end` inside it. A recording still processing is left
 * out: its recording.completed arrives live, now that the connection is back.
 */
export function recordingsCompletedIn(
	meetings: IDataObject[],
	window: RecoveryWindow,
): IDataObject[] {
	const chosen: IDataObject[] = [];
	const seen = new Set<string>();
	for (const meeting of meetings) {
		const files = Array.isArray(meeting.recording_files)
			? (meeting.recording_files as IDataObject[])
			: [];
		if (files.length === 0) continue;
		if (
			files.some(
				(file) => file.status !== undefined && String(file.status).toLowerCase() !== 'completed',
			)
		)
			continue;
		const ends = files
			.map((file) => time(file.recording_end))
			.filter((t): t is number => t !== undefined);
		if (ends.length === 0) continue;
		const end = Math.max(...ends);
		if (end < window.from || end > window.to) continue;
		const key = recordingKey(meeting);
		if (key === undefined || seen.has(key)) continue;
		seen.add(key);
		chosen.push(meeting);
	}
	return chosen;
}

/** A recovered recording as a recording.completed body (no download_token: none is issued). */
export function recoveredEventBody(
	meeting: IDataObject,
	accountId: string | undefined,
): RecoveredEventBody {
	const files = Array.isArray(meeting.recording_files)
		? (meeting.recording_files as IDataObject[])
		: [];
	const ends = files
		.map((file) => time(file.recording_end))
		.filter((t): t is number => t !== undefined);
	return {
		event: RECORDING_COMPLETED,
		event_ts: ends.length > 0 ? Math.max(...ends) : Date.now(),
		payload: {
			account_id:
				accountId ?? (typeof meeting.account_id === 'string' ? meeting.account_id : undefined),
			object: meeting,
		},
	};
}
