export { ZoomClient, MAX_PAGE_SIZE } from './client';
export type {
	PaginatedRequest,
	ZoomClientOptions,
	ZoomContext,
	ZoomRequest,
	ZoomResponse,
} from './client';
export { DEFAULT_RETRY_SETTINGS } from './retryPolicy';
export type { RetrySettings } from './retryPolicy';
