import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { resolveApiBaseUrl } from '../../../credentials/common/zoomCloud';
import { defaultCategory, parseCategory, routeKey } from './categories';
import { dailyLimitError, describeFailure, zoomApiError, type FailedCall } from './errors';
import {
	DailyLimitReachedError,
	headerValue,
	realClock,
	sharedRateLimiter,
	WaitCancelledError,
	type RateLimitCategory,
	type RateLimiter,
} from './rateLimiter';
import {
	backoffDelayMs,
	DEFAULT_RETRY_SETTINGS,
	isSafeToRepeat,
	isTransientNetworkCode,
	retryAfterMs,
	type RetrySettings,
} from './retryPolicy';

export type ZoomContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface ZoomClientOptions {
	/** n8n credential type name chosen by the node's `authentication` parameter. */
	credentialType: string;
	retry?: Partial<RetrySettings>;
}

export interface ZoomRequest {
	method: IHttpRequestMethods;
	/** Path below the API base URL, starting with "/", already encoded. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	itemIndex?: number;
	/**
	 * For a create (POST) whose outcome is unknown after a 5xx or a dropped connection: finds the
	 * object the attempt may have created, so it is returned instead of being created twice.
	 */
	findExisting?: () => Promise<IDataObject | undefined>;
}

export interface ZoomResponse<T = IDataObject> {
	statusCode: number;
	body: T;
	headers: Record<string, unknown>;
	/** True when a create was found already applied after a failed attempt. */
	recovered?: boolean;
}

export interface PaginatedRequest extends Omit<ZoomRequest, 'method' | 'findExisting'> {
	/** Name of the array in Zoom's answer: `users`, `meetings`, … */
	arrayKey: string;
	/** Stop after this many records; undefined = all. */
	limit?: number;
}

/** Zoom's largest page: the fewest requests for "Return All". */
export const MAX_PAGE_SIZE = 300;

interface FullResponse {
	statusCode: number;
	body: unknown;
	headers: Record<string, unknown>;
}

/**
 * The one place that talks HTTP to Zoom: base URL, authentication (through n8n's
 * httpRequestWithAuthentication, so token refresh, proxies and credential storage are n8n's),
 * rate-limit pacing, retries and Zoom errors.
 */
export class ZoomClient {
	private readonly retry: RetrySettings;

	private baseUrlPromise?: Promise<string>;

	private readonly learnedCategories = new Map<string, RateLimitCategory>();

	private limiterPromise?: Promise<RateLimiter>;

	/** IDs of the objects creates of this execution returned, so a look-up never hands one out twice. */
	private readonly returnedIds = new Set<string>();

	constructor(
		private readonly ctx: ZoomContext,
		private readonly options: ZoomClientOptions,
	) {
		this.retry = { ...DEFAULT_RETRY_SETTINGS, ...options.retry };
	}

	private async baseUrl(): Promise<string> {
		this.baseUrlPromise ??= this.ctx
			.getCredentials(this.options.credentialType)
			.then((credentials) => {
				const url = resolveApiBaseUrl(credentials);
				if (!/^https?:\/\/[^/]/i.test(url)) {
					throw new NodeOperationError(
						this.ctx.getNode(),
						`The credential's API Base URL "${url}" is not an http(s) URL`,
					);
				}
				return url;
			});
		return await this.baseUrlPromise;
	}

	private async limiter(): Promise<RateLimiter> {
		this.limiterPromise ??= this.baseUrl().then((baseUrl) => {
			const credentialId =
				this.ctx.getNode().credentials?.[this.options.credentialType]?.id ?? 'unsaved';
			return sharedRateLimiter(`${this.options.credentialType}|${credentialId}|${baseUrl}`);
		});
		return await this.limiterPromise;
	}

	private cancelSignal(): AbortSignal | undefined {
		const ctx = this.ctx as Partial<IExecuteFunctions>;
		return typeof ctx.getExecutionCancelSignal === 'function'
			? ctx.getExecutionCancelSignal()
			: undefined;
	}

	private categoryFor(method: string, path: string): RateLimitCategory {
		return this.learnedCategories.get(routeKey(method, path)) ?? defaultCategory(method, path);
	}

	private learn(
		method: string,
		path: string,
		fallback: RateLimitCategory,
		headers?: Record<string, unknown>,
	) {
		const category = parseCategory(headerValue(headers, 'x-ratelimit-category')) ?? fallback;
		if (category !== fallback) this.learnedCategories.set(routeKey(method, path), category);
		return category;
	}

