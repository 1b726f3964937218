import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { parseCategory } from '../../nodes/core/zoom/categories';
import { describeFailure, hintFor, validationDetails } from '../../nodes/core/transport/errors';

describe('Zoom errors', () => {
	test('status, body and headers come out of a wrapped client error', () => {
		const clientError = Object.assign(new Error('Request failed with status code 404'), {
			response: {
				status: 404,
				data: { code: 3001, message: 'Meeting does not exist: 1.' },
				headers: { 'x-ratelimit-category': 'Light' },
			},
		});
		const wrapped = Object.assign(new Error('The resource you are requesting could not be found'), {
			cause: clientError,
		});
		const failure = describeFailure(wrapped);
		assert.equal(failure.statusCode, 404);
		assert.equal(failure.body?.code, 3001);
		assert.equal(failure.headers?.['x-ratelimit-category'], 'Light');
	});
	test('a network error keeps its code', () => {
		const failure = describeFailure(
			Object.assign(new Error('wrapped'), {
				cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
			}),
		);
		assert.equal(failure.statusCode, undefined);
		assert.equal(failure.networkCode, 'ECONNRESET');
	});
	test('hints name what to fix', () => {
		assert.match(
			hintFor(
				400,
				4711,
				'Invalid access token, does not contain scopes:[user:read:admin, user:read].',
			) ?? '',
			/one of: user:read:admin, user:read.*Scopes/,
		);
		assert.match(hintFor(401, 124, 'Invalid access token.') ?? '', /token/);
		assert.match(hintFor(404, 1001, 'User does not exist') ?? '', /User field/);
		assert.match(hintFor(404, 3001, 'Meeting does not exist') ?? '', /Meeting field/);
		assert.match(
			hintFor(400, 300, 'The next page token is invalid or expired.') ?? '',
			/15 minutes/,
		);
		assert.equal(hintFor(400, 300, 'Validation Failed.'), undefined);
	});
	test('validation errors list field and message', () => {
		assert.equal(
			validationDetails({
				code: 300,
				message: 'Validation Failed.',
				errors: [
					{ field: 'duration', message: 'must be >= 0' },
					{ field: 'topic', message: 'too long' },
				],
			}),
			'duration: must be >= 0; topic: too long',
		);
	});
});

describe('rate-limit categories', () => {
	test("Zoom's X-RateLimit-Category header is read", () => {
		assert.equal(parseCategory('Heavy'), 'heavy');
		assert.equal(parseCategory('Resource-intensive'), undefined);
	});
});
