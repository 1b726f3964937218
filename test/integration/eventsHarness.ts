/**
 * Shared set-up of the registrant, webinar and panelist integration tests: the Zoom simulator
 * behind a recording proxy (so a test sees exactly what the node sent, and every request is
 * checked against Zoom's spec), one credential of each type, and a runner through real n8n-core.
 */
import type { IDataObject, INodeCredentialsDetails, INodeParameters } from 'n8n-workflow';

import { ZoomWorkplace } from '../../nodes/ZoomWorkplace/ZoomWorkplace.node';
import { startZoomSimulator, type ZoomSimulator } from '../simulator';
import {
	startRecordingProxy,
	type Recorded,
	type RecordingProxy,
} from '../fixtures/recordingProxy';
import { describeViolations } from '../simulator/spec';
import {
	connectOAuth2,
	createCredentialsStore,
	executeNode,
	type CredentialsStore,
} from './harness';

export interface Credential {
	label: string;
	authentication: 'serverToServerOAuth' | 'oAuth2' | 'accessToken';
	type: string;
	ref: INodeCredentialsDetails;
}

export interface EventsHarness {
	sim: ZoomSimulator;
	proxy: RecordingProxy;
	store: CredentialsStore;
	credentials: Credential[];
	run(
		resource: string,
		operation: string,
		parameters: INodeParameters,
		options?: { credential?: Credential; inputItems?: IDataObject[]; continueOnFail?: boolean },
	): ReturnType<typeof executeNode>;
	/** API requests the node sent (not token requests). */
	apiRequests(): Recorded[];
	/** Zoom's OpenAPI spec violations of the requests since the last call (the simulator checks each). */
	specProblems(): string[];
	reset(): void;
	close(): Promise<void>;
}

export async function startEventsHarness(): Promise<EventsHarness> {
	const sim = await startZoomSimulator({ seed: false });
	const proxy = await startRecordingProxy(sim.url);
	const store = createCredentialsStore().store;
	const custom = { cloud: 'custom', apiBaseUrl: proxy.apiBaseUrl, oauthBaseUrl: sim.oauthBaseUrl };
	const s2s: Credential = {
		label: 'Server-to-Server OAuth',
		authentication: 'serverToServerOAuth',
		type: 'zoomWorkplaceServerToServerOAuthApi',
		ref: store.add({
			type: 'zoomWorkplaceServerToServerOAuthApi',
			data: { ...custom, ...sim.defaultApp },
		}),
	};
	const accessToken: Credential = {
		label: 'Access Token',
		authentication: 'accessToken',
		type: 'zoomWorkplaceAccessTokenApi',
		ref: store.add({
			type: 'zoomWorkplaceAccessTokenApi',
			data: { ...custom, accessToken: sim.issueAccessToken({ lifetimeSeconds: 24 * 3600 }) },
		}),
	};
	const oauthRef = store.add({
		type: 'zoomWorkplaceOAuth2Api',
		data: {
			...custom,
			clientId: sim.defaultOAuthApp.clientId,
			clientSecret: sim.defaultOAuthApp.clientSecret,
		},
	});
	await connectOAuth2({ store, id: oauthRef.id });
	const oAuth2: Credential = {
		label: 'OAuth2',
		authentication: 'oAuth2',
		type: 'zoomWorkplaceOAuth2Api',
		ref: oauthRef,
	};
	const apiRequests = () => proxy.requests.filter((r) => r.path.startsWith('/v2/'));
	return {
		sim,
		proxy,
		store,
		credentials: [s2s, oAuth2, accessToken],
		async run(resource, operation, parameters, options = {}) {
			const credential = options.credential ?? s2s;
			return await executeNode({
				nodeType: new ZoomWorkplace(),
				parameters: {
					authentication: credential.authentication,
					resource,
					operation,
					...parameters,
				},
				credentials: { [credential.type]: credential.ref },
				credentialsStore: store,
				inputItems: options.inputItems,
				continueOnFail: options.continueOnFail,
			});
		},
		apiRequests,
		specProblems: () => {
			const violations = sim.takeSpecViolations();
			return violations.length ? [describeViolations(violations)] : [];
		},
		reset() {
			proxy.requests.length = 0;
			sim.resetCounters();
		},
		async close() {
			await proxy.close();
			await sim.close();
		},
	};
}

/** A resource locator value as the editor stores it. */
export function rl(value: string | number, mode = 'id') {
	return { __rl: true, mode, value: String(value) };
}
