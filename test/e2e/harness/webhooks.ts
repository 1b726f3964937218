/**
 * End-to-end helpers for webhook-triggered workflows in a real n8n (2.41 REST API, as the editor
 * uses it): create and publish a workflow, find its webhook URLs, list its executions, read an
 * execution's items and stream its binary files.
 */
import { createHash } from 'node:crypto';

import { n8nId, rest, type Session, type WorkflowNode } from './n8n';

export const TRIGGER_TYPE = 'n8n-nodes-zoom.zoomWorkplaceTrigger';
export const WEBHOOK_CREDENTIAL_TYPE = 'zoomWorkplaceWebhookApi';

export interface SavedWorkflow {
	id: string;
	versionId: string;
	active?: boolean;
	[key: string]: unknown;
}

/** `POST /rest/workflows` (the owner's personal project). */
export async function createWorkflow(
	session: Session,
	workflow: { name: string; nodes: WorkflowNode[]; connections?: Record<string, unknown> },
): Promise<SavedWorkflow> {
	return await rest<SavedWorkflow>(session, 'POST', '/rest/workflows', {
		name: workflow.name,
		nodes: workflow.nodes.map((node, i) => ({
			id: node.id ?? `node-${i}`,
			position: node.position ?? [i * 220, 0],
			...node,
		})),
		connections: workflow.connections ?? {},
		settings: { executionOrder: 'v1' },
	});
}

export interface PublicationStatus {
	status: string;
	liveVersionId: string | null;
	pendingVersionId: string | null;
	triggers: Array<{ nodeId: string; status: string; errorMessage: string | null }>;
}

/**
 * Publishes (activates) the saved version: `POST /rest/workflows/:id/activate {versionId}`.
 * n8n 2.41 publishes through an outbox, after the call returns: this waits until
 * `GET /rest/workflows/:id/publication-status` says "published" (webhooks registered), and fails
 * with the trigger's error when a trigger could not be activated.
 */
export async function publishWorkflow(
	session: Session,
	wf: SavedWorkflow,
	timeoutMs = 30_000,
): Promise<SavedWorkflow> {
	const published = await rest<SavedWorkflow>(
		session,
		'POST',
		`/rest/workflows/${wf.id}/activate`,
		{
			versionId: wf.versionId,
		},
	);
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const status = await rest<PublicationStatus>(
			session,
			'GET',
			`/rest/workflows/${wf.id}/publication-status`,
		);
		const failed = status.triggers.find((t) => t.errorMessage);
		if (failed)
			throw new Error(`publishing ${wf.id}: trigger ${failed.nodeId}: ${failed.errorMessage}`);
		if (status.status === 'published' && status.liveVersionId === wf.versionId) return published;
		if (Date.now() > deadline)
			throw new Error(`publishing ${wf.id}: still ${JSON.stringify(status)} after ${timeoutMs} ms`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

export async function unpublishWorkflow(session: Session, id: string): Promise<void> {
	await rest(session, 'POST', `/rest/workflows/${id}/deactivate`, {});
}

/** n8n's URLs for a webhook node with `webhookId` and the path `webhook`. */
export function webhookUrls(baseUrl: string, webhookId: string, path = 'webhook') {
	return {
		production: `${baseUrl}/webhook/${webhookId}/${path}`,
		test: `${baseUrl}/webhook-test/${webhookId}/${path}`,
	};
}

/** A Zoom Workplace Trigger node with a fixed webhookId (so its URL is known in advance). */
export function triggerNode(options: {
	credential: { id: string; name: string };
	events: string[];
	options?: Record<string, unknown>;
	name?: string;
	webhookId?: string;
	/** 1 (saved workflows) unless given; new nodes get 1.1 */
	typeVersion?: number;
}): WorkflowNode & { webhookId: string } {
	return {
		name: options.name ?? 'Zoom Workplace Trigger',
		type: TRIGGER_TYPE,
		typeVersion: options.typeVersion ?? 1,
		webhookId: options.webhookId ?? n8nId().toLowerCase(),
		parameters: { events: options.events, options: options.options ?? {} },
		credentials: { [WEBHOOK_CREDENTIAL_TYPE]: options.credential },
	};
}

/** n8n's own Webhook node (POST, answers when received), for comparisons. */
export function plainWebhookNode(webhookId = n8nId().toLowerCase()): WorkflowNode & {
	webhookId: string;
} {
	return {
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId,
		parameters: { httpMethod: 'POST', path: webhookId, options: {} },
	};
}

export interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
	workflowId: string;
	[key: string]: unknown;
}

/**
 * `GET /rest/executions?filter={"workflowId":…}`: the newest `limit` (at most 100, n8n's page
 * size limit) executions, newest first.
 */
export async function listExecutions(
	session: Session,
	workflowId: string,
	limit = 100,
): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const data = await rest<{ results: ExecutionSummary[] }>(
		session,
		'GET',
		`/rest/executions?filter=${filter}&limit=${limit}`,
	);
	return data.results;
}

