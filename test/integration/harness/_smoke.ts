import { startZoomSimulator } from '../../simulator';
import { CredentialsStore, executeNode, testCredential, useExpressionEngine, disposeExpressionEngine, ZoomProbe, credentialsHelperFor, connectOAuth2 } from '.';

async function main() {
	await useExpressionEngine(process.argv[2] as 'vm' | 'legacy');
	const sim = await startZoomSimulator({ seed: true });
	try {
		const store = new CredentialsStore();
		const data = { accountId: sim.defaultApp.accountId, clientId: sim.defaultApp.clientId, clientSecret: sim.defaultApp.clientSecret, cloud: 'custom', apiBaseUrl: sim.apiBaseUrl, oauthBaseUrl: sim.oauthBaseUrl };
		const r = await testCredential('zoomWorkplaceServerToServerOAuthApi', data, { store });
		console.log('test', r.status, r.message);
		const bad = await testCredential('zoomWorkplaceServerToServerOAuthApi', { ...data, clientSecret: 'nope-secret' }, { store });
		console.log('bad', bad.status, bad.message);
		const res = await executeNode({ nodeType: new ZoomProbe(), parameters: {}, credentials: { zoomWorkplaceServerToServerOAuthApi: { id: r.id, name: 'x' } }, inputItems: [{ a: 1 }, { a: 2 }], credentialsStore: store });
		console.log('exec', res.error?.message, res.items.map((i) => [i.json.email, i.pairedItem]));
		console.log(credentialsHelperFor(store).counters, sim.counters.tokenMints);
		const o = store.add({ type: 'zoomWorkplaceOAuth2Api', data: { clientId: sim.defaultOAuthApp.clientId, clientSecret: sim.defaultOAuthApp.clientSecret, cloud: 'custom', apiBaseUrl: sim.apiBaseUrl, oauthBaseUrl: sim.oauthBaseUrl } });
		const c = await connectOAuth2({ store, id: o.id });
		console.log('oauth', c.authorizationUrl, Object.keys(c.oauthTokenData));
		const res2 = await executeNode({ nodeType: new ZoomProbe(), parameters: { credentialType: 'zoomWorkplaceOAuth2Api' }, credentials: { zoomWorkplaceOAuth2Api: o }, inputItems: [{ a: 1 }], credentialsStore: store });
		console.log('exec2', res2.error?.message, (res2.error as any)?.description, res2.items.map((i) => [i.json.email, i.pairedItem]));
		const t2 = await testCredential('zoomWorkplaceOAuth2Api', {}, { store, id: o.id });
		console.log('test2', t2.status, t2.message);
	} finally {
		await sim.close();
		await disposeExpressionEngine();
	}
}
main().catch((e) => { console.error('FAIL', e); process.exit(1); });
