/**
 * Registrants and webinars in a real n8n 2.41.1 (`n8n execute`), with the package installed as a
 * community node, against the local Zoom simulator: 200 registrants made by a Code node are
 * registered and then approved in one node each, with the request counts batching promises.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { events, OWNER_ID, startZoomSimulator, type ZoomSimulator } from '../simulator';
import { authorizeOAuth2App } from './flows/oauth2';
import { START, connect, layout, rl, zoomNode, type ZoomCredentialRef } from './flows/zoomFlows';
import {
	createN8nHome,
	executeWorkflow,
	importCredentials,
	importWorkflow,
	nodeOutput,
	type N8nHome,
	type N8nRun,
	type WorkflowNode,
} from './harness/n8n';

const REGISTRANTS = 200;

function assertSucceeded(run: N8nRun): void {
	assert.equal(
		run.status,
		'success',
		JSON.stringify(run.data.resultData.error ?? run, null, 2).slice(0, 3000),
	);
}

function pairing(run: N8nRun, nodeName: string): unknown[] {
	const items = run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [];
	return items.map((item) => item.pairedItem);
}

const indexes = (n: number) => Array.from({ length: n }, (_, item) => ({ item }));

/** A Code node that makes `count` people to register. */
function peopleNode(name: string, count: number): WorkflowNode {
	return {
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: {
			jsCode: `return Array.from({ length: ${count} }, (_, i) => ({ json: { email: 'attendee' + i + '@example.com', firstName: 'Attendee', lastName: String(i) } }));`,
		},
	};
}

