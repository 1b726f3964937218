/**
 * The node has both a webhook (Connection: Webhook) and a trigger() (Connection: WebSocket).
 * n8n 2.41 runs a node's trigger() whenever it executes that node in a manual run
 * (WorkflowExecute.runNode checks `nodeType.trigger` before `nodeType.webhook`), also when the
 * manual run was started by a test webhook: the webhook's items are then the node's input, which
 * trigger() cannot see. So webhook() leaves the items of a manual (test) delivery here, and
 * trigger() in a manual webhook-mode run emits them. Both run in the n8n process that received
 * the test request, one after the other.
 */
import type { INodeExecutionData } from 'n8n-workflow';

/** A test delivery not picked up within this time is dropped (its run never started). */
export const HANDOFF_TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 100;

interface Entry {
	data: INodeExecutionData[][];
	at: number;
}

const entries = new Map<string, Entry[]>();

function evict(now: number): void {
	let total = 0;
	for (const [key, list] of entries) {
		const fresh = list.filter((entry) => now - entry.at < HANDOFF_TTL_MS);
		if (fresh.length === 0) entries.delete(key);
		else {
			entries.set(key, fresh);
			total += fresh.length;
		}
	}
	while (total > MAX_ENTRIES) {
		const [oldestKey, list] = entries.entries().next().value as [string, Entry[]];
		list.shift();
		total--;
		if (list.length === 0) entries.delete(oldestKey);
	}
}

export function handoffKey(workflowId: string | undefined, nodeId: string): string {
	return `${workflowId ?? ''}\u0000${nodeId}`;
}

export function leaveManualDelivery(key: string, data: INodeExecutionData[][], now: number): void {
	evict(now);
	const list = entries.get(key) ?? [];
	list.push({ data, at: now });
	entries.set(key, list);
}

export function takeManualDelivery(key: string, now: number): INodeExecutionData[][] | undefined {
	evict(now);
	const list = entries.get(key);
	const entry = list?.shift();
	if (list && list.length === 0) entries.delete(key);
	return entry?.data;
}
