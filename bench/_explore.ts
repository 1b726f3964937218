import { clearServerToServerTokenCache } from '../credentials/common/serverToServerToken';
import { ZoomWorkplace } from '../nodes/ZoomWorkplace/ZoomWorkplace.node';
import { startZoomSimulator } from '../test/simulator';
import { CredentialsStore, executeNode } from '../test/integration/harness';

async function main() {
	const n = Number(process.env.N ?? 500);
	const conc = Number(process.env.C ?? 10);
	clearServerToServerTokenCache();
	const sim = await startZoomSimulator({ seed: false, latencyMs: 50, rateLimits: { light: 80, medium: 60, heavy: 40 } });
	const hosts = Array.from({ length: 25 }, (_, i) => sim.state.addUser({ email: `host${i}@bench.example.com` }));
	const store = new CredentialsStore();
	const ref = store.add({ type: 'zoomWorkplaceServerToServerOAuthApi', data: { cloud: 'custom', apiBaseUrl: sim.apiBaseUrl, oauthBaseUrl: sim.oauthBaseUrl, ...sim.defaultApp } });
	const op = process.env.OP ?? 'create';
	const t0 = performance.now();
	const res = await executeNode({
		nodeType: new ZoomWorkplace(),
		parameters: op === 'create' ? {
			authentication: 'serverToServerOAuth', resource: 'meeting', operation: 'create',
			userId: { __rl: true, mode: 'id', value: '={{ $json.host }}' }, topic: '={{ $json.topic }}',
			additionalFields: {}, options: { maxConcurrency: conc },
		} : {
			authentication: 'serverToServerOAuth', resource: 'user', operation: 'get',
			userId: { __rl: true, mode: 'id', value: '={{ $json.host }}' }, options: { maxConcurrency: conc },
		},
		credentials: { zoomWorkplaceServerToServerOAuthApi: ref },
		inputItems: Array.from({ length: n }, (_, i) => ({ host: hosts[i % hosts.length].id, topic: `Bench ${i}` })),
		credentialsStore: store,
		continueOnFail: true,
	});
	const secs = (performance.now() - t0) / 1000;
	console.log({ n, conc, op, secs, rps: sim.counters.totalApiRequests / secs, c: sim.counters, out: res.items.length, err: res.error?.message, errs: res.items.filter((i) => i.json.error).length, applied: sim.state.applied });
	await sim.close();
}
void main();
