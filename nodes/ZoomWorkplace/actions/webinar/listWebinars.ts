import type { IDataObject } from 'n8n-workflow';

import { MAX_PAGE_SIZE, type ZoomClient } from '../../../core/transport';

/**
 * A host's webinars. Zoom's spec gives this endpoint `page_size` and `page_number` only (no
 * `next_page_token` parameter), so pages are asked by number, the largest first.
 */
export async function listWebinars(
	client: ZoomClient,
	userId: string,
	qs: IDataObject,
	limit: number | undefined,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	const seen = new Set<string>();
	const pageSize =
		limit !== undefined ? Math.min(MAX_PAGE_SIZE, Math.max(1, limit)) : MAX_PAGE_SIZE;
	for (let pageNumber = 1; ; pageNumber++) {
		const { body } = await client.request<IDataObject>({
			endpoint: 'listWebinars',
			pathParameters: { userId },
			qs: { ...qs, page_size: pageSize, page_number: pageNumber },
			itemIndex,
		});
		const page = Array.isArray(body.webinars) ? (body.webinars as IDataObject[]) : [];
		// A server that ignores page_number answers page 1 again: nothing new ends the loop.
		const fresh = page.filter((webinar) => {
			const key = String(webinar.uuid ?? webinar.id);
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
		results.push(...fresh);
		const total = Number(body.total_records);
		const done =
			fresh.length === 0 ||
			(limit !== undefined && results.length >= limit) ||
			(Number.isFinite(total) ? results.length >= total : page.length < pageSize);
		if (done) break;
	}
	return limit === undefined ? results : results.slice(0, limit);
}
