import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { applyFields, type FieldDefinition, type RequestParts } from '../../helpers/fields';
import { DEFAULT_RETRY_SETTINGS, type RetrySettings } from '../../../core/transport';

/** The node's own default; the retry defaults come from the transport's one definition. */
const DEFAULT_MAX_CONCURRENCY = 10;
const DEFAULTS = DEFAULT_RETRY_SETTINGS;
const DEFAULT_BACKOFF_MULTIPLIER = DEFAULTS.backoffMultiplier;
const DEFAULT_MAX_RETRIES = DEFAULTS.maxRetries;
const DEFAULT_TIMEOUT_SECONDS = DEFAULTS.timeoutMs / 1000;

/** Request settings offered in every operation's Options; the defaults suit most workflows. */
export const requestSettingsOptions: INodeProperties[] = [
	{
		displayName: 'Backoff Multiplier',
		name: 'backoffMultiplier',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 1 },
		default: DEFAULT_BACKOFF_MULTIPLIER,
		description: `Each retry waits this many times longer than the one before (first wait: ${DEFAULTS.initialBackoffMs / 1000} s)`,
	},
	{
		displayName: 'Max Concurrent Requests',
		name: 'maxConcurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 50 },
		default: DEFAULT_MAX_CONCURRENCY,
		description:
			"How many items are sent to Zoom at the same time. Requests are always paced to stay under Zoom's per-second rate limit.",
	},
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10 },
		default: DEFAULT_MAX_RETRIES,
		description:
			'How often a request that failed with a retryable status or a network error is tried again. Creates are only retried after checking that the first attempt did not create the object.',
	},
	{
		displayName: 'Retry On Status Codes',
		name: 'retryOnStatuses',
		type: 'string',
		default: DEFAULTS.retryOnStatuses.join(','),
		description:
			'Comma-separated HTTP status codes that are retried. 429 (rate limit) is always handled by waiting.',
	},
	{
		displayName: 'Share of Account Rate Limit',
		name: 'accountRateLimitShare',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: 100,
		description:
			"Percentage (1–100) of the Zoom account's per-second rate limit this n8n process may use. The node already adapts to what other workers and apps use of the account; set e.g. 50 with two queue-mode workers to keep them from ever competing.",
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 300 },
		default: DEFAULT_TIMEOUT_SECONDS,
		description:
			'How long to wait for one answer from Zoom. A request without an answer counts as a network failure (a create is then looked up before it is retried).',
	},
];

/**
 * The "Options" collection of one operation: its own options plus the request settings, so
 * each operation has a single `options` parameter (n8n keeps one value per parameter name).
 */
export function optionsCollection(
	/** Options sent to Zoom (field definitions) and options the operation reads itself. */
	operationOptions: ReadonlyArray<FieldDefinition | INodeProperties> = [],
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...operationOptions.map((o) => ('property' in o ? o.property : o)),
			...requestSettingsOptions,
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

const REQUEST_SETTING_NAMES = new Set(requestSettingsOptions.map((option) => option.name));

/**
 * The operation's own options of one item, checked and placed in Zoom's query or body by their
 * definitions; the request settings that share the collection are read by the router.
 */
export function readOperationOptions(
	ctx: IExecuteFunctions,
	itemIndex: number,
	definitions: readonly FieldDefinition[],
): RequestParts {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const own = Object.fromEntries(
		Object.entries(options).filter(([name]) => !REQUEST_SETTING_NAMES.has(name)),
	);
	return applyFields(ctx, itemIndex, definitions, own);
}

export interface RequestSettings {
	maxConcurrency: number;
	retry: Partial<RetrySettings>;
	/** "Share of Account Rate Limit" as a fraction (0.01–1), for the rate limiter's accountShare. */
	accountShare: number;
}

export function readRequestSettings(ctx: IExecuteFunctions): RequestSettings {
	const options = ctx.getNodeParameter('options', 0, {}) as {
		maxConcurrency?: number;
		maxRetries?: number;
		retryOnStatuses?: string;
		backoffMultiplier?: number;
		timeout?: number;
		accountRateLimitShare?: number;
	};
	const statuses = (options.retryOnStatuses ?? DEFAULTS.retryOnStatuses.join(','))
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean)
		.map((s) => {
			const code = Number(s);
			if (!Number.isInteger(code) || code < 400 || code > 599) {
				throw new NodeOperationError(
					ctx.getNode(),
					`Invalid "Retry On Status Codes" in the node options: "${s}" is not an HTTP error status (400–599)`,
				);
			}
			return code;
		});
	const sharePercent = Number(options.accountRateLimitShare ?? 100);
	if (!Number.isFinite(sharePercent) || sharePercent < 1 || sharePercent > 100) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Invalid "Share of Account Rate Limit" in the node options: ${String(options.accountRateLimitShare)} is not a percentage from 1 to 100`,
		);
	}
	return {
		accountShare: sharePercent / 100,
		maxConcurrency: Math.max(
			1,
			Math.min(50, Math.floor(options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY)),
		),
		retry: {
			maxRetries: Math.max(0, Math.min(10, Math.floor(options.maxRetries ?? DEFAULTS.maxRetries))),
			retryOnStatuses: statuses,
			backoffMultiplier: Math.max(1, options.backoffMultiplier ?? DEFAULTS.backoffMultiplier),
			timeoutMs: Math.max(1, Math.min(300, options.timeout ?? DEFAULTS.timeoutMs / 1000)) * 1000,
		},
	};
}
