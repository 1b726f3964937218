import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	ITriggerFunctions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { MessageWindow } from '../zoom/chatLimits';
import { resolveApiBaseUrl } from '../zoom/clouds';
import { parseCategory, type RateLimitCategory } from '../zoom/categories';
import {
	buildPath,
	DEFAULT_MAX_PAGE_SIZE,
	ENDPOINTS,
	maxPageSizeOf,
	UnsafePathParameterError,
	type EndpointName,
} from '../zoom/endpoints';
import { dailyLimitError, describeFailure, zoomApiError, type FailedCall } from './errors';
import { headerValue } from './headers';
import { sharedWindowPacer } from './windowPacer';
import {
	DailyLimitReachedError,
	realClock,
	sharedRateLimiter,
	WaitCancelledError,
	type RateLimiter,
} from './rateLimiter';
import {
	decideAfterFailure,
	DEFAULT_RETRY_SETTINGS,
	NO_ATTEMPTS,
	retryAfterMs,
	type AttemptHistory,
	type RetrySettings,
} from './retryPolicy';

export type ZoomContext = IExecuteFunctions | ILoadOptionsFunctions | ITriggerFunctions;

export interface ZoomClientOptions {
	/** n8n credential type name chosen by the node's `authentication` parameter. */
	credentialType: string;
	retry?: Partial<RetrySettings>;
	/**
	 * "Share of Account Rate Limit" (0.01–1): the part of the account's limit this process may
	 * use; undefined keeps the share the limiter already has (e.g. for list searches).
	 */
	accountShare?: number;
}

/**
 * For a create (POST) whose outcome is unknown after a 5xx or a dropped connection: finds the
 * object the attempt may have created, so it is returned instead of being created twice.
 */
export interface CreateLookUp {
	find: () => Promise<IDataObject | undefined>;
	/** How the look-up searches, for the error when nothing is found ("the host's meetings"). */
	description: string;
}

export interface ZoomRequest {
	/** Which Zoom endpoint, by its name in the catalogue (transport/endpoints.ts). */
	endpoint: EndpointName;
	/** Values of the endpoint's `{placeholders}`, raw: the client encodes them. */
	pathParameters?: Record<string, string | number>;
	qs?: IDataObject;
	body?: IDataObject;
	itemIndex?: number;
	lookUp?: CreateLookUp;
	/**
	 * The target Zoom limits per target (a Team Chat channel ID): requests naming one are paced
	 * inside the endpoint's `perTargetWindows`.
	 */
	paceKey?: string;
}

export interface ZoomResponse<T = IDataObject> {
	statusCode: number;
	body: T;
	headers: Record<string, unknown>;
	/** True when a create was found already applied after a failed attempt. */
	recovered?: boolean;
}

export interface PaginatedRequest extends Omit<ZoomRequest, 'lookUp'> {
	/** Name of the array in Zoom's answer: `users`, `meetings`, … */
	arrayKey: string;
	/** Stop after this many records; undefined = all. */
	limit?: number;
}

