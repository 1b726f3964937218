import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { describeTokenFailure } from '../../nodes/core/transport/serverToServerToken';
import {
	resolveApiBaseUrl,
	resolveOAuthBaseUrl,
	sanitizeTestPath,
} from '../../nodes/core/zoom/clouds';
import { ZoomWorkplaceAccessTokenApi } from '../../credentials/ZoomWorkplaceAccessTokenApi.credentials';
import { ZoomWorkplaceOAuth2Api } from '../../credentials/ZoomWorkplaceOAuth2Api.credentials';
import { ZoomWorkplaceServerToServerOAuthApi } from '../../credentials/ZoomWorkplaceServerToServerOAuthApi.credentials';

describe('cloud base URLs', () => {
	test('global, gov and custom', () => {
		assert.equal(resolveApiBaseUrl({ cloud: 'global' }), 'https://api.zoom.us/v2');
		assert.equal(resolveOAuthBaseUrl({}), 'https://zoom.us');
		assert.equal(resolveApiBaseUrl({ cloud: 'gov' }), 'https://api.zoomgov.com/v2');
		assert.equal(resolveOAuthBaseUrl({ cloud: 'gov' }), 'https://zoomgov.com');
		assert.equal(
			resolveApiBaseUrl({ cloud: 'custom', apiBaseUrl: ' http://127.0.0.1:8080/v2/ ' }),
			'http://127.0.0.1:8080/v2',
		);
		assert.equal(
			resolveOAuthBaseUrl({ cloud: 'custom', oauthBaseUrl: 'http://127.0.0.1:8080//' }),
			'http://127.0.0.1:8080',
		);
	});
});

describe('test path', () => {
	test('stays relative to the API base URL', () => {
		assert.equal(sanitizeTestPath(undefined), '/users/me');
		assert.equal(sanitizeTestPath('users/me/meetings'), '/users/me/meetings');
		assert.equal(sanitizeTestPath('/users/me'), '/users/me');
		assert.equal(sanitizeTestPath('https://evil.example/steal'), '/steal');
		assert.equal(sanitizeTestPath('//evil.example/steal'), '/evil.example/steal');
		assert.equal(sanitizeTestPath('\\\\evil.example/steal'), '/evil.example/steal');
	});
});

describe('token failures', () => {
	test("Zoom's reason reaches the user with a hint, the secret never", () => {
		const error = {
			response: {
				status: 400,
				data: { reason: 'Invalid client_id or client_secret', error: 'invalid_client' },
			},
		};
		const message = describeTokenFailure(error, ['s3cret']);
		assert.match(message, /Invalid client_id or client_secret/);
		assert.match(message, /Client ID and Client Secret/);
		const echoing = {
			response: {
				status: 400,
				data: JSON.stringify({ reason: 'bad secret s3cret', error: 'invalid_client' }),
			},
		};
		assert.doesNotMatch(describeTokenFailure(echoing, ['s3cret']), /s3cret/);
	});
	test('account and grant problems get their own hint', () => {
		assert.match(
			describeTokenFailure(
				{
					response: {
						status: 400,
						data: { reason: 'Invalid account_id', error: 'invalid_request' },
					},
				},
				[],
			),
			/Account ID/,
		);
		assert.match(
			describeTokenFailure(
				{
					response: {
						status: 400,
						data: { reason: 'unsupported grant type', error: 'unsupported_grant_type' },
					},
				},
				[],
			),
			/not a Server-to-Server OAuth app/,
		);
		assert.match(
			describeTokenFailure({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, []),
			/could not be reached \(ECONNREFUSED\)/,
		);
	});
});

describe('credential definitions', () => {
	test('names and fields are the contract of DESIGN.md', () => {
		const s2s = new ZoomWorkplaceServerToServerOAuthApi();
		assert.equal(s2s.name, 'zoomWorkplaceServerToServerOAuthApi');
		const fields = s2s.properties.map((p) => p.name);
		for (const f of [
			'accountId',
			'clientId',
			'clientSecret',
			'cloud',
			'apiBaseUrl',
			'oauthBaseUrl',
			'testPath',
		])
			assert.ok(fields.includes(f), f);
		const hidden = s2s.properties.find((p) => p.name === 'accessToken');
		assert.equal(hidden?.type, 'hidden');
		assert.equal(hidden?.typeOptions?.expirable, true);
		assert.equal(
			s2s.properties.find((p) => p.name === 'clientSecret')?.typeOptions?.password,
			true,
		);

		const oauth = new ZoomWorkplaceOAuth2Api();
		assert.equal(oauth.name, 'zoomWorkplaceOAuth2Api');
		assert.deepEqual(oauth.extends, ['oAuth2Api']);
		assert.ok(oauth.test.request.url);

		const token = new ZoomWorkplaceAccessTokenApi();
		assert.equal(token.name, 'zoomWorkplaceAccessTokenApi');
		assert.equal(
			token.properties.find((p) => p.name === 'accessToken')?.typeOptions?.password,
			true,
		);
		assert.ok(!token.properties.some((p) => p.name === 'oauthBaseUrl'));
	});
	test('every credential test has a message for 400, 401, 403, 404 and 429', () => {
		for (const credential of [
			new ZoomWorkplaceServerToServerOAuthApi(),
			new ZoomWorkplaceOAuth2Api(),
			new ZoomWorkplaceAccessTokenApi(),
		]) {
			const codes = (credential.test.rules ?? []).map(
				(rule) => (rule.properties as { value: number }).value,
			);
			assert.deepEqual(codes.sort(), [400, 401, 403, 404, 429]);
		}
	});
});
