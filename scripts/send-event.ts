/**
 * `npm run simulator:event -- <event name> [options]`: sends one Zoom event to the trigger.
 *
 *   npm run simulator:event -- meeting.started
 *       over the simulator's WebSocket subscription (the simulator must be running: `npm run dev`
 *       or `npm run simulator`), to the trigger with Connection "WebSocket"
 *   npm run simulator:event -- meeting.started --webhook <URL> --secret <Secret Token>
 *       as a signed webhook delivery (validating the URL first, as Zoom does), to the trigger with
 *       Connection "Webhook"
 *
 * Options: --simulator <URL> (default http://127.0.0.1:8089), --subscription <ID>.
 * Event names with a built-in sample: meeting.started, meeting.ended, meeting.created,
 * meeting.deleted, meeting.participant_joined, user.created; any other name gets a minimal body.
 */
import { sampleEvent, ZoomWebhookSender } from '../test/simulator/webhooks';

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
		simulator: process.env.ZOOM_SIMULATOR_URL ?? 'http://127.0.0.1:8089',
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--webhook') args.webhook = argv[++i];
		else if (arg === '--secret') args.secret = argv[++i];
		else if (arg === '--simulator') args.simulator = argv[++i];
		else if (arg === '--subscription') args.subscription = argv[++i];
		else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
		else args.event = arg;
	}
	return args;
}

async function main(): Promise<void> {
	const args = parse(process.argv.slice(2));
	if (args.webhook) {
		if (!args.secret) throw new Error('--webhook needs --secret <the credential\'s Secret Token>');
		const sender = new ZoomWebhookSender({ url: args.webhook, secretToken: args.secret, retryDelaysMs: [] });
		if (!(await sender.validate()))
			throw new Error(
				`URL validation failed: ${JSON.stringify(sender.validations.at(-1))} (is the workflow listening — Execute step — or published?)`,
			);
		const delivery = await sender.deliver(sampleEvent(args.event));
		const attempt = delivery.attempts.at(-1);
		console.log(`webhook ${args.event}: HTTP ${attempt?.status ?? attempt?.failure} in ${attempt?.ms} ms`);
		if (!delivery.delivered) process.exitCode = 1;
		return;
	}
	const res = await fetch(`${args.simulator.replace(/\/+$/, '')}/_sim/ws/event`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ event: args.event, subscriptionId: args.subscription }),
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

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
