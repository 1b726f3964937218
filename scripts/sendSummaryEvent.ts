/**
 * `npm run dev:summary-event -- <Production URL>`: what Zoom does when an AI Companion summary is
 * ready, against the `npm run dev` simulator — validates the URL (as Zoom does when an event
 * subscription is saved), then sends a signed `meeting.summary_completed` for the newest seeded
 * summary, and shows what the workflow posted to the simulator's "Meeting notes" channel.
 */
import {
	DEFAULT_ACCOUNT_ID,
	OWNER_ID,
	SEEDED_CHANNELS,
	seededSummaryUuid,
	type StoredSummary,
} from '../test/simulator';
import { summaryEvent, ZoomWebhookSender } from '../test/simulator/webhooks';

/** The Secret Token of the simulator's webhook credential in `npm run dev` (not a secret). */
export const DEV_WEBHOOK_SECRET = 'dev-simulator-secret-token';

const SIMULATOR = `http://127.0.0.1:${Number(process.env.ZOOM_SIMULATOR_PORT ?? 8089)}`;

async function simulatorToken(): Promise<string> {
	const res = await fetch(
		`${SIMULATOR}/oauth/token?grant_type=account_credentials&account_id=${DEFAULT_ACCOUNT_ID}`,
		{
			method: 'POST',
			headers: {
				authorization: `Basic ${Buffer.from('sim-client-id:sim-client-secret').toString('base64')}`,
				'content-type': 'application/x-www-form-urlencoded',
			},
			body: `grant_type=account_credentials&account_id=${DEFAULT_ACCOUNT_ID}`,
		},
	);
	if (!res.ok)
		throw new Error(`the simulator at ${SIMULATOR} gave no token: is npm run dev running?`);
	return ((await res.json()) as { access_token: string }).access_token;
}

async function api<T>(token: string, path: string): Promise<T> {
	const res = await fetch(`${SIMULATOR}/v2${path}`, {
		headers: { authorization: `Bearer ${token}` },
	});
	if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status} ${await res.text()}`);
	return (await res.json()) as T;
}

async function main(): Promise<void> {
	const url = process.argv[2];
	if (!url || !/^https?:\/\//.test(url)) {
		console.error(
			'Usage: npm run dev:summary-event -- <the Production URL of the workflow\'s "Summary ready" node>',
		);
		process.exit(2);
	}
	const token = await simulatorToken();
	const uuid = seededSummaryUuid(0);
	const summary = await api<StoredSummary>(
		token,
		`/meetings/${encodeURIComponent(encodeURIComponent(uuid))}/meeting_summary`,
	);
	const sender = new ZoomWebhookSender({ url, secretToken: DEV_WEBHOOK_SECRET, retryDelaysMs: [] });
	if (!(await sender.validate())) {
		const attempt = sender.validations[0];
		throw new Error(
			`${url} did not validate (HTTP ${attempt.status ?? '-'} ${attempt.failure ?? ''}): is the workflow published, with the "Zoom Workplace Webhook" credential?`,
		);
	}
	const since = Date.now() - 5_000;
	const delivery = await sender.deliver(
		summaryEvent({ ...summary, account_id: DEFAULT_ACCOUNT_ID, meeting_host_id: OWNER_ID }),
	);
	const attempt = delivery.attempts[delivery.attempts.length - 1];
	console.log(
		`meeting.summary_completed "${summary.meeting_topic}" → HTTP ${attempt.status ?? '-'}`,
	);
	if (!delivery.delivered) process.exit(1);
	// The workflow posts a moment later: show what reached the channel.
	for (let i = 0; i < 40; i++) {
		await new Promise((r) => setTimeout(r, 500));
		const { messages } = await api<{ messages: Array<{ message: string; timestamp: number }> }>(
			token,
			`/chat/users/me/messages?to_channel=${SEEDED_CHANNELS.meetingNotes}&from=${new Date(since).toISOString().replace(/\.\d{3}Z$/, 'Z')}&page_size=50`,
		);
		if (messages.length > 0) {
			const first = messages[messages.length - 1];
			console.log(`Posted to "Meeting notes" (${messages.length} message(s)):\n\n${first.message}`);
			return;
		}
	}
	console.log('Nothing reached "Meeting notes" yet: open the workflow\'s executions in n8n.');
}

if (require.main === module) {
	main().catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
