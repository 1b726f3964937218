import type { IDataObject } from 'n8n-workflow';

/** What a Zoom event body looks like (every field may be missing in a malformed request). */
export interface ZoomEventBody {
	event?: string;
	event_ts?: number;
	download_token?: string;
	payload?: {
		account_id?: string;
		operator?: string;
		operator_id?: string;
		object?: IDataObject & {
			id?: string | number;
			uuid?: string;
			topic?: string;
			host_id?: string;
			host_email?: string;
			participant?: IDataObject;
			registrant?: IDataObject;
			recording_files?: IDataObject[];
		};
	} & IDataObject;
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One output item per event: `event`, `event_ts`, `payload` as Zoom sent it, plus the fields
 * workflows use most, lifted to the top. The recording `download_token` (a bearer credential for
 * 24 hours) is left out unless asked for: execution data is stored and shown in the editor.
 */
export function eventItem(
	body: ZoomEventBody,
	options: { includeDownloadToken?: boolean; headers?: IDataObject } = {},
): IDataObject {
	const payload = isObject(body.payload) ? body.payload : {};
	const object = isObject(payload.object) ? payload.object : undefined;
	const item: IDataObject = {
		event: body.event,
		event_ts: body.event_ts,
	};
	if (typeof body.event_ts === 'number' && Number.isFinite(body.event_ts))
		item.eventTime = new Date(body.event_ts).toISOString();
	if (payload.account_id !== undefined) item.accountId = payload.account_id;
	if (payload.operator !== undefined) item.operator = payload.operator;
	const kind = (body.event ?? '').split('.')[0];
	if (object) {
		if (kind === 'user') {
			item.user = object;
		} else {
			// a recording event's object is the meeting (or webinar) that was recorded
			const prefix = kind === 'webinar' ? 'webinar' : 'meeting';
			if (object.id !== undefined) item[`${prefix}Id`] = object.id;
			if (object.uuid !== undefined) item[`${prefix}Uuid`] = object.uuid;
			if (object.topic !== undefined) item.topic = object.topic;
			if (object.host_id !== undefined) item.hostId = object.host_id;
			if (object.host_email !== undefined) item.hostEmail = object.host_email;
			if (isObject(object.participant)) item.participant = object.participant;
			if (isObject(object.registrant)) item.registrant = object.registrant;
		}
	}
	item.payload = payload;
	if (options.includeDownloadToken && body.download_token !== undefined)
		item.download_token = body.download_token;
	if (options.headers) item.headers = options.headers;
	return item;
}

/** Request headers worth keeping in an item: everything but cookies and authorization. */
export function safeHeaders(headers: Record<string, unknown>): IDataObject {
	const out: IDataObject = {};
	for (const [name, value] of Object.entries(headers)) {
		if (/^(cookie|authorization|proxy-authorization)$/i.test(name)) continue;
		out[name] = value as IDataObject[string];
	}
	return out;
}