/** Zoom's usual largest page; an endpoint may name another (catalogue `maxPageSize`). */
export const MAX_PAGE_SIZE = DEFAULT_MAX_PAGE_SIZE;

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

	/** One Zoom account as this process sees it: the credential and the base URL. */
	private async accountKey(): Promise<string> {
		const baseUrl = await this.baseUrl();
		const credentialId =
			this.ctx.getNode().credentials?.[this.options.credentialType]?.id ?? 'unsaved';
		return `${this.options.credentialType}|${credentialId}|${baseUrl}`;
	}

	private async limiter(): Promise<RateLimiter> {
		this.limiterPromise ??= this.accountKey().then((key) =>
			sharedRateLimiter(key, { accountShare: this.options.accountShare }),
		);
		return await this.limiterPromise;
	}

	/** Waits until Zoom's per-target windows (messages to one channel) allow one more request. */
	private async paceTarget(request: ZoomRequest): Promise<void> {
		const windows = (ENDPOINTS[request.endpoint] as { perTargetWindows?: readonly MessageWindow[] })
			.perTargetWindows;
		if (!windows || request.paceKey === undefined) return;
		const key = await this.accountKey();
		try {
			await sharedWindowPacer(key).acquire(
				`${request.endpoint}|${request.paceKey}`,
				windows,
				this.cancelSignal(),
			);
		} catch (error) {
			throw new NodeOperationError(
				this.ctx.getNode(),
				error instanceof WaitCancelledError ? error.message : (error as Error),
				{ itemIndex: request.itemIndex },
			);
		}
	}

	private cancelSignal(): AbortSignal | undefined {
		const ctx = this.ctx as Partial<IExecuteFunctions>;
		return typeof ctx.getExecutionCancelSignal === 'function'
			? ctx.getExecutionCancelSignal()
			: undefined;
	}

	/** The catalogue's category, until Zoom's X-RateLimit-Category header says otherwise. */
	private categoryFor(endpoint: EndpointName): RateLimitCategory {
		return this.learnedCategories.get(endpoint) ?? ENDPOINTS[endpoint].category;
	}

	private learn(
		endpoint: EndpointName,
		fallback: RateLimitCategory,
		headers?: Record<string, unknown>,
	): RateLimitCategory {
		const category = parseCategory(headerValue(headers, 'x-ratelimit-category')) ?? fallback;
		if (category !== fallback) this.learnedCategories.set(endpoint, category);
		return category;
	}

	/** The request's path, built by the catalogue; an unsafe ID stops the item before sending. */
	private pathOf(request: ZoomRequest): string {
		try {
			return buildPath(request.endpoint, request.pathParameters ?? {});
		} catch (error) {
			const where = request.itemIndex !== undefined ? ` in item ${request.itemIndex}` : '';
			const message =
				error instanceof UnsafePathParameterError
					? `Invalid "${error.label}"${where}: ${error.reason}`
					: (error as Error).message;
			throw new NodeOperationError(this.ctx.getNode(), message, { itemIndex: request.itemIndex });
		}
	}

	private async send(request: ZoomRequest, path: string): Promise<FullResponse> {
		const options: IHttpRequestOptions = {
			method: ENDPOINTS[request.endpoint].method,
			url: `${await this.baseUrl()}${path}`,
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

	private async acquire(
		limiter: RateLimiter,
		category: RateLimitCategory,
		itemIndex: number | undefined,
	): Promise<void> {
		const node = this.ctx.getNode();
		try {
			await limiter.acquire(category, this.cancelSignal());
		} catch (error) {
			if (error instanceof DailyLimitReachedError) {
				throw dailyLimitError(node, error.category, error.resetsAt, error.zoomMessage, itemIndex);
			}
			throw new NodeOperationError(
				node,
				error instanceof WaitCancelledError ? error.message : (error as Error),
				{ itemIndex },
			);
		}
	}

	/**
	 * Sends one request: paced by the rate limiter, retried as retryPolicy decides (this method
	 * only carries the decisions out), Zoom's errors turned into errors a person can act on.
	 */
	async request<T = IDataObject>(request: ZoomRequest): Promise<ZoomResponse<T>> {
		const node = this.ctx.getNode();
		const path = this.pathOf(request);
		const { method } = ENDPOINTS[request.endpoint];
		const limiter = await this.limiter();
		let history: AttemptHistory = NO_ATTEMPTS;
		for (;;) {
			const category = this.categoryFor(request.endpoint);
			await this.paceTarget(request);
			await this.acquire(limiter, category, request.itemIndex);
			let failure: FailedCall;
			try {
				const response = await this.send(request, path);
				const learned = this.learn(request.endpoint, category, response.headers);
				limiter.observe(learned, response.headers ?? {}, response.statusCode);
				if (request.lookUp) this.rememberReturned(response.body);
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
				failure = { ...describeFailure(error), endpoint: request.endpoint };
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
			const learned = this.learn(request.endpoint, category, failure.headers);
			if (failure.headers) limiter.observe(learned, failure.headers, failure.statusCode);
			const retryAfter = retryAfterMs(headerValue(failure.headers, 'retry-after'));
			const decision = decideAfterFailure(
				{ method, canLookUp: request.lookUp !== undefined },
				{
					statusCode: failure.statusCode,
					networkCode: failure.networkCode,
					rateLimitType: headerValue(failure.headers, 'x-ratelimit-type')?.toLowerCase(),
					zoomMessage: failure.body?.message,
					retryAfterMs: retryAfter,
				},
				history,
				this.retry,
			);
			switch (decision.action) {
				case 'retry':
					history = decision.history;
					if (decision.pauseCategory) limiter.pause(learned, decision.waitMs);
					else await this.wait(decision.waitMs, request.itemIndex);
					continue;
				case 'alreadyDone':
					return {
						statusCode: 204,
						body: {} as T,
						headers: failure.headers ?? {},
						recovered: true,
					};
				case 'dailyLimit': {
					const zoomMessage = failure.body?.message ?? 'Daily rate limit reached';
					const resetsAt = retryAfter !== undefined ? new Date(Date.now() + retryAfter) : undefined;
					if (decision.blockCategory) limiter.blockForTheDay(learned, resetsAt, zoomMessage);
					throw dailyLimitError(node, learned, resetsAt, zoomMessage, request.itemIndex);
				}
				case 'lookUp': {
					history = decision.history;
					await this.wait(decision.waitMs, request.itemIndex);
					const existing = await request.lookUp!.find();
					if (existing) {
						this.rememberReturned(existing);
						return { statusCode: 201, body: existing as T, headers: {}, recovered: true };
					}
					if (decision.retryAfterLookUp) continue;
					throw zoomApiError(node, failure, request.itemIndex, decision.attempts, {
						outcomeUnknownAfterLookUp: request.lookUp!.description,
					});
				}
				case 'fail':
					throw zoomApiError(node, failure, request.itemIndex, decision.attempts, {
						outcomeUnknown: decision.outcomeUnknown,
					});
			}
		}
	}

	private rememberReturned(body: unknown): void {
		const id = (body as IDataObject | undefined)?.id;
		if (id !== undefined && id !== null) this.returnedIds.add(String(id));
	}

	/**
	 * True when a create of this execution already returned the object with this ID: a
	 * create look-up must not hand it to a second item (rows with the same values).
	 */
	alreadyReturned(id: unknown): boolean {
		return id !== undefined && id !== null && this.returnedIds.has(String(id));
	}

	/**
	 * Follows `next_page_token` with the largest page the endpoint allows, asking only for pages
	 * needed.
	 */
	async requestAllItems(request: PaginatedRequest): Promise<IDataObject[]> {
		const results: IDataObject[] = [];
		const largest = maxPageSizeOf(request.endpoint);
		const pageSize =
			request.limit !== undefined ? Math.min(largest, Math.max(1, request.limit)) : largest;
		let nextPageToken = '';
		do {
			const qs: IDataObject = { ...request.qs, page_size: pageSize };
			if (nextPageToken) qs.next_page_token = nextPageToken;
			const { body } = await this.request<IDataObject>({ ...request, qs });
			const page = body[request.arrayKey];
			if (Array.isArray(page)) results.push(...(page as IDataObject[]));
			nextPageToken = typeof body.next_page_token === 'string' ? body.next_page_token : '';
		} while (nextPageToken && (request.limit === undefined || results.length < request.limit));
		return request.limit === undefined ? results : results.slice(0, request.limit);
	}
}
