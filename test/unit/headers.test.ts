import assert from 'node:assert/strict';
import { test } from 'node:test';

import { headerValue } from '../../nodes/core/transport/headers';

test('headerValue: any case of the name, the first of a repeated header, nothing for null', () => {
	const cases: Array<[Record<string, unknown> | undefined, string, string | undefined]> = [
		[{ 'X-RateLimit-Remaining': '7' }, 'x-ratelimit-remaining', '7'],
		[{ 'x-ratelimit-limit': 80 }, 'X-RateLimit-Limit', '80'],
		[{ 'set-cookie': ['a=1', 'b=2'] }, 'Set-Cookie', 'a=1'],
		[{ 'retry-after': null }, 'retry-after', undefined],
		[{ 'retry-after': undefined }, 'retry-after', undefined],
		[{ location: [] }, 'location', undefined],
		[{ location: [null] }, 'location', undefined],
		[{ other: 'x' }, 'location', undefined],
		[undefined, 'location', undefined],
	];
	for (const [headers, name, expected] of cases) {
		assert.equal(headerValue(headers, name), expected, `${name} in ${JSON.stringify(headers)}`);
	}
});
