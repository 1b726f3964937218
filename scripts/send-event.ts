/**
 * `npm run simulator:event -- <event name> [options]`: sends one Zoom event to the trigger, as
 * Zoom would, from the simulator of `npm run dev` (or `npm run simulator`).
 *
 *   npm run simulator:event -- meeting.started
 *       over the simulator's WebSocket subscription, to the trigger with Connection "WebSocket"
 *   npm run simulator:event -- meeting.started --webhook <URL> --secret <Secret Token>
 *       as a signed webhook delivery (validating the URL first, as Zoom does when a subscription
 *       is saved), to the trigger with Connection "Webhook"
 *   npm run simulator:event -- meeting.summary_completed --webhook <URL> --secret <Secret Token>
 *       the newest seeded AI Companion summary; afterwards the script shows what the workflow
 *       posted to the simulator's "Meeting notes" channel (the shipped summary → Team Chat workflow)
 *
 * Options: --simulator <URL> (default http://127.0.0.1:8089, or $ZOOM_SIMULATOR_URL),
 * --subscription <ID>. Event names with a built-in sample: meeting.started, meeting.ended,
 * meeting.created, meeting.deleted, meeting.participant_joined, user.created and the
 * meeting.summary_* events; any other name gets a minimal body.
 */
import { sleep } from 'n8n-workflow';

import {
	DEFAULT_ACCOUNT_ID,
	OWNER_ID,
	SEEDED_CHANNELS,
	seededSummaryUuid,
	type StoredSummary,
} from '../test/simulator';
import {
	sampleEvent,
	summaryEvent,
	ZoomWebhookSender,
	type ZoomEvent,
} from '../test/simulator/webhooks';

/** The Secret Token of the webhook credential `npm run dev` creates (not a secret). */
export const DEV_SECRET_TOKEN = 'devZoomSecretToken01';

interface Args {
	event: string;
	webhook?: string;
	secret?: string;
	simulator: string;
	subscription?: string;
}

function parse(argv: string[]): Args {
	const args: Args = {
		event: 'meeting.started',
		simulator: (process.env.ZOOM_SIMULATOR_URL ?? 'http://127.0.0.1:8089').replace(/\/+$/, ''),
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--webhook') args.webhook = argv[++i];
		else if (arg === '--secret') args.secret = argv[++i];
		else if (arg === '--simulator') args.simulator = argv[++i].replace(/\/+$/, '');
		else if (arg === '--subscription') args.subscription = argv[++i];
		else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
		else args.event = arg;
	}
	return args;
}

/** A Server-to-Server token of the simulator's built-in app, to read what it holds. */
async function simulatorToken(simulator: string): Promise<string> {
	const res = await fetch(
		`${simulator}/oauth/token?grant_type=account_credentials&account_id=${DEFAULT_ACCOUNT_ID}`,
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
		throw new Error(`the simulator at ${simulator} gave no token: is npm run dev running?`);
	return ((await res.json()) as { access_token: string }).access_token;
}

async function api<T>(simulator: string, token: string, path: string): Promise<T> {
	const res = await fetch(`${simulator}/v2${path}`, {
		headers: { authorization: `Bearer ${token}` },
	});
	if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status} ${await res.text()}`);
	return (await res.json()) as T;
}

/** The event's body: for a summary event the newest seeded summary, as Zoom sends it. */
async function eventBody(args: Args, token: () => Promise<string>): Promise<ZoomEvent> {
	if (!args.event.startsWith('meeting.summary_')) return sampleEvent(args.event);
	const uuid = seededSummaryUuid(0);
	const summary = await api<StoredSummary>(
		args.simulator,
		await token(),
		`/meetings/${encodeURIComponent(encodeURIComponent(uuid))}/meeting_summary`,
	);
	return summaryEvent(
		{ ...summary, account_id: DEFAULT_ACCOUNT_ID, meeting_host_id: OWNER_ID },
		{ event: args.event as NonNullable<Parameters<typeof summaryEvent>[1]>['event'] },
	);
}

/** What reached the "Meeting notes" channel since `since` (the shipped workflow posts there). */
async function showMeetingNotes(args: Args, token: string, since: number): Promise<void> {
	const from = new Date(since).toISOString().replace(/\.\d{3}Z$/, 'Z');
	for (let i = 0; i < 40; i++) {
		await sleep(500);
		const { messages } = await api<{ messages: Array<{ message: string }> }>(
			args.simulator,
			token,
			`/chat/users/me/messages?to_channel=${SEEDED_CHANNELS.meetingNotes}&from=${from}&page_size=50`,
		);
		if (messages.length > 0) {
			const first = messages[messages.length - 1];
			console.log(`Posted to "Meeting notes" (${messages.length} message(s)):\n\n${first.message}`);
			return;
		}
	}
	console.log('Nothing reached "Meeting notes" yet: open the workflow\'s executions in n8n.');
}

async function main(): Promise<void> {
	const args = parse(process.argv.slice(2));
	let cachedToken: string | undefined;
	const token = async () => (cachedToken ??= await simulatorToken(args.simulator));
	const body = await eventBody(args, token);
	const since = Date.now() - 5_000;
	if (args.webhook) {
		const secretToken = args.secret ?? DEV_SECRET_TOKEN;
		const sender = new ZoomWebhookSender({ url: args.webhook, secretToken, retryDelaysMs: [] });
		if (!(await sender.validate()))
			throw new Error(
				`URL validation failed: ${JSON.stringify(sender.validations.at(-1))} (is the workflow listening — Execute step — or published, with the webhook credential's Secret Token?)`,
			);
		const delivery = await sender.deliver(body);
		const attempt = delivery.attempts.at(-1);
		console.log(
			`webhook ${args.event}: HTTP ${attempt?.status ?? attempt?.failure} in ${attempt?.ms} ms`,
		);
		if (!delivery.delivered) process.exitCode = 1;
	} else {
		const res = await fetch(`${args.simulator}/_sim/ws/event`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ body, subscriptionId: args.subscription }),
		});
		const answer = (await res.json()) as { delivered?: number };
		if (!answer.delivered) {
			console.error(
				`WebSocket ${args.event}: no open connection to the simulator's subscription (Execute step on the WebSocket trigger, or publish its workflow)`,
			);
			process.exitCode = 1;
			return;
		}
		console.log(`WebSocket ${args.event}: sent over ${answer.delivered} connection`);
	}
	if (args.event === 'meeting.summary_completed' && !process.exitCode)
		await showMeetingNotes(args, await token(), since);
}

if (require.main === module) {
	main().catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