/** Polls until the workflow has at least `count` finished executions; returns them all. */
export async function waitForExecutions(
	session: Session,
	workflowId: string,
	count: number,
	timeoutMs = 60_000,
): Promise<ExecutionSummary[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const executions = await listExecutions(session, workflowId);
		const finished = executions.filter((e) => !['new', 'running', 'waiting'].includes(e.status));
		if (finished.length >= count) return finished;
		if (Date.now() > deadline)
			throw new Error(
				`workflow ${workflowId}: ${finished.length} finished executions after ${timeoutMs} ms, expected ${count}`,
			);
		await new Promise((r) => setTimeout(r, 250));
	}
}

/** The flatted format n8n stores execution data in (github.com/WebReflection/flatted). */
export function parseFlatted(text: string): unknown {
	const input = JSON.parse(text) as unknown[];
	const cache = new Map<number, unknown>();
	const resolve = (index: number): unknown => {
		if (cache.has(index)) return cache.get(index);
		const entry = input[index];
		if (typeof entry !== 'object' || entry === null) {
			cache.set(index, entry);
			return entry;
		}
		const out: Record<string, unknown> | unknown[] = Array.isArray(entry) ? [] : {};
		cache.set(index, out);
		for (const [key, value] of Object.entries(entry))
			(out as Record<string, unknown>)[key] =
				typeof value === 'string' ? resolve(Number(value)) : value;
		return out;
	};
	return resolve(0);
}

export interface ExecutionItem {
	json: Record<string, unknown>;
	binary?: Record<
		string,
		{ id?: string; fileName?: string; mimeType?: string; bytes?: number; fileSize?: string }
	>;
}

/** The items a node output in an execution (`GET /rest/executions/:id`). */
export async function executionItems(
	session: Session,
	executionId: string,
	nodeName: string,
): Promise<ExecutionItem[]> {
	const execution = await rest<{ data: string; status: string }>(
		session,
		'GET',
		`/rest/executions/${executionId}`,
	);
	const data = parseFlatted(execution.data) as {
		resultData: {
			runData: Record<string, Array<{ data?: { main?: Array<ExecutionItem[] | null> } }>>;
		};
	};
	const runs = data.resultData.runData[nodeName];
	if (!runs?.length) throw new Error(`execution ${executionId}: node "${nodeName}" did not run`);
	return runs[0].data?.main?.[0] ?? [];
}

/** Streams a binary file out of n8n (`GET /rest/binary-data?id=…&action=download`). */
export async function binaryDigest(
	session: Session,
	binaryId: string,
): Promise<{ bytes: number; sha256: string; contentType: string | null }> {
	const res = await fetch(
		`${session.baseUrl}/rest/binary-data?id=${encodeURIComponent(binaryId)}&action=download`,
		{ headers: { cookie: session.cookie } },
	);
	if (res.status !== 200 || !res.body)
		throw new Error(`GET /rest/binary-data ${binaryId} → HTTP ${res.status}`);
	const hash = createHash('sha256');
	let bytes = 0;
	for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
		hash.update(chunk);
		bytes += chunk.length;
	}
	return { bytes, sha256: hash.digest('hex'), contentType: res.headers.get('content-type') };
}