	private async send(request: ZoomRequest): Promise<FullResponse> {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: `${await this.baseUrl()}${request.path}`,
			qs: request.qs,
			body: request.body,
			json: true,
			returnFullResponse: true,
			timeout: this.retry.timeoutMs,
		};
		return (await this.ctx.helpers.httpRequestWithAuthentication.call(
			this.ctx,
			this.options.credentialType,
			options,
		)) as FullResponse;
	}

	private async wait(ms: number, itemIndex?: number): Promise<void> {
		try {
			await realClock.wait(ms, this.cancelSignal());
		} catch (error) {
			throw new NodeOperationError(this.ctx.getNode(), error as Error, { itemIndex });
		}
	}

	async request<T = IDataObject>(request: ZoomRequest): Promise<ZoomResponse<T>> {
		const node = this.ctx.getNode();
		const limiter = await this.limiter();
		let failures = 0;
		let rateLimitRetries = 0;
		/** An earlier attempt failed without telling whether Zoom applied it. */
		let outcomeUnknown = false;
		for (;;) {
			const category = this.categoryFor(request.method, request.path);
			try {
				await limiter.acquire(category, this.cancelSignal());
			} catch (error) {
				if (error instanceof DailyLimitReachedError) {
					throw dailyLimitError(
						node,
						error.category,
						error.resetsAt,
						error.zoomMessage,
						request.itemIndex,
					);
				}
				throw new NodeOperationError(
					node,
					error instanceof WaitCancelledError ? error.message : (error as Error),
					{ itemIndex: request.itemIndex },
				);
			}
			let failure: FailedCall;
			try {
				const response = await this.send(request);
				const learned = this.learn(request.method, request.path, category, response.headers);
				limiter.observe(learned, response.headers ?? {}, response.statusCode);
				if (request.findExisting) this.rememberReturned(response.body);
				return {
					statusCode: response.statusCode,
					body: (response.body ?? {}) as T,
					headers: response.headers ?? {},
				};
			} catch (error) {
				if (this.cancelSignal()?.aborted) {
					throw new NodeOperationError(node, 'The execution was cancelled', {
						itemIndex: request.itemIndex,
					});
				}
				failure = describeFailure(error);
				if (failure.statusCode === undefined && failure.networkCode === undefined) {
					// Not an answer from Zoom: e.g. the credential could not obtain a token.
					throw error instanceof NodeApiError
						? error
						: new NodeApiError(
								node,
								{ message: failure.message },
								{ message: failure.message, itemIndex: request.itemIndex },
							);
				}
			}
			const learned = this.learn(request.method, request.path, category, failure.headers);
			if (failure.headers) limiter.observe(learned, failure.headers, failure.statusCode);

			if (failure.statusCode === 429) {
				const type = (headerValue(failure.headers, 'x-ratelimit-type') ?? '').toLowerCase();
				const zoomMessage = failure.body?.message ?? 'Rate limit reached';
				if (type === 'daily-limit' || /daily/i.test(zoomMessage)) {
					const wait = retryAfterMs(headerValue(failure.headers, 'retry-after'));
					const resetsAt = wait !== undefined ? new Date(Date.now() + wait) : undefined;
					// A per-host-user limit (meeting create/update) must not stop the other users' items.
					if (!/particular user|per user|this user/i.test(zoomMessage)) {
						limiter.blockForTheDay(learned, resetsAt, zoomMessage);
					}
					throw dailyLimitError(node, learned, resetsAt, zoomMessage, request.itemIndex);
				}
				// A 429 means Zoom did not apply the request: repeating it is safe for every method.
				if (rateLimitRetries < this.retry.maxRateLimitRetries) {
					rateLimitRetries++;
					limiter.pause(learned, retryAfterMs(headerValue(failure.headers, 'retry-after')) ?? 1000);
					continue;
				}
				throw zoomApiError(node, failure, request.itemIndex, 1 + failures + rateLimitRetries);
			}

			if (
				outcomeUnknown &&
				failure.statusCode === 404 &&
				request.method.toUpperCase() === 'DELETE'
			) {
				// The attempt whose answer was lost did delete it: the item's work is done.
				return { statusCode: 204, body: {} as T, headers: failure.headers ?? {}, recovered: true };
			}

			const retryable =
				failure.statusCode !== undefined
					? this.retry.retryOnStatuses.includes(failure.statusCode)
					: isTransientNetworkCode(failure.networkCode);
			if (retryable && failures < this.retry.maxRetries) {
				if (isSafeToRepeat(request.method)) {
					outcomeUnknown = true;
					await this.wait(backoffDelayMs(this.retry, failures++), request.itemIndex);
					continue;
				}
				if (request.findExisting) {
					await this.wait(backoffDelayMs(this.retry, failures++), request.itemIndex);
					// Looking up first is what makes repeating a create safe.
					const existing = await request.findExisting();
					if (existing) {
						this.rememberReturned(existing);
						return { statusCode: 201, body: existing as T, headers: {}, recovered: true };
					}
					continue;
				}
			}
			throw zoomApiError(node, failure, request.itemIndex, 1 + failures + rateLimitRetries);
		}
	}

	private rememberReturned(body: unknown): void {
		const id = (body as IDataObject | undefined)?.id;
		if (id !== undefined && id !== null) this.returnedIds.add(String(id));
	}

	/**
	 * True when a create of this execution already returned the object with this ID: a
	 * `findExisting` look-up must not hand it to a second item (rows with the same values).
	 */
	alreadyReturned(id: unknown): boolean {
		return id !== undefined && id !== null && this.returnedIds.has(String(id));
	}

	/** Follows `next_page_token` with the largest page Zoom allows, asking only for pages needed. */
	async requestAllItems(request: PaginatedRequest): Promise<IDataObject[]> {
		const results: IDataObject[] = [];
		const pageSize =
			request.limit !== undefined
				? Math.min(MAX_PAGE_SIZE, Math.max(1, request.limit))
				: MAX_PAGE_SIZE;
		let nextPageToken = '';
		do {
			const qs: IDataObject = { ...request.qs, page_size: pageSize };
			if (nextPageToken) qs.next_page_token = nextPageToken;
			const { body } = await this.request<IDataObject>({ ...request, method: 'GET', qs });
			const page = body[request.arrayKey];
			if (Array.isArray(page)) results.push(...(page as IDataObject[]));
			nextPageToken = typeof body.next_page_token === 'string' ? body.next_page_token : '';
		} while (nextPageToken && (request.limit === undefined || results.length < request.limit));
		return request.limit === undefined ? results : results.slice(0, request.limit);
	}
}
