import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeCredentialsDetails, INodeParameters } from 'n8n-workflow';

import { ZoomWorkplace } from '../../../nodes/ZoomWorkplace/ZoomWorkplace.node';
import { startZoomSimulator, type ZoomSimulator } from '../../simulator';
import {
	connectOAuth2,
	createCredentialsStore,
	executeNode,
	type CredentialsStore,
} from '../harness';

/*
 * Shared set-up of the recording, past-meeting and report integration tests: the Zoom simulator,
 * a loopback proxy in front of its API that records what the node sent, and one saved
 * credential of each type.
 */

export interface Recorded {
	method: string;
	/** Raw (still encoded) path, e.g. /v2/past_meetings/%252Fabc */
	path: string;
	query: URLSearchParams;
}

export interface Credential {
	label: string;
	authentication: 'serverToServerOAuth' | 'oAuth2' | 'accessToken';
	type: string;
	ref: INodeCredentialsDetails;
}

export interface Setup {
	sim: ZoomSimulator;
	store: CredentialsStore;
	requests: Recorded[];
	credentials: Credential[];
	run(
		resource: string,
		operation: string,
		parameters: INodeParameters,
		options?: { credential?: Credential; inputItems?: IDataObject[]; continueOnFail?: boolean },
	): ReturnType<typeof executeNode>;
	close(): Promise<void>;
}

async function startProxy(targetOrigin: string, requests: Recorded[]) {
	const target = new URL(targetOrigin);
	const server: Server = createServer((req, res) => {
		const url = req.url ?? '/';
		const q = url.indexOf('?');
		requests.push({
			method: req.method ?? 'GET',
			path: q < 0 ? url : url.slice(0, q),
			query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)),
		});
		const upstream = httpRequest(
			{
				host: target.hostname,
				port: target.port,
				path: url,
				method: req.method,
				headers: { ...req.headers, host: target.host },
			},
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		upstream.on('error', (error) => {
			res.writeHead(502);
			res.end(String(error));
		});
		req.pipe(upstream);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		apiBaseUrl: `http://127.0.0.1:${port}/v2`,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

export function rl(value: string | number, mode = 'id') {
	return { __rl: true, mode, value: String(value) };
}

export async function startSetup(): Promise<Setup> {
	const sim = await startZoomSimulator({ seed: false });
	const requests: Recorded[] = [];
	const proxy = await startProxy(sim.url, requests);
	const { store } = createCredentialsStore();
	const custom = { cloud: 'custom', apiBaseUrl: proxy.apiBaseUrl, oauthBaseUrl: sim.oauthBaseUrl };
	const oauthRef = store.add({
		type: 'zoomWorkplaceOAuth2Api',
		data: {
			...custom,
			clientId: sim.defaultOAuthApp.clientId,
			clientSecret: sim.defaultOAuthApp.clientSecret,
		},
	});
	await connectOAuth2({ store, id: oauthRef.id });
	const credentials: Credential[] = [
		{
			label: 'Server-to-Server OAuth',
			authentication: 'serverToServerOAuth',
			type: 'zoomWorkplaceServerToServerOAuthApi',
			ref: store.add({
				type: 'zoomWorkplaceServerToServerOAuthApi',
				data: { ...custom, ...sim.defaultApp },
			}),
		},
		{
			label: 'OAuth2',
			authentication: 'oAuth2',
			type: 'zoomWorkplaceOAuth2Api',
			ref: oauthRef,
		},
		{
			label: 'Access Token',
			authentication: 'accessToken',
			type: 'zoomWorkplaceAccessTokenApi',
			ref: store.add({
				type: 'zoomWorkplaceAccessTokenApi',
				data: { ...custom, accessToken: sim.issueAccessToken({ lifetimeSeconds: 86400 }) },
			}),
		},
	];
	return {
		sim,
		store,
		requests,
		credentials,
		async run(resource, operation, parameters, options = {}) {
			const credential = options.credential ?? credentials[0];
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
		async close() {
			await proxy.close();
			await sim.close();
		},
	};
}
