import { apiErrors } from './errors';
import { randomAlnum } from './ids';

// Zoom: default 30, max 300 (larger values are clamped), tokens expire after 15 minutes.
export const DEFAULT_PAGE_SIZE = 30;
export const MAX_PAGE_SIZE = 300;
export const PAGE_TOKEN_TTL_MS = 15 * 60 * 1000;

interface PageTokenRecord {
	listKey: string;
	offset: number;
	pageSize: number;
	filters: Record<string, string>;
	expiresAt: number;
}

export interface Page<T> {
	items: T[];
	pageSize: number;
	pageNumber: number;
	pageCount: number;
	totalRecords: number;
	nextPageToken: string;
}

/** An endpoint's page sizes: Zoom's usual 30 and 300; Team Chat lists differ (10 and 50 / 1000). */
export interface PageSizes {
	default: number;
	max: number;
}

const USUAL_SIZES: PageSizes = { default: DEFAULT_PAGE_SIZE, max: MAX_PAGE_SIZE };

export function parsePageSize(
	raw: string | null,
	sizes: PageSizes = USUAL_SIZES,
): number | undefined {
	if (raw === null || raw === '') return undefined;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 1) return sizes.default;
	return Math.min(n, sizes.max);
}

/** Opaque, expiring next_page_tokens. A token remembers the list it came from and its filters. */
export class PageTokens {
	private readonly tokens = new Map<string, PageTokenRecord>();

	/**
	 * `listKey` names the list (endpoint + path owner); `filters` are the query filters of the first
	 * call, which a continuation keeps even if it does not repeat them.
	 */
	paginate<T>(
		listKey: string,
		query: URLSearchParams,
		filters: Record<string, string>,
		select: (filters: Record<string, string>) => T[],
		sizes: PageSizes = USUAL_SIZES,
	): Page<T> {
		const token = query.get('next_page_token') ?? '';
		let offset = 0;
		let pageSize = parsePageSize(query.get('page_size'), sizes);
		let effectiveFilters = filters;
		if (token !== '') {
			const record = this.tokens.get(token);
			if (!record || record.listKey !== listKey || record.expiresAt <= Date.now())
				throw apiErrors.invalidPageToken();
			offset = record.offset;
			pageSize ??= record.pageSize;
			effectiveFilters = record.filters;
		} else {
			const pageNumber = Number(query.get('page_number') ?? '1');
			if (Number.isInteger(pageNumber) && pageNumber > 1)
				offset = (pageNumber - 1) * (pageSize ?? sizes.default);
		}
		pageSize ??= sizes.default;
		const all = select(effectiveFilters);
		const items = all.slice(offset, offset + pageSize);
		let nextPageToken = '';
		if (offset + pageSize < all.length) {
			nextPageToken = randomAlnum(35);
			this.tokens.set(nextPageToken, {
				listKey,
				offset: offset + pageSize,
				pageSize,
				filters: effectiveFilters,
				expiresAt: Date.now() + PAGE_TOKEN_TTL_MS,
			});
		}
		return {
			items,
			pageSize,
			pageNumber: Math.floor(offset / pageSize) + 1,
			pageCount: Math.ceil(all.length / pageSize),
			totalRecords: all.length,
			nextPageToken,
		};
	}

	/** Simulates the 15 minutes passing for every token handed out so far. */
	expireAll(): void {
		for (const record of this.tokens.values()) record.expiresAt = 0;
	}
}
