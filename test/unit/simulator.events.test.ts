import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { hintFor } from '../../nodes/core/transport/errors';
import {
	events,
	OWNER_EMAIL,
	OWNER_ID,
	startZoomSimulator,
	type ZoomSimulator,
} from '../simulator';

/* The simulator's registrant, webinar and panelist endpoints: Zoom's limits and partial failures. */

describe('simulator: registrants, webinars, panelists', () => {
	let sim: ZoomSimulator;
	let token: string;

	before(async () => {
		sim = await startZoomSimulator({ seed: false });
		token = sim.issueAccessToken();
	});
	after(async () => await sim?.close());

	async function call(method: string, path: string, body?: unknown) {
		const res = await fetch(`${sim.apiBaseUrl}${path}`, {
			method,
			headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		return {
			status: res.status,
			body: text ? (JSON.parse(text) as Record<string, any>) : undefined,
			headers: res.headers,
		};
	}

	const meeting = (approvalType: number, type = 2) =>
		sim.state.addMeeting(OWNER_ID, {
			type,
			start_time: '2030-01-01T10:00:00Z',
			settings: { approval_type: approvalType },
		});
	const people = (n: number, from = 0) =>
		Array.from({ length: n }, (_, i) => ({ email: `p${from + i}@example.com`, first_name: 'P' }));

	test('batch registration takes at most 30, leaves refused registrants out, counts as Heavy', async () => {
		const m = meeting(1);
		const tooMany = await call('POST', `/meetings/${m.id}/batch_registrants`, {
			registrants: people(31),
		});
		assert.equal(tooMany.status, 400);
		assert.equal(tooMany.body?.code, 300);

		events(sim.state).refusedEmails.add('p3@example.com');
		const list = [...people(5), { email: OWNER_EMAIL, first_name: 'Host' }];
		const ok = await call('POST', `/meetings/${m.id}/batch_registrants`, {
			registrants: list,
			auto_approve: true,
		});
		assert.equal(ok.status, 201);
		assert.equal(ok.headers.get('x-ratelimit-category'), 'Heavy');
		assert.deepEqual(
			ok.body?.registrants.map((r: { email: string }) => r.email),
			['p0@example.com', 'p1@example.com', 'p2@example.com', 'p4@example.com'],
		);
		assert.ok(
			events(sim.state)
				.registrantsOf('meeting', m.id)
				.every((r) => r.status === 'approved'),
		);
		events(sim.state).refusedEmails.clear();
	});

	test('batch registration refuses recurring meetings (303) and meetings without registration', async () => {
		const recurring = sim.state.addMeeting(OWNER_ID, {
			type: 8,
			start_time: '2030-01-07T10:00:00Z',
			recurrence: { type: 1, repeat_interval: 1, end_times: 2 },
			settings: { approval_type: 0 },
		});
		const notScheduled = await call('POST', `/meetings/${recurring.id}/batch_registrants`, {
			registrants: people(2),
		});
		assert.equal(notScheduled.status, 400);
		assert.equal(notScheduled.body?.code, 303);
		const closed = meeting(2);
		const noRegistration = await call('POST', `/meetings/${closed.id}/registrants`, people(1)[0]);
		assert.equal(noRegistration.status, 404);
		assert.match(String(noRegistration.body?.message), /Registration has not been enabled/);
	});

	test('manual approval leaves registrants pending; a repeat email returns the same registration', async () => {
		const m = meeting(1);
		const first = await call('POST', `/meetings/${m.id}/registrants`, {
			email: 'same@example.com',
			first_name: 'S',
		});
		const again = await call('POST', `/meetings/${m.id}/registrants`, {
			email: 'SAME@example.com',
			first_name: 'S',
		});
		assert.equal(first.status, 201);
		assert.equal(first.body?.join_url, undefined);
		assert.equal(again.body?.registrant_id, first.body?.registrant_id);
		const pending = await call('GET', `/meetings/${m.id}/registrants?status=pending`);
		assert.equal(pending.body?.total_records, 1);
		const approved = await call('GET', `/meetings/${m.id}/registrants`);
		assert.equal(approved.body?.total_records, 0);
	});

	test('status changes take at most 30; one unknown registrant fails the whole request, nothing applied', async () => {
		const m = meeting(1);
		const ids = people(31).map(
			(p) => events(sim.state).register('meeting', m.id, p, 'pending').registrant.id,
		);
		const tooMany = await call('PUT', `/meetings/${m.id}/registrants/status`, {
			action: 'approve',
			registrants: ids.map((id) => ({ id })),
		});
		assert.equal(tooMany.status, 400);
		const unknown = await call('PUT', `/meetings/${m.id}/registrants/status`, {
			action: 'approve',
			registrants: [{ id: ids[0] }, { id: 'nope' }],
		});
		assert.equal(unknown.status, 400);
		assert.equal(events(sim.state).registrantsOf('meeting', m.id)[0].status, 'pending');
		const ok = await call('PUT', `/meetings/${m.id}/registrants/status`, {
			action: 'approve',
			registrants: [{ id: ids[0] }, { email: 'p1@example.com' }],
		});
		assert.equal(ok.status, 204);
		assert.deepEqual(
			events(sim.state)
				.registrantsOf('meeting', m.id)
				.slice(0, 3)
				.map((r) => r.status),
			['approved', 'approved', 'pending'],
		);
	});

	test('webinars need a licence; panelists are added 30 per request', async () => {
		const created = await call('POST', '/users/me/webinars', {
			topic: 'Sim webinar',
			type: 5,
			start_time: '2030-02-01T10:00:00Z',
		});
		assert.equal(created.status, 201);
		assert.match(String(created.body?.join_url), /\/w\/\d+/);
		const id = created.body?.id as number;
		const tooMany = await call('POST', `/webinars/${id}/panelists`, {
			panelists: Array.from({ length: 31 }, (_, i) => ({ email: `x${i}@example.com`, name: 'X' })),
		});
		assert.equal(tooMany.status, 400);
		const added = await call('POST', `/webinars/${id}/panelists`, {
			panelists: [{ email: 'x@example.com', name: 'X' }],
		});
		assert.equal(added.status, 201);
		assert.equal((await call('GET', `/webinars/${id}/panelists`)).body?.total_records, 1);

		events(sim.state).withoutWebinarLicence.add(OWNER_ID);
		const refused = await call('GET', `/webinars/${id}`);
		assert.equal(refused.status, 400);
		assert.equal(refused.body?.code, 200);
		events(sim.state).withoutWebinarLicence.delete(OWNER_ID);
	});
});

describe('hints for plan, licence and registration errors', () => {
	test('each says what to change', () => {
		assert.match(
			hintFor(
				400,
				200,
				'Webinar plan is missing. You must subscribe to the Webinar plan and enable webinars for the "a@b.c" user to perform this action.',
			) ?? '',
			/Webinar licence/,
		);
		assert.match(
			hintFor(404, 404, 'Registration has not been enabled for this meeting: 1.') ?? '',
			/Approval Type/,
		);
		assert.match(
			hintFor(400, 3000, 'This webinar does not have registration as required: 1.') ?? '',
			/Registration is off/,
		);
		assert.match(hintFor(400, 3027, 'Host cannot register.') ?? '', /host cannot register/i);
		assert.match(
			hintFor(400, 3043, 'Meeting has reached maximum attendee capacity.') ?? '',
			/full/,
		);
		assert.equal(hintFor(400, 300, 'Validation Failed.'), undefined);
	});
});
