import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { credentialTypeOf } from '../actions/shared/credentialType';
import { ZoomClient } from '../../core/transport';
import { listOwner } from './listSearch';

/** Webinars of the item's user ("me" without one) for the `webinarId` locator, a page at a time. */
export async function searchWebinars(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = new ZoomClient(this, { credentialType: credentialTypeOf(this) });
	const userId = listOwner(this);
	// Zoom pages this list by number (the spec has no next_page_token parameter here).
	const pageNumber = Math.max(1, Number(paginationToken) || 1);
	const pageSize = 100;
	const { body } = await client.request<IDataObject>({
		endpoint: 'listWebinars',
		pathParameters: { userId },
		qs: { type: 'upcoming', page_size: pageSize, page_number: pageNumber },
	});
	const webinars = (body.webinars as IDataObject[] | undefined) ?? [];
	const needle = filter?.toLowerCase();
	const total = Number(body.total_records);
	const more = Number.isFinite(total)
		? pageNumber * pageSize < total
		: webinars.length === pageSize;
	return {
		results: webinars
			.filter(
				(w) =>
					!needle ||
					String(w.topic ?? '')
						.toLowerCase()
						.includes(needle) ||
					String(w.id ?? '').includes(needle),
			)
			.map((w) => ({
				name: `${w.topic as string} (${w.id as number}${w.start_time ? `, ${w.start_time as string}` : ''})`,
				value: String(w.id),
				url: w.join_url as string | undefined,
			})),
		paginationToken: more ? String(pageNumber + 1) : undefined,
	};
}
