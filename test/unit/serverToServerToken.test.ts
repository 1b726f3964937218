import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import type { IHttpRequestHelper } from 'n8n-workflow';

import {
	clearServerToServerTokenCache,
	obtainServerToServerToken,
} from '../../nodes/core/transport/serverToServerToken';

/** Zoom's token endpoint: every call mints a new token, a little later. */
function tokenEndpoint() {
	const endpoint = {
		mints: 0,
		helper: {
			helpers: {
				httpRequest: async () => {
					await new Promise((resolve) => setTimeout(resolve, 5));
					endpoint.mints++;
					return { access_token: `token-${endpoint.mints}`, expires_in: 3600 };
				},
			},
		} as unknown as IHttpRequestHelper,
	};
	return endpoint;
}

const app = {
	accountId: 'acc',
	clientId: 'client',
	clientSecret: 'secret',
	cloud: 'custom',
	apiBaseUrl: 'http://127.0.0.1:1/v2',
	oauthBaseUrl: 'http://127.0.0.1:1',
};

describe('Server-to-Server tokens shared through the credential (queue mode)', () => {
	beforeEach(() => clearServerToServerTokenCache());

	test('concurrent first calls of one process mint once', async () => {
		const zoom = tokenEndpoint();
		const tokens = await Promise.all(
			Array.from({ length: 10 }, async () =>
				obtainServerToServerToken(zoom.helper, { ...app, accessToken: '' }),
			),
		);
		assert.equal(zoom.mints, 1);
		assert.deepEqual(new Set(tokens), new Set(['token-1']));
		// A request that read the credential before the new token was stored gets it too.
		assert.equal(
			await obtainServerToServerToken(zoom.helper, { ...app, accessToken: '' }),
			'token-1',
		);
		assert.equal(zoom.mints, 1);
	});

	test('requests refused with the token this process replaced share the replacement', async () => {
		const zoom = tokenEndpoint();
		await obtainServerToServerToken(zoom.helper, { ...app, accessToken: '' });
		const renewed = await Promise.all(
			Array.from({ length: 5 }, async () =>
				obtainServerToServerToken(zoom.helper, { ...app, accessToken: 'token-1' }),
			),
		);
		assert.deepEqual(new Set(renewed), new Set(['token-2']));
		assert.equal(zoom.mints, 2);
	});

	test("another worker's newer token, refused, is never answered with our older one", async () => {
		const zoom = tokenEndpoint();
		// This worker minted token-1 at start; another worker minted and stored its own token later.
		await obtainServerToServerToken(zoom.helper, { ...app, accessToken: '' });
		// Zoom expires the tokens; this worker's requests, all at once, carried the other's token.
		const fresh = await Promise.all(
			Array.from({ length: 5 }, async () =>
				obtainServerToServerToken(zoom.helper, { ...app, accessToken: 'token-of-worker-2' }),
			),
		);
		assert.deepEqual(
			new Set(fresh),
			new Set(['token-2']),
			'a fresh mint, never the expired token-1',
		);
		// Its other requests holding that token share the new one.
		assert.equal(
			await obtainServerToServerToken(zoom.helper, { ...app, accessToken: 'token-of-worker-2' }),
			'token-2',
		);
		assert.equal(zoom.mints, 2);
	});
});
