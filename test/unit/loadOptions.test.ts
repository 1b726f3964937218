import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { loadOptions } from '../../nodes/ZoomWorkplace/methods';

/* methods/loadOptions.ts: the lists the editor loads. */

describe('loadOptions', () => {
	test("getTimezones: Zoom's time zones, each a real IANA zone, labelled with its ID", async () => {
		// An empty context: the list needs no credential and no request.
		const zones = await loadOptions.getTimezones.call({} as ILoadOptionsFunctions);
		assert.ok(zones.length >= 100, `${zones.length} zones`);
		const values = zones.map((zone) => String(zone.value));
		assert.equal(new Set(values).size, values.length, 'no zone twice');
		for (const zone of zones) {
			assert.ok(zone.name.endsWith(`(${String(zone.value)})`), zone.name);
			// Throws a RangeError for a zone the platform does not know.
			assert.doesNotThrow(
				() => new Intl.DateTimeFormat('en-US', { timeZone: String(zone.value) }),
				String(zone.value),
			);
		}
		for (const expected of ['America/Los_Angeles', 'Europe/Berlin', 'Asia/Tokyo', 'UTC'])
			assert.ok(values.includes(expected), `${expected} is offered`);
	});
});
