/**
 * `npm run dev`: the Zoom simulator (seeded with sample users and meetings) and n8n with this
 * package loaded as a community package, ready-made credentials (named as the shipped summary
 * workflow names them), a demo workflow and a trigger workflow per connection. n8n's data stays in .n8n-dev/ between runs. Ctrl-C stops both.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
	createCredential,
	createN8nHome,
	DEFAULT_OWNER,
	login,
	REPO_ROOT,
	rest,
	setupOwner,
	startN8nServer,
	type Session,
} from '../test/e2e/harness/n8n';
import { SEEDED_CHANNELS, startZoomSimulator, type ZoomSimulator } from '../test/simulator';
import { DEV_SECRET_TOKEN } from './send-event';

const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const SIMULATOR_PORT = Number(process.env.ZOOM_SIMULATOR_PORT ?? 8089);
const SUMMARY_WORKFLOW_FILE = path.join(
	REPO_ROOT,
	'docs/workflows/meeting-summary-to-team-chat.json',
);
/** The credentials are named as the shipped workflow names them, so importing it binds them. */
const credentialNameIn = (type: string): string => {
	const shipped = JSON.parse(readFileSync(SUMMARY_WORKFLOW_FILE, 'utf8')) as {
		nodes: Array<{ credentials?: Record<string, { name: string }> }>;
	};
	const name = shipped.nodes.find((node) => node.credentials?.[type])?.credentials?.[type].name;
	if (!name) throw new Error(`${SUMMARY_WORKFLOW_FILE} names no ${type} credential`);
	return name;
};
const CREDENTIAL_NAME = credentialNameIn('zoomWorkplaceServerToServerOAuthApi');
const WEBHOOK_CREDENTIAL_NAME = credentialNameIn('zoomWorkplaceWebhookApi');
const WORKFLOW_NAME = 'Zoom Workplace demo (simulator)';
const DEV_WEBHOOK_ID = 'zoom-dev-trigger';
const WEBHOOK_WORKFLOW_NAME = 'Zoom trigger: webhook (simulator)';
const WEBSOCKET_WORKFLOW_NAME = 'Zoom trigger: WebSocket (simulator)';

function simulatorCredentialData(sim: ZoomSimulator) {
	return {
		accountId: sim.defaultApp.accountId,
		clientId: sim.defaultApp.clientId,
		clientSecret: sim.defaultApp.clientSecret,
		cloud: 'custom',
		apiBaseUrl: sim.apiBaseUrl,
		oauthBaseUrl: sim.oauthBaseUrl,
		testPath: 'users/me',
	};
}

async function ownerSession(baseUrl: string): Promise<Session> {
	try {
		return await setupOwner({ baseUrl }, DEFAULT_OWNER);
	} catch {
		// The owner exists already (an earlier run): log in instead.
		return await login({ baseUrl }, DEFAULT_OWNER);
	}
}

async function ensureCredential(session: Session, sim: ZoomSimulator): Promise<string> {
	const existing = await rest<Array<{ id: string; name: string; type: string }>>(
		session,
		'GET',
		'/rest/credentials',
	);
	const found = existing.find(
		(c) => c.name === CREDENTIAL_NAME && c.type === 'zoomWorkplaceServerToServerOAuthApi',
	);
	if (found) {
		// The simulator's port may differ from the last run: point the credential at this one.
		await rest(session, 'PATCH', `/rest/credentials/${found.id}`, {
			name: CREDENTIAL_NAME,
			type: found.type,
			data: simulatorCredentialData(sim),
		});
		return found.id;
	}
	const created = await createCredential(session, {
		name: CREDENTIAL_NAME,
		type: 'zoomWorkplaceServerToServerOAuthApi',
		data: simulatorCredentialData(sim),
	});
	return created.id;
}

async function ensureDemoWorkflow(session: Session, credentialId: string): Promise<void> {
	const workflows = await rest<Array<{ name: string }>>(session, 'GET', '/rest/workflows');
	if (workflows.some((w) => w.name === WORKFLOW_NAME)) return;
	await rest(session, 'POST', '/rest/workflows', {
		name: WORKFLOW_NAME,
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {
			'When clicking ‘Execute workflow’': {
				main: [[{ node: 'List meetings', type: 'main', index: 0 }]],
			},
		},
		nodes: [
			{
				id: 'demo-trigger',
				name: 'When clicking ‘Execute workflow’',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'demo-zoom',
				name: 'List meetings',
				type: 'n8n-nodes-zoom.zoomWorkplace',
				typeVersion: 1,
				position: [240, 0],
				parameters: {
					resource: 'meeting',
					operation: 'getAll',
					userId: { __rl: true, mode: 'id', value: 'me' },
					returnAll: true,
				},
				credentials: {
					zoomWorkplaceServerToServerOAuthApi: { id: credentialId, name: CREDENTIAL_NAME },
				},
			},
		],
	});
}

/**
 * How to run the shipped workflow docs/workflows/meeting-summary-to-team-chat.json here: its
 * credentials are the ones this script creates (it names them as the file does, so importing it
 * binds them by name).
 */
function summaryDemoSteps(): string {
	const file = path.relative(process.cwd(), SUMMARY_WORKFLOW_FILE);
	return `  Summary → Team Chat: import ${file} (Workflows → Import from File); its credentials
    "${CREDENTIAL_NAME}" and "${WEBHOOK_CREDENTIAL_NAME}" exist already. Pick the channel "Meeting notes"
    (${SEEDED_CHANNELS.meetingNotes}) in "Post to Team Chat", publish, copy the Production URL of "Summary ready",
    then in another terminal:
      npm run simulator:event -- meeting.summary_completed --webhook <Production URL>`;
}