describe('registrants and webinars in a real n8n', { timeout: 30 * 60_000 }, () => {
	let sim: ZoomSimulator;
	let home: N8nHome | undefined;
	let s2s: ZoomCredentialRef;
	let oAuth2: ZoomCredentialRef;
	let accessToken: ZoomCredentialRef;

	before(
		async () => {
			sim = await startZoomSimulator({ seed: false });
			home = await createN8nHome();
			const custom = {
				cloud: 'custom',
				apiBaseUrl: sim.apiBaseUrl,
				oauthBaseUrl: sim.oauthBaseUrl,
			};
			const [cS2s, cOAuth2, cToken] = await importCredentials(home, [
				{
					name: 'Zoom S2S (registrants e2e)',
					type: 'zoomWorkplaceServerToServerOAuthApi',
					data: { ...sim.defaultApp, ...custom },
				},
				{
					name: 'Zoom OAuth2 (registrants e2e)',
					type: 'zoomWorkplaceOAuth2Api',
					data: {
						clientId: sim.defaultOAuthApp.clientId,
						clientSecret: sim.defaultOAuthApp.clientSecret,
						...custom,
						oauthTokenData: await authorizeOAuth2App(sim.oauthBaseUrl, sim.defaultOAuthApp),
					},
				},
				{
					name: 'Zoom token (registrants e2e)',
					type: 'zoomWorkplaceAccessTokenApi',
					data: { accessToken: sim.issueAccessToken({ lifetimeSeconds: 24 * 3600 }), ...custom },
				},
			]);
			s2s = { authentication: 'serverToServerOAuth', id: cS2s.id, name: cS2s.name };
			oAuth2 = { authentication: 'oAuth2', id: cOAuth2.id, name: cOAuth2.name };
			accessToken = { authentication: 'accessToken', id: cToken.id, name: cToken.name };
		},
		{ timeout: 25 * 60_000 },
	);

	after(async () => {
		await home?.cleanup();
		await sim?.close();
	});

	it(`${REGISTRANTS} registrants from a Code node are registered, then approved in one node: exact counts, pairing and batched requests`, async () => {
		const meeting = sim.state.addMeeting(OWNER_ID, {
			topic: 'Launch event',
			type: 2,
			start_time: '2030-09-01T16:00:00Z',
			settings: { approval_type: 1 },
		});
		const nodes = layout([
			[START, peopleNode('People', REGISTRANTS)],
			[
				zoomNode('Register', s2s, {
					resource: 'meetingRegistrant',
					operation: 'create',
					meetingId: rl(meeting.id),
					email: '={{ $json.email }}',
					firstName: '={{ $json.firstName }}',
					additionalFields: { lastName: '={{ $json.lastName }}' },
				}),
				zoomNode('Approve', s2s, {
					resource: 'meetingRegistrant',
					operation: 'updateStatus',
					meetingId: rl(meeting.id),
					registrantId: '={{ $json.registrant_id }}',
					action: 'approve',
				}),
			],
		]);
		const id = await importWorkflow(home!, {
			name: 'e2e registrants: register and approve 200',
			nodes,
			connections: connect([
				['Start', 'People'],
				['People', 'Register'],
				['Register', 'Approve'],
			]),
		});
		sim.resetCounters();
		const run = await executeWorkflow(home!, id);
		assertSucceeded(run);

		const registered = nodeOutput(run, 'Register');
		assert.equal(registered.length, REGISTRANTS);
		assert.deepEqual(pairing(run, 'Register'), indexes(REGISTRANTS));
		registered.forEach((json, i) => {
			assert.equal(json.email, `attendee${i}@example.com`);
			assert.equal(json.id, meeting.id);
			assert.equal(typeof json.registrant_id, 'string');
		});

		const approved = nodeOutput(run, 'Approve');
		assert.equal(approved.length, REGISTRANTS);
		assert.deepEqual(pairing(run, 'Approve'), indexes(REGISTRANTS));
		approved.forEach((json, i) => {
			assert.equal(json.registrant_id, registered[i].registrant_id);
			assert.equal(json.status, 'approved');
		});

		const stored = events(sim.state).registrantsOf('meeting', meeting.id);
		assert.equal(stored.length, REGISTRANTS);
		assert.equal(new Set(stored.map((r) => r.email)).size, REGISTRANTS);
		assert.ok(stored.every((r) => r.status === 'approved'));

		const batches = Math.ceil(REGISTRANTS / 30);
		const requests = sim.counters.requests;
		assert.equal(requests['POST /v2/meetings/{meetingId}/batch_registrants'], batches);
		assert.equal(requests['POST /v2/meetings/{meetingId}/registrants'] ?? 0, 0);
		assert.equal(requests['GET /v2/meetings/{meetingId}'], 1);
		assert.equal(requests['PUT /v2/meetings/{meetingId}/registrants/status'], batches);
		assert.equal(sim.counters.totalApiRequests, 2 * batches + 1);
	});

	it('webinar, panelists and webinar registrants with OAuth2 and an Access Token', async () => {
		const nodes = layout([
			[
				START,
				zoomNode('Webinar', oAuth2, {
					resource: 'webinar',
					operation: 'create',
					userId: rl('me'),
					topic: 'Partner webinar',
					additionalFields: {
						startTime: '2030-10-01T17:00:00Z',
						duration: 60,
						settings: { approvalType: 0, panelistsVideo: true },
					},
				}),
				zoomNode('Panelist', accessToken, {
					resource: 'webinarPanelist',
					operation: 'add',
					webinarId: rl('={{ $json.id }}'),
					email: 'speaker@example.com',
					name: 'Speaker',
					additionalFields: {},
				}),
				zoomNode('Registrant', accessToken, {
					resource: 'webinarRegistrant',
					operation: 'create',
					webinarId: rl("={{ $('Webinar').item.json.id }}"),
					email: 'guest@example.com',
					firstName: 'Guest',
					additionalFields: {},
				}),
				zoomNode('Registrants', oAuth2, {
					resource: 'webinarRegistrant',
					operation: 'getAll',
					webinarId: rl("={{ $('Webinar').item.json.id }}"),
					returnAll: true,
				}),
			],
		]);
		const id = await importWorkflow(home!, {
			name: 'e2e webinar chain',
			nodes,
			connections: connect([
				['Start', 'Webinar'],
				['Webinar', 'Panelist'],
				['Panelist', 'Registrant'],
				['Registrant', 'Registrants'],
			]),
		});
		const run = await executeWorkflow(home!, id);
		assertSucceeded(run);
		const [webinar] = nodeOutput(run, 'Webinar');
		assert.equal(webinar.topic, 'Partner webinar');
		const [panelist] = nodeOutput(run, 'Panelist');
		assert.equal(panelist.email, 'speaker@example.com');
		assert.equal(typeof panelist.panelist_id, 'string');
		const [registrant] = nodeOutput(run, 'Registrant');
		assert.equal(registrant.id, webinar.id);
		const listed = nodeOutput(run, 'Registrants');
		assert.deepEqual(
			listed.map((r) => r.email),
			['guest@example.com'],
		);
		assert.equal(events(sim.state).panelistsOf(Number(webinar.id)).length, 1);
	});
});
