/**
 * Shared set-up of the registrant, webinar and panelist integration tests: the Zoom simulator
 * behind a recording proxy (so a test sees exactly what the node sent, and every request is
 * checked against Zoom's spec), one credential of each type, and a runner through real n8n-core.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeCredentialsDetails, INodeParameters } from 'n8n-workflow';

import { ZoomWorkplace } from '../../nodes/ZoomWorkplace/ZoomWorkplace.node';
import { startZoomSimulator, type ZoomSimulator } from '../simulator';
import { SpecValidator, type RecordedRequest } from './eventsSpec';
import {
	connectOAuth2,
	createCredentialsStore,
	executeNode,
	type CredentialsStore,
} from './harness';

export interface RecordingProxy {
	apiBaseUrl: string;
	requests: RecordedRequest[];
	close(): Promise<void>;
}

export async function startRecordingProxy(targetOrigin: string): Promise<RecordingProxy> {
	const requests: RecordedRequest[] = [];
	const target = new URL(targetOrigin);
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks);
			const url = req.url ?? '/';
			const q = url.indexOf('?');
			let body: IDataObject | undefined;
			try {
				body = raw.length ? (JSON.parse(raw.toString('utf8')) as IDataObject) : undefined;
			} catch {
				body = { unparsed: raw.toString('utf8') };
			}
			requests.push({
				method: req.method ?? 'GET',
				path: q < 0 ? url : url.slice(0, q),
				query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)),
				body,
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
			upstream.end(raw);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		apiBaseUrl: `http://127.0.0.1:${port}/v2`,
		requests,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

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
	spec: SpecValidator;
	run(
		resource: string,
		operation: string,
		parameters: INodeParameters,
		options?: { credential?: Credential; inputItems?: IDataObject[]; continueOnFail?: boolean },
	): ReturnType<typeof executeNode>;
	/** API requests the node sent (not token requests). */
	apiRequests(): RecordedRequest[];
	/** Spec problems of every API request since the last reset. */
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
	const spec = new SpecValidator();
	const apiRequests = () => proxy.requests.filter((r) => r.path.startsWith('/v2/'));
	return {
		sim,
		proxy,
		store,
		spec,
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
		specProblems: () => spec.checkAll(apiRequests()),
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
