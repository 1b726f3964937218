/**
 * `npm run dev`: the Zoom simulator (seeded with sample users and meetings) and n8n with this
 * package loaded as a community package, a ready-made "Zoom simulator" credential and a demo
 * workflow. n8n's data stays in .n8n-dev/ between runs. Ctrl-C stops both.
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
import { DEV_WEBHOOK_SECRET } from './sendSummaryEvent';

const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const SIMULATOR_PORT = Number(process.env.ZOOM_SIMULATOR_PORT ?? 8089);
const CREDENTIAL_NAME = 'Zoom simulator';
const WORKFLOW_NAME = 'Zoom Workplace demo (simulator)';

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
 * For the shipped workflow docs/workflows/meeting-summary-to-team-chat.json: the credentials it
 * names (created once, pointed at this simulator), so importing the file binds them by name.
 * Returns the lines that tell the user what to do.
 */
async function ensureSummaryDemo(session: Session, sim: ZoomSimulator): Promise<string> {
	const file = path.join(REPO_ROOT, 'docs/workflows/meeting-summary-to-team-chat.json');
	const shipped = JSON.parse(readFileSync(file, 'utf8')) as {
		nodes: Array<{ credentials?: Record<string, { name: string }> }>;
	};
	const nameOf = (type: string) =>
		shipped.nodes.find((node) => node.credentials?.[type])?.credentials?.[type].name ?? type;
	const wanted = [
		{ type: 'zoomWorkplaceServerToServerOAuthApi', data: simulatorCredentialData(sim) },
		{ type: 'zoomWorkplaceWebhookApi', data: { secretToken: DEV_WEBHOOK_SECRET } },
	];
	const existing = await rest<Array<{ id: string; name: string; type: string }>>(
		session,
		'GET',
		'/rest/credentials',
	);
	for (const { type, data } of wanted) {
		const name = nameOf(type);
		const found = existing.find((c) => c.name === name && c.type === type);
		if (found) await rest(session, 'PATCH', `/rest/credentials/${found.id}`, { name, type, data });
		else await createCredential(session, { name, type, data });
	}
	return `  Summary → Team Chat: import ${path.relative(process.cwd(), file)} (Workflows → Import from File);
    its credentials "${nameOf('zoomWorkplaceServerToServerOAuthApi')}" and "${nameOf('zoomWorkplaceWebhookApi')}" exist already.
    Pick the channel "Meeting notes" (${SEEDED_CHANNELS.meetingNotes}) in "Post to Team Chat", publish,
    copy the Production URL of "Summary ready", then in another terminal:
      npm run dev:summary-event -- <Production URL>`;
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
	const summaryDemo = await ensureSummaryDemo(session, sim);

	console.log(`
n8n is ready with the Zoom Workplace node and the Zoom simulator.

  Editor:    ${server.baseUrl}
  Login:     ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password}   (a local, throw-away owner)
  Credential "${CREDENTIAL_NAME}": Server-to-Server OAuth against ${sim.apiBaseUrl}
  Workflow   "${WORKFLOW_NAME}"
  Simulator app: Account ID ${sim.defaultApp.accountId} · Client ID ${sim.defaultApp.clientId} · Client Secret ${sim.defaultApp.clientSecret}
${summaryDemo}

Press Ctrl-C to stop.`);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
