import assert from 'node:assert/strict';
import { after, before, beforeEach } from 'node:test';

import type {
	IDataObject,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import { ZoomWorkplace } from '../../../nodes/ZoomWorkplace/ZoomWorkplace.node';
import {
	startRecordingProxy,
	type Recorded,
	type RecordingProxy,
} from '../../fixtures/recordingProxy';
import { customCloud } from '../../fixtures/zoom';
import {
	OWNER_ID,
	startZoomSimulator,
	type ZoomMeeting,
	type ZoomSimulator,
} from '../../simulator';
import {
	connectOAuth2,
	createCredentialsStore,
	executeNode,
	type CredentialsStore,
	type ExecuteNodeResult,
} from '../harness';

/*
 * Meeting operations run through real n8n-core (WorkflowExecute) against the Zoom simulator.
 * API calls go through a loopback recording proxy, so the tests also see exactly what the node
 * sent (query strings, bodies with false/0, double-encoded UUIDs). One simulator, proxy and set
 * of credentials (one per type) per test file.
 */

export { rl } from '../../fixtures/zoom';
export type { Recorded, RecordingProxy } from '../../fixtures/recordingProxy';

export const LIST_ROUTE = 'GET /v2/users/{userId}/meetings';

export interface Credential {
	label: string;
	authentication: 'serverToServerOAuth' | 'oAuth2' | 'accessToken';
	type: string;
	ref: INodeCredentialsDetails;
}

export interface MeetingSuite {
	sim: ZoomSimulator;
	proxy: RecordingProxy;
	store: CredentialsStore;
	s2s: Credential;
	accessToken: Credential;
	oAuth2: Credential;
	run(
		operation: string,
		parameters: INodeParameters,
		options?: { credential?: Credential; inputItems?: IDataObject[]; continueOnFail?: boolean },
	): Promise<ExecuteNodeResult>;
	/** The one item of a successful single-item run. */
	onlyItem(result: ExecuteNodeResult): INodeExecutionData;
	/** Requests the node sent with `method`, optionally only those whose path ends with `pathEnd`. */
	sent(method: string, pathEnd?: string): Recorded[];
	/** A scheduled meeting of the account owner, added directly to the simulator. */
	futureMeeting(partial?: Partial<ZoomMeeting>): ZoomMeeting;
}

/** Registers the suite's hooks in the calling `describe` and returns its (lazily filled) state. */
export function meetingSuite(): MeetingSuite {
	const suite = {} as MeetingSuite;

	before(async () => {
		const sim = await startZoomSimulator({ seed: false });
		const proxy = await startRecordingProxy(sim.url);
		const store = createCredentialsStore().store;
		const custom = customCloud(sim, proxy.apiBaseUrl);
		const oauthRef = store.add({
			type: 'zoomWorkplaceOAuth2Api',
			data: {
				...custom,
				clientId: sim.defaultOAuthApp.clientId,
				clientSecret: sim.defaultOAuthApp.clientSecret,
			},
		});
		await connectOAuth2({ store, id: oauthRef.id });
		Object.assign(suite, {
			sim,
			proxy,
			store,
			s2s: {
				label: 'Server-to-Server OAuth',
				authentication: 'serverToServerOAuth',
				type: 'zoomWorkplaceServerToServerOAuthApi',
				ref: store.add({
					type: 'zoomWorkplaceServerToServerOAuthApi',
					data: { ...custom, ...sim.defaultApp },
				}),
			},
			accessToken: {
				label: 'Access Token',
				authentication: 'accessToken',
				type: 'zoomWorkplaceAccessTokenApi',
				ref: store.add({
					type: 'zoomWorkplaceAccessTokenApi',
					data: { ...custom, accessToken: sim.issueAccessToken() },
				}),
			},
			oAuth2: {
				label: 'OAuth2',
				authentication: 'oAuth2',
				type: 'zoomWorkplaceOAuth2Api',
				ref: oauthRef,
			},
		});
	});

	after(async () => {
		await suite.proxy?.close();
		await suite.sim?.close();
	});

	beforeEach(() => {
		suite.proxy.requests.length = 0;
		suite.sim.resetCounters();
	});

	suite.run = async (operation, parameters, options = {}) => {
		const credential = options.credential ?? suite.s2s;
		return await executeNode({
			nodeType: new ZoomWorkplace(),
			parameters: {
				authentication: credential.authentication,
				resource: 'meeting',
				operation,
				...parameters,
			},
			credentials: { [credential.type]: credential.ref },
			credentialsStore: suite.store,
			inputItems: options.inputItems,
			continueOnFail: options.continueOnFail,
		});
	};

	suite.onlyItem = (result) => {
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(result.items.length, 1);
		assert.deepEqual(result.items[0].pairedItem, { item: 0 });
		return result.items[0];
	};

	suite.sent = (method, pathEnd) =>
		suite.proxy.requests.filter(
			(r) => r.method === method && (pathEnd === undefined || r.path.endsWith(pathEnd)),
		);

	suite.futureMeeting = (partial = {}) =>
		suite.sim.state.addMeeting(OWNER_ID, {
			topic: 'Planning',
			start_time: '2030-02-01T10:00:00Z',
			duration: 30,
			...partial,
		});

	return suite;
}
