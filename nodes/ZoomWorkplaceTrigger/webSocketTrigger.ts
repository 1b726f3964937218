/**
 * Connection: WebSocket. The node's trigger(): joins (or opens) this process's connection to the
 * event subscription, runs each event through the same pipeline as a webhook delivery, and emits
 * it. closeFunction leaves the connection; the last listener closes it.
 */
import type {
	IDataObject,
	INodeExecutionData,
	ITriggerFunctions,
	ITriggerResponse,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { ZoomClient } from '../core/transport/client';
import { isSelectedEvent } from './events';
import type { ZoomEventBody } from './output';
import {
	admitEvent,
	buildWorkflowData,
	readSettings,
	repeatMemoryOf,
	type SummaryFetcher,
} from './pipeline';
import { RECORDING_COMPLETED } from './recordings';
import {
	builtInWebSocket,
	connectionFor,
	type Gap,
	type SubscriptionListener,
	type WebSocketFactory,
} from './webSocket/connection';
import { redactUrl, resolveSubscriptionUrl, WEBSOCKET_URL_PARAMETER } from './webSocket/protocol';
import {
	listRecordingsDates,
	parseRecoveryUsers,
	recordingKey,
	recordingsCompletedIn,
	recoveredEventBody,
	recoveryWindow,
} from './webSocket/recovery';
import { EmitQueue } from './webSocket/emitQueue';
import { inExpressionIsolate } from './webSocket/isolate';
import { accessTokenThroughN8n, SERVER_TO_SERVER_CREDENTIAL } from './webSocket/token';

/** For tests and the benchmark: a WebSocket other than the global one. */
let socketFactoryOverride: WebSocketFactory | undefined;
export function useWebSocketFactory(factory: WebSocketFactory | undefined): void {
	socketFactoryOverride = factory;
}

const iso = (ms: number) => new Date(ms).toISOString();

export async function webSocketTrigger(ctx: ITriggerFunctions): Promise<ITriggerResponse> {
	const node = ctx.getNode();
	const credentials = await ctx.getCredentials(SERVER_TO_SERVER_CREDENTIAL);
	const resolved = resolveSubscriptionUrl(
		ctx.getNodeParameter(WEBSOCKET_URL_PARAMETER, ''),
		credentials,
	);
	if (!resolved.ok) throw new NodeOperationError(node, resolved.message);
	const endpoint = resolved.endpoint;
	let factory: WebSocketFactory;
	try {
		factory = socketFactoryOverride ?? builtInWebSocket();
	} catch (error) {
		throw new NodeOperationError(node, (error as Error).message);
	}
	const settings = readSettings(ctx);
	const memory = repeatMemoryOf(ctx);
	const client = new ZoomClient(ctx, { credentialType: SERVER_TO_SERVER_CREDENTIAL });
	/** Get Meeting Summary for "Include Full Summary", in the expression isolate (see isolate.ts) */
	const fetchSummary: SummaryFetcher = async (meetingUuid) =>
		(
			await inExpressionIsolate(
				ctx,
				async () =>
					await client.request<IDataObject>({
						endpoint: 'getMeetingSummary',
						pathParameters: { meetingId: meetingUuid },
					}),
			)
		).body;
	const manual = ctx.getMode() === 'manual';
	const where = `${redactUrl(endpoint.url)} (workflow ${ctx.getWorkflow().id ?? ''}, node "${node.name}"${manual ? ', manual run' : ''})`;
	const logger = ctx.logger;

	/**
	 * n8n replaces a manual run's emit() once trigger() has returned: an event arriving in between
	 * waits for that (a published workflow's emit is there from the start).
	 */
	let returned!: () => void;
	const triggerReturned = new Promise<void>((resolve) => (returned = resolve));
	const stopping = new AbortController();
	const queue = new EmitQueue(ctx, undefined, stopping.signal);

	/** Emits a run through the queue; forgets its repeat keys when it never started. */
	function emitRemembered(data: INodeExecutionData[][], keys: Array<string | undefined>): void {
		queue.push(data, (error) => {
			for (const key of keys) if (key !== undefined) memory.forget(key);
			logger.error(
				`Zoom WebSocket ${where}: an event was lost, n8n could not start its execution: ${error.message}`,
			);
		});
	}

	async function deliver(body: ZoomEventBody): Promise<void> {
		if (manual) {
			await triggerReturned;
			await sleep(0);
		}
		const admission = admitEvent(body, settings, memory, Date.now());
		if (admission.outcome !== 'accepted') return;
		const keys = [admission.key];
		if (body.event === RECORDING_COMPLETED && settings.options.dropRepeats !== false) {
			// remembered by meeting too, so a recovery after a later gap does not repeat it
			const key = recordingKey(body.payload?.object);
			if (key !== undefined) {
				if (memory.checkAndRecord(key, Date.now())) return;
				keys.push(key);
			}
		}
		let data: INodeExecutionData[][];
		try {
			data = await buildWorkflowData(ctx, body, settings, { fetchSummary });
		} catch (error) {
			for (const key of keys) if (key !== undefined) memory.forget(key);
			logger.error(
				`Zoom WebSocket event ${body.event} could not be prepared: ${(error as Error).message}`,
			);
			return;
		}
		emitRemembered(data, keys);
	}

	async function recover(gap: Gap): Promise<void> {
		if (!isSelectedEvent(RECORDING_COMPLETED, settings.selected)) return;
		const window = recoveryWindow(gap);
		const users = parseRecoveryUsers(settings.options.recoveryUsers);
		// each call in the expression isolate for its own duration (see isolate.ts), not the whole
		// recovery: a recovery over many users takes a while
		const userIds =
			users === 'all'
				? (
						await inExpressionIsolate(
							ctx,
							async () =>
								await client.requestAllItems({
									endpoint: 'listUsers',
									qs: { status: 'active' },
									arrayKey: 'users',
								}),
						)
					)
						.map((user) => user.id)
						.filter((id): id is string => typeof id === 'string' && id !== '')
				: users;
		const dates = listRecordingsDates(window);
		let recovered = 0;
		for (const userId of userIds) {
			const meetings = await inExpressionIsolate(
				ctx,
				async () =>
					await client.requestAllItems({
						endpoint: 'listUserRecordings',
						pathParameters: { userId },
						qs: { from: dates.from, to: dates.to },
						arrayKey: 'meetings',
					}),
			);
			for (const meeting of recordingsCompletedIn(meetings, window)) {
				const key = recordingKey(meeting);
				if (key === undefined || memory.checkAndRecord(key, Date.now())) continue;
				const body = recoveredEventBody(
					meeting,
					typeof credentials.accountId === 'string' ? credentials.accountId : undefined,
				);
				let data: INodeExecutionData[][];
				try {
					data = await inExpressionIsolate(
						ctx,
						async () =>
							await buildWorkflowData(ctx, body, settings, {
								fields: { recovered: true } as IDataObject,
								credentialType: SERVER_TO_SERVER_CREDENTIAL,
							}),
					);
				} catch (error) {
					memory.forget(key);
					logger.warn(
						`Zoom WebSocket ${where}: recovered recording ${key} could not be prepared: ${(error as Error).message}`,
					);
					continue;
				}
				emitRemembered(data, [key]);
				recovered++;
			}
		}
		logger.info(
			`Zoom WebSocket ${where}: recovered ${recovered} recording(s) completed between ${iso(window.from)} and ${iso(window.to)}`,
		);
	}

	const listener: SubscriptionListener = {
		logger,
		token: async (request) => await accessTokenThroughN8n(ctx, request),
		event: (body) => {
			void deliver(body as ZoomEventBody);
		},
		connected: (gap) => {
			if (!gap) {
				logger.info(`Zoom WebSocket connected: ${where}`);
				return;
			}
			logger.info(
				`Zoom WebSocket connection back: ${where}. Events Zoom sent between ${iso(gap.from)} and ${iso(gap.to)} (${Math.round((gap.to - gap.from) / 1000)} s) are lost: Zoom does not replay them`,
				{ gapFrom: iso(gap.from), gapTo: iso(gap.to) },
			);
			if (settings.options.recoverMissedRecordings && !manual)
				recover(gap).catch((error: unknown) =>
					logger.warn(
						`Zoom WebSocket ${where}: recordings missed between ${iso(gap.from)} and ${iso(gap.to)} could not be recovered: ${(error as Error).message}`,
					),
				);
		},
		disconnected: (reason, at) => {
			logger.warn(
				`Zoom WebSocket connection lost at ${iso(at)}: ${reason}. ${where} reconnects; events Zoom sends until then are lost`,
			);
		},
		outage: (reason, since) => {
			if (manual) return;
			ctx.saveFailedExecution(
				new NodeOperationError(
					node,
					`The Zoom WebSocket connection is down since ${iso(since)} (${reason}). The trigger keeps reconnecting; events Zoom sends meanwhile are lost.`,
				),
			);
		},
	};

	const connection = connectionFor(endpoint.url, factory);
	try {
		await connection.attach(listener);
	} catch (error) {
		await connection.detach(listener);
		throw new NodeOperationError(
			node,
			`Could not connect to Zoom's WebSocket ${redactUrl(endpoint.url)}: ${(error as Error).message}`,
		);
	}
	returned();
	return {
		closeFunction: async () => {
			await connection.detach(listener);
			stopping.abort();
			const dropped = queue.close();
			if (dropped > 0)
				logger.warn(
					`Zoom WebSocket ${where}: ${dropped} received event(s) not yet started are dropped`,
				);
			logger.info(`Zoom WebSocket listener stopped: ${where}`);
		},
	};
}
