import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import type { IDataObject, ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { ZoomSimulator } from '../../simulator';
import { buildAdditionalData, credentialsHelperFor, type CredentialsStore } from '../harness';
import { credentialsSuite, engines, OAUTH2 } from './suite';

for (const engine of engines) {
	describe(`Zoom credentials through n8n-core (expression engine: ${engine})`, () => {
		const suite = credentialsSuite(engine);
		const { connectedOAuth2, runProbe } = suite;
		let sim: ZoomSimulator;
		let store: CredentialsStore;
		beforeEach(() => ({ sim, store } = suite));

		describe('OAuth2 (requestOAuth2)', () => {
			test('"Connect my account" stores n8n\'s oauthTokenData', async () => {
				const { ref, connection } = await connectedOAuth2();
				assert.ok(connection.authorizationUrl.startsWith(`${sim.oauthBaseUrl}/oauth/authorize?`));
				const saved = store.data(ref.id).oauthTokenData as IDataObject;
				assert.equal(saved.token_type, 'bearer');
				assert.equal(typeof saved.access_token, 'string');
				assert.equal(typeof saved.refresh_token, 'string');
				assert.equal(saved.expires_in, 3600);
			});

			test('hidden authUrl/accessTokenUrl resolve from $self for every cloud', async () => {
				const helper = credentialsHelperFor(store);
				const additionalData = buildAdditionalData({ credentialsHelper: helper });
				const resolve = async (data: ICredentialDataDecryptedObject) =>
					await helper.applyDefaultsAndOverwrites(additionalData, data, OAUTH2, 'internal');

				const global = await resolve({ clientId: 'a', clientSecret: 'b' });
				assert.equal(global.authUrl, 'https://zoom.us/oauth/authorize');
				assert.equal(global.accessTokenUrl, 'https://zoom.us/oauth/token');
				const gov = await resolve({ clientId: 'a', clientSecret: 'b', cloud: 'gov' });
				assert.equal(gov.accessTokenUrl, 'https://zoomgov.com/oauth/token');
				const custom = await resolve({
					clientId: 'a',
					clientSecret: 'b',
					cloud: 'custom',
					oauthBaseUrl: ` ${sim.oauthBaseUrl}// `,
					// stored values of hidden OAuth fields are ignored, as in n8n
					accessTokenUrl: 'https://evil.example/token',
				});
				assert.equal(custom.authUrl, `${sim.oauthBaseUrl}/oauth/authorize`);
				assert.equal(custom.accessTokenUrl, `${sim.oauthBaseUrl}/oauth/token`);
				assert.equal(custom.grantType, 'authorizationCode');
			});

			test('a connected credential works in a workflow', async () => {
				const { ref } = await connectedOAuth2();
				const result = await runProbe(OAUTH2, ref, 3);
				assert.equal(result.error, undefined, result.error?.message);
				assert.equal(result.items.length, 3);
				result.items.forEach((item, index) => {
					assert.equal(item.json.email, 'owner@sim.example.com');
					assert.deepEqual(item.pairedItem, { item: index });
				});
				assert.equal(sim.counters.tokenMints, 1); // the code exchange only
			});

			test('an expired token is refreshed and the rotated refresh token is saved', async () => {
				const { ref, connection } = await connectedOAuth2();
				const helper = credentialsHelperFor(store);
				const original = connection.oauthTokenData;

				sim.expireAllTokens();
				sim.resetCounters();
				const result = await runProbe(OAUTH2, ref, 3);
				assert.equal(result.error, undefined, result.error?.message);
				assert.equal(result.items.length, 3);
				assert.equal(sim.counters.tokenRequests, 1);
				assert.equal(sim.counters.tokenMints, 1);
				assert.equal(helper.counters.updateCredentialsOauthTokenData, 1);

				const saved = store.data(ref.id).oauthTokenData as IDataObject;
				assert.notEqual(saved.access_token, original.access_token);
				assert.notEqual(saved.refresh_token, original.refresh_token);
				assert.equal(sim.state.refreshTokens.get(original.refresh_token as string)?.revoked, true);
				assert.equal(sim.state.refreshTokens.get(saved.refresh_token as string)?.revoked, false);
				assert.equal(store.writes.at(-1)?.kind, 'updateCredentialsOauthTokenData');

				// the saved (rotated) refresh token is the one that works next time
				sim.expireAllTokens();
				sim.resetCounters();
				const again = await runProbe(OAUTH2, ref, 1);
				assert.equal(again.error, undefined, again.error?.message);
				assert.equal(sim.counters.tokenMints, 1);
				assert.notEqual(
					(store.data(ref.id).oauthTokenData as IDataObject).refresh_token,
					saved.refresh_token,
				);
			});

			test('a revoked grant asks to reconnect', async () => {
				const { ref, connection } = await connectedOAuth2();
				sim.revokeToken(connection.oauthTokenData.access_token as string);
				sim.revokeToken(connection.oauthTokenData.refresh_token as string);
				const result = await runProbe(OAUTH2, ref, 1);
				assert.ok(result.error);
				assert.match(result.error.message, /needs to be reconnected/);
				assert.ok(!JSON.stringify(result.run).includes(sim.defaultOAuthApp.clientSecret));
			});
		});
	});
}