async function ensureWebhookCredential(session: Session): Promise<string> {
	const existing = await rest<Array<{ id: string; name: string; type: string }>>(
		session,
		'GET',
		'/rest/credentials',
	);
	const found = existing.find(
		(c) => c.name === WEBHOOK_CREDENTIAL_NAME && c.type === 'zoomWorkplaceWebhookApi',
	);
	if (found) return found.id;
	const created = await createCredential(session, {
		name: WEBHOOK_CREDENTIAL_NAME,
		type: 'zoomWorkplaceWebhookApi',
		data: { secretToken: DEV_SECRET_TOKEN },
	});
	return created.id;
}

function triggerWorkflow(name: string, node: Record<string, unknown>) {
	return {
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {},
		nodes: [
			{
				name: 'Zoom Workplace Trigger',
				type: 'n8n-nodes-zoom.zoomWorkplaceTrigger',
				typeVersion: 1,
				position: [0, 0],
				...node,
			},
		],
	};
}

/** The two trigger workflows, the WebSocket one pointed at this run's simulator. */
async function ensureTriggerWorkflows(
	session: Session,
	sim: ZoomSimulator,
	ids: { s2s: string; webhook: string },
): Promise<void> {
	const workflows = await rest<Array<{ id: string; name: string }>>(
		session,
		'GET',
		'/rest/workflows',
	);
	if (!workflows.some((w) => w.name === WEBHOOK_WORKFLOW_NAME))
		await rest(
			session,
			'POST',
			'/rest/workflows',
			triggerWorkflow(WEBHOOK_WORKFLOW_NAME, {
				id: 'dev-webhook-trigger',
				webhookId: DEV_WEBHOOK_ID,
				parameters: { connection: 'webhook', events: ['*'], options: {} },
				credentials: {
					zoomWorkplaceWebhookApi: { id: ids.webhook, name: WEBHOOK_CREDENTIAL_NAME },
				},
			}),
		);
	const webSocketNode = {
		id: 'dev-websocket-trigger',
		parameters: {
			connection: 'webSocket',
			webSocketUrl: sim.webSocketUrl,
			events: ['*'],
			options: {},
		},
		credentials: { zoomWorkplaceServerToServerOAuthApi: { id: ids.s2s, name: CREDENTIAL_NAME } },
	};
	const existing = workflows.find((w) => w.name === WEBSOCKET_WORKFLOW_NAME);
	if (!existing) {
		await rest(
			session,
			'POST',
			'/rest/workflows',
			triggerWorkflow(WEBSOCKET_WORKFLOW_NAME, webSocketNode),
		);
		return;
	}
	// the simulator's port may differ from the last run
	const saved = await rest<{ versionId: string }>(session, 'GET', `/rest/workflows/${existing.id}`);
	const { nodes } = triggerWorkflow(WEBSOCKET_WORKFLOW_NAME, webSocketNode);
	await rest(session, 'PATCH', `/rest/workflows/${existing.id}`, {
		versionId: saved.versionId,
		nodes,
	});
}

async function main(): Promise<void> {
	const sim = await startZoomSimulator({ port: SIMULATOR_PORT, seed: true });
	console.log(`Zoom simulator: ${sim.apiBaseUrl} (OAuth: ${sim.oauthBaseUrl})`);
	const home = await createN8nHome({ userFolder: path.join(REPO_ROOT, '.n8n-dev') });
	console.log('Starting n8n (the first run installs it, about six minutes)…');
	const server = await startN8nServer(home, { port: N8N_PORT });

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the Zoom simulator…');
		await server.stop();
		await sim.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());

	const session = await ownerSession(server.baseUrl);
	const credentialId = await ensureCredential(session, sim);
	await ensureDemoWorkflow(session, credentialId);
	const webhookCredentialId = await ensureWebhookCredential(session);
	await ensureTriggerWorkflows(session, sim, { s2s: credentialId, webhook: webhookCredentialId });
	const testUrl = `${server.baseUrl}/webhook-test/${DEV_WEBHOOK_ID}/webhook`;

	console.log(`
n8n is ready with the Zoom Workplace node and the Zoom simulator.

  Editor:    ${server.baseUrl}
  Login:     ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}   (a local, throw-away owner)
  Credential "${CREDENTIAL_NAME}": Server-to-Server OAuth against ${sim.apiBaseUrl}
  Workflow   "${WORKFLOW_NAME}"
  Simulator app: Account ID ${sim.defaultApp.accountId} · Client ID ${sim.defaultApp.clientId} · Client Secret ${sim.defaultApp.clientSecret}
${summaryDemoSteps()}

  Trigger workflows (open one, click Execute step on the trigger, then send an event):
    "${WEBSOCKET_WORKFLOW_NAME}": Connection WebSocket to ${sim.webSocketUrl}
        npm run simulator:event -- meeting.started --simulator ${sim.url}
    "${WEBHOOK_WORKFLOW_NAME}": Connection Webhook, credential "${WEBHOOK_CREDENTIAL_NAME}" (Secret Token ${DEV_SECRET_TOKEN})
        npm run simulator:event -- meeting.started --webhook ${testUrl} --secret ${DEV_SECRET_TOKEN}
    (published: use /webhook/ instead of /webhook-test/; a published WebSocket workflow keeps its connection)

Press Ctrl-C to stop.`);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
