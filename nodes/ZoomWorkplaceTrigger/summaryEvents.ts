/**
 * Pure reading of AI Companion summary events (Zoom's Meetings webhook spec of 2026-03-10), for
 * an option that fetches the full summary into the trigger's item: which events carry a summary,
 * the instance UUID to fetch it by, and whether the body already holds its Markdown.
 */

/** Summary events whose body is a summary Zoom may send without `summary_content`. */
export const SUMMARY_CONTENT_EVENTS: readonly string[] = [
	'meeting.summary_completed',
	'meeting.summary_updated',
];

/** Every AI Companion summary event. */
export const SUMMARY_EVENTS: readonly string[] = [
	...SUMMARY_CONTENT_EVENTS,
	'meeting.summary_shared',
	'meeting.summary_trashed',
	'meeting.summary_recovered',
	'meeting.summary_deleted',
];

function objectOf(body: unknown): Record<string, unknown> | undefined {
	if (body === null || typeof body !== 'object') return undefined;
	const payload = (body as { payload?: unknown }).payload;
	if (payload === null || typeof payload !== 'object') return undefined;
	const object = (payload as { object?: unknown }).object;
	return object !== null && typeof object === 'object'
		? (object as Record<string, unknown>)
		: undefined;
}

/** The meeting instance UUID of a summary event (what Meeting Summary → Get takes), if any. */
export function summaryMeetingUuid(body: unknown): string | undefined {
	const uuid = objectOf(body)?.meeting_uuid;
	return typeof uuid === 'string' && uuid !== '' ? uuid : undefined;
}

/**
 * Whether a `meeting.summary_completed` (or `_updated`) body lacks the summary's Markdown
 * (`summary_content`, which Zoom's spec does not require in the event), so the summary has to be
 * fetched with `GET /meetings/{meetingUUID}/meeting_summary` to have it. False for other events
 * and for bodies without a meeting UUID to fetch by.
 */
export function summaryContentMissing(body: unknown): boolean {
	const event = (body as { event?: unknown } | null)?.event;
	if (typeof event !== 'string' || !SUMMARY_CONTENT_EVENTS.includes(event)) return false;
	if (summaryMeetingUuid(body) === undefined) return false;
	const content = objectOf(body)?.summary_content;
	return typeof content !== 'string' || content.trim() === '';
}

/** Whether "Include Full Summary" applies to this event (a completed or updated summary). */
export function isFullSummaryEvent(event: unknown): boolean {
	return typeof event === 'string' && SUMMARY_CONTENT_EVENTS.includes(event);
}

/** The summary object of a summary event (its `payload.object`), or an empty one. */
export function summaryObjectOf(body: unknown): Record<string, unknown> {
	return objectOf(body) ?? {};
}

/**
 * What the item says when a summary could not be fetched: Zoom's message, the advice the
 * transport added (scopes, plan), and the HTTP status; never more than the error carries.
 */
export function summaryFetchErrorOf(error: unknown): Record<string, string> {
	const { message, description, httpCode } = (error ?? {}) as {
		message?: unknown;
		description?: unknown;
		httpCode?: unknown;
	};
	const out: Record<string, string> = {
		message: typeof message === 'string' && message !== '' ? message : String(error),
	};
	if (typeof description === 'string' && description !== '') out.description = description;
	if (typeof httpCode === 'string' || typeof httpCode === 'number') out.httpCode = String(httpCode);
	return out;
}

/** Why no fetch was tried although the event lacks the summary's Markdown. */
export const SUMMARY_FETCH_NEEDS_WEBSOCKET =
	'The event carries no summary_content, and fetching it needs an API credential: only Connection WebSocket has one (its Server-to-Server OAuth credential). With Connection Webhook, add a Zoom Workplace node (Meeting Summary → Get, Meeting: {{ $json.payload.object.meeting_uuid }}) after the trigger.';
