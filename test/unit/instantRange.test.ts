import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { readInstantRange } from '../../nodes/ZoomWorkplace/helpers/parameters';
import { fakeContext } from '../fixtures/fakeContext';

const read = (parameters: Record<string, unknown>, to?: { name: string; label: string }) =>
	readInstantRange(fakeContext({ parameters, timezone: 'Europe/Berlin' }).ctx, 0, to);

describe('a From–To range of an item (summaries, chat messages)', () => {
	test('dates are whole days in the workflow time zone; a time with an offset is taken as it is', () => {
		assert.deepEqual(read({ from: '2026-03-01', to: '2026-03-31' }), {
			from: Date.parse('2026-02-28T23:00:00Z'),
			to: Date.parse('2026-03-31T21:59:59Z'),
		});
		assert.deepEqual(read({ from: '2026-03-01T09:00:00Z', to: '2026-03-01T12:00:00+02:00' }), {
			from: Date.parse('2026-03-01T09:00:00Z'),
			to: Date.parse('2026-03-01T10:00:00Z'),
		});
	});

	test('an empty To is now', () => {
		const before = Date.now();
		const { to } = read({ from: '2026-01-01', to: '' });
		assert.ok(to >= before && to <= Date.now());
	});

	test('errors name the field, the item and what was wrong', () => {
		assert.throws(() => read({ from: '' }), /Invalid "From" in item 0: is required/);
		assert.throws(
			() => read({ from: 'soon' }),
			/Invalid "From" in item 0: "soon" is not a date and time/,
		);
		assert.throws(
			() => read({ from: '2026-03-02', until: '2026-03-01' }, { name: 'until', label: 'Until' }),
			/Invalid "Until" in item 0: must not be before From \(2026-03-01T23:00:00Z\)/,
		);
	});
});
