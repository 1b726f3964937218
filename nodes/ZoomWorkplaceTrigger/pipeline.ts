/**
 * What happens to a Zoom event once it is in, whichever way it arrived (a signed webhook request
 * or a WebSocket frame): event filter → repeat dropping → item building → recording downloads.
 * The intake (webhook.ts, webSocket/) only decides whether a body is Zoom's, then hands it here
 * and emits what comes back.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { isSelectedEvent, parseEventList } from './events';
import { eventItem, type ZoomEventBody } from './output';
import {
	downloadRecordingFiles,
	DEFAULT_RECORDING_FILE_TYPES,
	RECORDING_COMPLETED,
	type DownloadContext,
} from './recordings';
import { memoryFor, repeatKey, type RepeatMemory } from './repeats';
import {
	isFullSummaryEvent,
	SUMMARY_FETCH_NEEDS_WEBSOCKET,
	summaryContentMissing,
	summaryFetchErrorOf,
	summaryMeetingUuid,
	summaryObjectOf,
} from './summaryEvents';
import { summaryPlainText } from '../core/zoom/summaryText';

export interface TriggerOptions {
	answerBeforeExecution?: boolean;
	downloadRecordings?: boolean;
	dropRepeats?: boolean;
	recordingFileTypes?: string[];
	binaryPrefix?: string;
	includeDownloadToken?: boolean;
	includeHeaders?: boolean;
	otherEvents?: string;
	recoverMissedRecordings?: boolean;
	recoveryUsers?: string;
	includeSummary?: boolean;
}

/** Fetches a meeting summary by its instance UUID (Get Meeting Summary), for the intake that can. */
export type SummaryFetcher = (meetingUuid: string) => Promise<IDataObject>;

export interface TriggerSettings {
	selected: string[];
	options: TriggerOptions;
}

/** The n8n context functions the pipeline needs (webhook and trigger contexts both have them). */
export interface PipelineContext extends DownloadContext {
	getNodeParameter(name: string, fallback?: unknown): unknown;
	getWorkflow(): { id?: string };
	getNode(): { id: string };
	getMode(): string;
}

export function readSettings(ctx: PipelineContext): TriggerSettings {
	const options = (ctx.getNodeParameter('options', {}) ?? {}) as TriggerOptions;
	return {
		selected: [
			...((ctx.getNodeParameter('events', []) as string[] | undefined) ?? []),
			...parseEventList(options.otherEvents),
		],
		options,
	};
}

/**
 * One repeat memory per trigger node and mode ('manual' runs never hide events from the
 * published workflow), in this process. The WebSocket intake of several workflows on one
 * subscription uses each workflow's own memory, as each webhook does.
 */
export function repeatMemoryOf(ctx: PipelineContext): RepeatMemory {
	return memoryFor(`${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}:${ctx.getMode()}`);
}

export type Admission =
	| { outcome: 'ignored' }
	| { outcome: 'repeat'; key: string }
	| { outcome: 'accepted'; key?: string };

/**
 * Filter and repeat check, recording the repeat key of an accepted event. The caller forgets the
 * key when the workflow could not be started (memory.track with n8n's answer to a webhook,
 * memory.forget over a WebSocket), so Zoom's retry is not dropped.
 */
export function admitEvent(
	body: ZoomEventBody,
	settings: TriggerSettings,
	memory: RepeatMemory,
	now: number,
): Admission {
	if (!isSelectedEvent(body.event, settings.selected)) return { outcome: 'ignored' };
	if (settings.options.dropRepeats === false) return { outcome: 'accepted' };
	const key = repeatKey(body);
	if (key === undefined) return { outcome: 'accepted' };
	if (memory.checkAndRecord(key, now)) return { outcome: 'repeat', key };
	return { outcome: 'accepted', key };
}

/** Whether building the item downloads files (webhook intake answers Zoom first then). */
export function downloadsFiles(body: ZoomEventBody, settings: TriggerSettings): boolean {
	return settings.options.downloadRecordings === true && body.event === RECORDING_COMPLETED;
}

/**
 * Whether the webhook intake answers Zoom 200 before handing the event to n8n, instead of after
 * n8n started its execution: always before a download, and for every event with "Answer Zoom
 * Before the Execution Starts". The price: an event whose execution n8n then fails to start is
 * lost (Zoom has its 200 and does not resend it).
 */
export function answersFirst(body: ZoomEventBody, settings: TriggerSettings): boolean {
	return settings.options.answerBeforeExecution === true || downloadsFiles(body, settings);
}

/** The workflow's input for one accepted event: one item, with the recording files if chosen. */
export async function buildWorkflowData(
	ctx: PipelineContext,
	body: ZoomEventBody,
	settings: TriggerSettings,
	extra: {
		headers?: IDataObject;
		fields?: IDataObject;
		credentialType?: string;
		/** with "Include Full Summary": how to fetch a summary the event lacks (WebSocket only) */
		fetchSummary?: SummaryFetcher;
	} = {},
): Promise<INodeExecutionData[][]> {
	const json = eventItem(body, {
		includeDownloadToken: settings.options.includeDownloadToken === true,
		headers: extra.headers,
	});
	if (extra.fields) Object.assign(json, extra.fields);
	if (settings.options.includeSummary === true && isFullSummaryEvent(body.event))
		Object.assign(json, await summaryFields(body, extra.fetchSummary));
	if (!downloadsFiles(body, settings)) return [[{ json }]];
	const downloaded = await downloadRecordingFiles.call(ctx, body, {
		fileTypes: settings.options.recordingFileTypes ?? DEFAULT_RECORDING_FILE_TYPES,
		binaryPrefix: settings.options.binaryPrefix || 'recording_',
		credentialType: extra.credentialType,
	});
	json.recordingFiles = downloaded.files;
	if (downloaded.errors.length > 0) json.recordingDownloadErrors = downloaded.errors;
	return [[{ json, binary: downloaded.binary }]];
}

/**
 * The full summary of a `meeting.summary_completed` / `_updated` event: `summary` (the event's
 * object when it carries `summary_content`, else what Get Meeting Summary answers) and
 * `summaryText`, its plain text. A fetch that fails (no scope, summary not found, Zoom down)
 * leaves `summaryFetchError` instead: the event still starts the workflow.
 */
async function summaryFields(
	body: ZoomEventBody,
	fetchSummary: SummaryFetcher | undefined,
): Promise<IDataObject> {
	const object = summaryObjectOf(body) as IDataObject;
	if (!summaryContentMissing(body))
		return { summary: object, summaryText: summaryPlainText(object) };
	const fallback = (error: IDataObject): IDataObject => {
		// what the event itself says (Zoom's older summary fields), if anything
		const text = summaryPlainText(object);
		return text === ''
			? { summaryFetchError: error }
			: { summaryText: text, summaryFetchError: error };
	};
	const uuid = summaryMeetingUuid(body);
	if (fetchSummary === undefined || uuid === undefined)
		return fallback({ message: SUMMARY_FETCH_NEEDS_WEBSOCKET });
	let summary: IDataObject;
	try {
		summary = await fetchSummary(uuid);
	} catch (error) {
		return fallback(summaryFetchErrorOf(error));
	}
	return { summary, summaryText: summaryPlainText(summary) };
}
