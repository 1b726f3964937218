import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { credentialTypeOf } from '../actions/shared/credentialType';
import { ZoomClient } from '../../core/transport';
import { zoomDateTime } from '../helpers/time';

/** One page of Zoom results per call; n8n asks for the next with `paginationToken`. */
const PAGE_SIZE = 100;

function matches(filter: string | undefined, ...fields: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return fields.some((field) =>
		String(field ?? '')
			.toLowerCase()
			.includes(needle),
	);
}

export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = new ZoomClient(this, { credentialType: credentialTypeOf(this) });
	const qs: IDataObject = { page_size: PAGE_SIZE };
	if (paginationToken) qs.next_page_token = paginationToken;
	const { body } = await client.request<IDataObject>({ endpoint: 'listUsers', qs });
	const users = (body.users as IDataObject[] | undefined) ?? [];
	return {
		results: users
			.filter((u) => matches(filter, u.email, u.display_name, u.first_name, u.last_name, u.id))
			.map((u) => {
				const name =
					(u.display_name as string) || [u.first_name, u.last_name].filter(Boolean).join(' ');
				return {
					name: name ? `${name} <${u.email as string}>` : (u.email as string),
					value: u.id as string,
				};
			}),
		paginationToken: (body.next_page_token as string) || undefined,
	};
}

/** Whose meetings or webinars a list offers: the operation's User, else the credential's user. */
export function listOwner(ctx: ILoadOptionsFunctions): string {
	try {
		const userId = ctx.getNodeParameter('userId', undefined, { extractValue: true }) as
			| string
			| undefined;
		if (userId) return userId;
	} catch {
		// The operation has no user field.
	}
	return 'me';
}

export async function searchMeetings(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = new ZoomClient(this, { credentialType: credentialTypeOf(this) });
	const userId = listOwner(this);
	const qs: IDataObject = { page_size: PAGE_SIZE, type: 'upcoming' };
	if (paginationToken) qs.next_page_token = paginationToken;
	const { body } = await client.request<IDataObject>({
		endpoint: 'listMeetings',
		pathParameters: { userId },
		qs,
	});
	const meetings = (body.meetings as IDataObject[] | undefined) ?? [];
	return {
		results: meetings
			.filter((m) => matches(filter, m.topic, m.id))
			.map((m) => ({
				name: `${m.topic as string} (${m.id as number}${m.start_time ? `, ${m.start_time as string}` : ''})`,
				value: String(m.id),
				url: m.join_url as string | undefined,
			})),
		paginationToken: (body.next_page_token as string) || undefined,
	};
}

/** How far back the summary picker looks: Zoom answers its month windows newest first. */
const SUMMARY_PICKER_DAYS = 30;

/**
 * The picker of Meeting Summary → Get/Delete: the credential user's summaries of the last 30
 * days (one month window), newest first; the value is the meeting instance UUID.
 */
export async function searchMeetingSummaries(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = new ZoomClient(this, { credentialType: credentialTypeOf(this) });
	const now = Date.now();
	const qs: IDataObject = {
		page_size: PAGE_SIZE,
		from: zoomDateTime(now - SUMMARY_PICKER_DAYS * 86_400_000),
		to: zoomDateTime(now),
		time_filter_field: 'summary_created_time',
	};
	if (paginationToken) qs.next_page_token = paginationToken;
	const { body } = await client.request<IDataObject>({
		endpoint: 'listUserMeetingSummaries',
		pathParameters: { userId: 'me' },
		qs,
	});
	const summaries = (body.summaries as IDataObject[] | undefined) ?? [];
	return {
		results: summaries
			.filter((s) => matches(filter, s.meeting_topic, s.meeting_id, s.meeting_uuid))
			.map((s) => ({
				name: `${String(s.meeting_topic ?? 'Meeting')} (${String(s.meeting_start_time ?? s.summary_start_time ?? '')})`,
				value: String(s.meeting_uuid),
			})),
		paginationToken: (body.next_page_token as string) || undefined,
	};
}

/** The Channel picker: the channels of the operation's User (else the credential's user). */
export async function searchChannels(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = new ZoomClient(this, { credentialType: credentialTypeOf(this) });
	let userId = 'me';
	try {
		const locator = this.getNodeParameter('userId', undefined, { extractValue: true }) as
			| string
			| undefined;
		if (locator) userId = locator;
	} catch {
		// No user field: the credential user's channels.
	}
	const qs: IDataObject = { page_size: PAGE_SIZE };
	if (paginationToken) qs.next_page_token = paginationToken;
	const { body } = await client.request<IDataObject>({
		endpoint: 'listUserChannels',
		pathParameters: { userId },
		qs,
	});
	const channels = (body.channels as IDataObject[] | undefined) ?? [];
	return {
		results: channels
			.filter((c) => matches(filter, c.name, c.id))
			.map((c) => ({
				name: String(c.name ?? c.id),
				value: String(c.id),
				url: c.channel_url as string | undefined,
			})),
		paginationToken: (body.next_page_token as string) || undefined,
	};
}
