/**
 * Zoom event bodies as Zoom sends them (field names from Zoom's webhook reference), for the
 * webhook sender. Every builder gives a fresh `event_ts` unless one is passed.
 */
import { randomBytes } from 'node:crypto';

import type { RecordingFile, RecordingFileStore } from '../routes/recordingFiles';
import type { ZoomEvent } from './sender';

export const SIM_ACCOUNT_ID = 'D8cJuqWVQ623CI4Q8yQK0Q';

let lastTs = 0;
/** Distinct millisecond timestamps, so two events are never accidental repeats. */
export function eventTs(): number {
	lastTs = Math.max(Date.now(), lastTs + 1);
	return lastTs;
}

const uuid = () => `${randomBytes(16).toString('base64').replace(/=+$/, '')}==`;

export interface MeetingFields {
	id?: number;
	uuid?: string;
	topic?: string;
	host_id?: string;
}

function meetingObject(m: MeetingFields = {}) {
	return {
		id: m.id ?? 85746065432,
		uuid: m.uuid ?? uuid(),
		host_id: m.host_id ?? 'z8yAAAAA8bbbQ',
		topic: m.topic ?? 'Weekly sync',
		type: 2,
		start_time: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
		timezone: 'UTC',
		duration: 60,
	};
}

export function meetingEvent(
	event: 'meeting.started' | 'meeting.ended' | 'meeting.created' | 'meeting.deleted',
	m: MeetingFields = {},
	ts = eventTs(),
): ZoomEvent {
	return {
		event,
		event_ts: ts,
		payload: { account_id: SIM_ACCOUNT_ID, object: meetingObject(m) },
	};
}

export function participantJoined(
	m: MeetingFields = {},
	participant: { user_name?: string; email?: string; user_id?: string } = {},
	ts = eventTs(),
): ZoomEvent {
	return {
		event: 'meeting.participant_joined',
		event_ts: ts,
		payload: {
			account_id: SIM_ACCOUNT_ID,
			object: {
				...meetingObject(m),
				participant: {
					user_id: participant.user_id ?? String(16778240 + (ts % 1000)),
					user_name: participant.user_name ?? 'Ana Example',
					email: participant.email ?? 'ana@example.com',
					participant_uuid: uuid(),
					join_time: new Date(ts).toISOString().replace(/\.\d+Z$/, 'Z'),
				},
			},
		},
	};
}

export function userCreated(email = 'new.user@example.com', ts = eventTs()): ZoomEvent {
	return {
		event: 'user.created',
		event_ts: ts,
		payload: {
			account_id: SIM_ACCOUNT_ID,
			operator: 'admin@example.com',
			operator_id: 'z8yCxjabcdEFGHfp8uQ',
			creation_type: 'create',
			object: {
				id: randomBytes(8).toString('hex'),
				first_name: 'New',
				last_name: 'User',
				email,
				type: 1,
			},
		},
	};
}

/**
 * `recording.completed` for files in a RecordingFileStore served at `filesBaseUrl`, with a fresh
 * download token (valid 24 hours) at the top level, as Zoom sends it.
 */
