import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';

import Ajv from 'ajv';
import addFormats from 'ajv-formats';

import { addMeetingSummary, OWNER_ID, SimulatorState } from '../simulator';
import { summaryEvent } from '../simulator/webhooks';

/** The request-body schema of one event in Zoom's Meetings webhook spec (2026-03-10). */
function eventSchema(event: string): Record<string, unknown> {
	const spec = JSON.parse(
		readFileSync(
			resolve(__dirname, '../simulator/spec/zoom-meeting-webhooks-2026-03-10.openapi.json'),
			'utf8',
		),
	) as {
		webhooks: Record<
			string,
			{ post: { requestBody: { content: Record<string, { schema: Record<string, unknown> }> } } }
		>;
	};
	return spec.webhooks[event].post.requestBody.content['application/json'].schema;
}

describe("the simulator's summary events follow Zoom's webhook spec", () => {
	const ajv = new Ajv({ allErrors: true, strict: false });
	addFormats(ajv);
	const state = new SimulatorState('');
	state.ensureAccount('sim-account');
	const summary = addMeetingSummary(state, {
		hostId: OWNER_ID,
		uuid: '/ajXp112QmuoKj4854875//==',
		topic: 'Weekly sync',
		start_time: '2026-03-02T09:00:00Z',
	});

	for (const event of [
		'meeting.summary_completed',
		'meeting.summary_updated',
		'meeting.summary_shared',
		'meeting.summary_trashed',
		'meeting.summary_recovered',
		'meeting.summary_deleted',
	] as const) {
		test(`${event}: valid, with the summary's UUID and times`, () => {
			const body = summaryEvent(summary, { event });
			const validate = ajv.compile(eventSchema(event));
			assert.ok(validate(body), JSON.stringify(validate.errors));
			const object = (body.payload as { object: Record<string, unknown> }).object;
			assert.equal(object.meeting_uuid, summary.meeting_uuid);
			assert.equal(object.summary_created_time, summary.summary_created_time);
			if (event === 'meeting.summary_completed' || event === 'meeting.summary_updated')
				assert.equal(object.summary_content, summary.summary_content);
		});
	}

	test('without content: still valid (summary_content is not required), and absent', () => {
		const body = summaryEvent(summary, { withContent: false });
		const validate = ajv.compile(eventSchema('meeting.summary_completed'));
		assert.ok(validate(body), JSON.stringify(validate.errors));
		const object = (body.payload as { object: Record<string, unknown> }).object;
		assert.equal('summary_content' in object, false);
		// A body missing a required field fails: the check can fail.
		delete object.summary_title;
		assert.equal(validate(body), false);
	});
});