export function recordingCompleted(
	store: RecordingFileStore,
	filesBaseUrl: string,
	files: Array<{
		file: RecordingFile;
		file_type: string;
		file_extension?: string;
		recording_type?: string;
	}>,
	m: MeetingFields = {},
	ts = eventTs(),
): ZoomEvent {
	const start = new Date(ts - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');
	const end = new Date(ts - 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
	const object = meetingObject(m);
	return {
		event: 'recording.completed',
		event_ts: ts,
		download_token: store.issueDownloadToken(),
		payload: {
			account_id: SIM_ACCOUNT_ID,
			object: {
				...object,
				host_email: 'owner@example.com',
				total_size: files.reduce((sum, f) => sum + f.file.size, 0),
				recording_count: files.length,
				share_url: `${filesBaseUrl}/rec/share/${randomBytes(8).toString('hex')}`,
				recording_files: files.map(({ file, file_type, file_extension, recording_type }) => ({
					id: file.id,
					meeting_id: object.uuid,
					recording_start: start,
					recording_end: end,
					file_type,
					file_extension: file_extension ?? file_type,
					file_size: file.size,
					play_url: `${filesBaseUrl}/rec/play/${file.id}`,
					download_url: store.downloadUrl(filesBaseUrl, file.id),
					status: 'completed',
					recording_type: recording_type ?? 'shared_screen_with_speaker_view',
				})),
			},
		},
	};
}

/** The summary fields a `meeting.summary_*` event carries (the simulator's StoredSummary extends it). */
export interface SummaryFields {
	account_id?: string;
	meeting_host_id: string;
	meeting_host_email: string;
	meeting_uuid: string;
	meeting_id: number;
	meeting_topic: string;
	meeting_start_time: string;
	meeting_end_time: string;
	summary_start_time: string;
	summary_end_time: string;
	summary_created_time: string;
	summary_last_modified_time: string;
	summary_title: string;
	summary_content: string;
	summary_doc_url: string;
}

/**
 * A `meeting.summary_*` event shaped as Zoom's Meetings webhook spec of 2026-03-10 has each:
 * `summary_completed` carries the summary (title, the deprecated overview, details and next steps,
 * and — unless `withContent` is false — `summary_content` (Markdown) and `summary_doc_url`);
 * `summary_updated` adds who edited it and the edited summary; `summary_shared` whom it was shared
 * with; `summary_trashed`, `_recovered` and `_deleted` name the summary only. All but
 * `summary_completed` name the operator (by default the host).
 */
export function summaryEvent(
	summary: SummaryFields,
	options: {
		event?:
			| 'meeting.summary_completed'
			| 'meeting.summary_updated'
			| 'meeting.summary_shared'
			| 'meeting.summary_trashed'
			| 'meeting.summary_recovered'
			| 'meeting.summary_deleted';
		withContent?: boolean;
		operator?: { email: string; id: string };
		sharedWith?: string[];
	} = {},
	ts = eventTs(),
): ZoomEvent {
	const event = options.event ?? 'meeting.summary_completed';
	const firstPoint = summary.summary_content
		.split('\n')
		.find((line) => /^[-*]\s/.test(line))
		?.replace(/^[-*]\s+/, '')
		.replace(/\*\*/g, '');
	const operator = options.operator ?? {
		email: summary.meeting_host_email,
		id: summary.meeting_host_id,
	};
	const base = {
		meeting_host_id: summary.meeting_host_id,
		meeting_host_email: summary.meeting_host_email,
		meeting_uuid: summary.meeting_uuid,
		meeting_id: summary.meeting_id,
		meeting_topic: summary.meeting_topic,
		meeting_start_time: summary.meeting_start_time,
		meeting_end_time: summary.meeting_end_time,
		summary_start_time: summary.summary_start_time,
		summary_end_time: summary.summary_end_time,
		summary_created_time: summary.summary_created_time,
		summary_last_modified_time: summary.summary_last_modified_time,
		summary_title: summary.summary_title,
	};
	const content = {
		summary_overview: firstPoint ?? summary.summary_title,
		summary_details: [{ label: 'Meeting overview', summary: firstPoint ?? '' }],
		next_steps: [] as string[],
		...(options.withContent === false
			? {}
			: { summary_content: summary.summary_content, summary_doc_url: summary.summary_doc_url }),
	};
	let object: Record<string, unknown>;
	if (event === 'meeting.summary_completed') object = { ...base, ...content };
	else if (event === 'meeting.summary_updated')
		object = {
			...base,
			...content,
			summary_last_modified_user_id: operator.id,
			summary_last_modified_user_email: operator.email,
			edited_summary: {
				summary_overview: content.summary_overview,
				summary_details: firstPoint ?? '',
				next_steps: [],
			},
		};
	else if (event === 'meeting.summary_shared')
		object = {
			...base,
			share_with_users: (options.sharedWith ?? ['guest@example.com']).map((user_email) => ({
				user_email,
			})),
		};
	else object = base;
	const account = summary.account_id ?? SIM_ACCOUNT_ID;
	return {
		event,
		event_ts: ts,
		payload:
			event === 'meeting.summary_completed'
				? { account_id: account, object }
				: { account_id: account, operator: operator.email, operator_id: operator.id, object },
	};
}

/** Event names `sampleEvent` builds (for `npm run simulator:event` and the dev set-up). */
export const SAMPLE_EVENTS = [
	'meeting.started',
	'meeting.ended',
	'meeting.created',
	'meeting.deleted',
	'meeting.participant_joined',
	'user.created',
] as const;

/** A Zoom event body by name: the builders above, or a minimal body for any other name. */
export function sampleEvent(name: string, ts = eventTs()): ZoomEvent {
	switch (name) {
		case 'meeting.started':
		case 'meeting.ended':
		case 'meeting.created':
		case 'meeting.deleted':
			return meetingEvent(name, {}, ts);
		case 'meeting.participant_joined':
			return participantJoined({}, {}, ts);
		case 'user.created':
			return userCreated(undefined, ts);
		default:
			return {
				event: name,
				event_ts: ts,
				payload: { account_id: SIM_ACCOUNT_ID, object: meetingObject() },
			};
	}
}
