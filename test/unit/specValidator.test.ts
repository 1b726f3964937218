import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { startZoomSimulator } from '../simulator';
import { ERRATA, validateRequest, type SpecViolation } from '../simulator/spec';

/* The simulator's check of requests against Zoom's OpenAPI spec (test/simulator/spec). */

function check(
	method: string,
	path: string,
	options: { query?: Record<string, string>; body?: unknown } = {},
): SpecViolation[] {
	return validateRequest({
		method,
		path,
		query: new URLSearchParams(options.query ?? {}),
		bodyText: options.body === undefined ? '' : JSON.stringify(options.body),
	});
}

const VALID_CREATE = {
	topic: 'Weekly sync',
	type: 2,
	start_time: '2030-05-01T09:00:00Z',
	duration: 45,
	timezone: 'Europe/Berlin',
	agenda: 'Plans',
	password: 'abc123',
	settings: { join_before_host: true, jbh_time: 5, waiting_room: false, mute_upon_entry: true },
};

describe('spec validator', () => {
	test('a valid meeting create passes', () => {
		assert.deepEqual(check('POST', '/users/me/meetings', { body: VALID_CREATE }), []);
	});

	test('settings.jbh_time 15 fails with the enum rule, naming the field and the value', () => {
		const body = { ...VALID_CREATE, settings: { ...VALID_CREATE.settings, jbh_time: 15 } };
		const violations = check('POST', '/users/me/meetings', { body });
		assert.equal(violations.length, 1);
		assert.equal(violations[0].location, 'body');
		assert.equal(violations[0].template, '/users/{userId}/meetings');
		assert.match(violations[0].rule, /^body \/settings\/jbh_time enum \[0,5,10\]$/);
		assert.match(violations[0].message, /POST \/users\/\{userId\}\/meetings/);
		assert.match(violations[0].message, /sent 15/);
	});

	test('the same enum holds for meeting update', () => {
		const violations = check('PATCH', '/meetings/85746065432', {
			body: { settings: { jbh_time: 15 } },
		});
		assert.deepEqual(
			violations.map((v) => v.rule),
			['body /settings/jbh_time enum [0,5,10]'],
		);
	});

	test('an unknown query parameter fails and is named', () => {
		const violations = check('GET', '/users', { query: { status: 'active', page: '2' } });
		assert.deepEqual(
			violations.map((v) => v.rule),
			['query parameter page additionalProperties:false (unknown "page")'],
		);
	});

	test('query values are checked against their schema (enum, integer)', () => {
		const violations = check('GET', '/users/me/meetings', {
			query: { type: 'past', page_size: 'thirty' },
		});
		const rules = violations.map((v) => v.rule).sort();
		assert.equal(rules.length, 2);
		assert.match(rules[0], /^query parameter page_size type integer$/);
		assert.match(rules[1], /^query parameter type enum /);
	});

	test('known query parameters with valid values pass', () => {
		assert.deepEqual(
			check('GET', '/users/me/meetings', {
				query: { type: 'upcoming', page_size: '300', from: '2030-01-01', to: '2030-02-01' },
			}),
			[],
		);
	});

	test('an unknown body property fails (request bodies are closed)', () => {
		const violations = check('POST', '/users/me/meetings', {
			body: { ...VALID_CREATE, topik: 'typo' },
		});
		assert.deepEqual(
			violations.map((v) => v.rule),
			['body /topik additionalProperties:false (unknown "topik")'],
		);
		const nested = check('POST', '/users/me/meetings', {
			body: { ...VALID_CREATE, settings: { waitingroom: true } },
		});
		assert.deepEqual(
			nested.map((v) => v.rule),
			['body /settings/waitingroom additionalProperties:false (unknown "waitingroom")'],
		);
	});

	test('types, lengths and formats are enforced', () => {
		const violations = check('POST', '/users/me/meetings', {
			body: { topic: 'x'.repeat(201), duration: '60', start_time: 'tomorrow' },
		});
		const rules = violations.map((v) => v.rule).sort();
		assert.deepEqual(rules, [
			'body /duration type integer',
			'body /start_time format date-time',
			'body /topic maxLength 200',
		]);
	});

	test('a path parameter of the wrong type fails (meeting IDs are integers)', () => {
		const violations = check('GET', '/meetings/not-a-number');
		assert.deepEqual(
			violations.map((v) => v.rule),
			['path parameter meetingId type integer'],
		);
	});

	test('a method or path the spec does not have fails, as does an empty segment', () => {
		assert.deepEqual(
			check('POST', '/meetings').map((v) => v.rule),
			['no such operation in the spec'],
		);
		assert.deepEqual(
			check('GET', '/users/').map((v) => v.rule),
			['path has an empty segment'],
		);
		assert.deepEqual(
			check('POST', '/users//meetings', { body: VALID_CREATE }).map((v) => v.rule),
			['path has an empty segment'],
		);
	});

	test('with alternatives (oneOf), only the errors of the closest one are reported', () => {
		assert.deepEqual(
			check('PATCH', '/users/me/settings', {
				body: { in_meeting: { waiting_room: true }, schedule_meeting: { host_video: true } },
			}),
			[],
		);
		assert.deepEqual(
			check('PATCH', '/users/me/settings', { body: { in_meeting: { waitingroom: true } } }).map(
				(v) => v.rule,
			),
			['body /in_meeting/waitingroom additionalProperties:false (unknown "waitingroom")'],
		);
	});

	test("another Zoom API's paths (Marketplace) are outside this spec and not checked", () => {
		assert.deepEqual(check('GET', '/marketplace/app/event_subscription'), []);
	});

	test('a body on an operation that takes none fails', () => {
		assert.deepEqual(
			check('GET', '/users/me', { body: { a: 1 } }).map((v) => v.rule),
			['body not allowed (the operation takes no request body)'],
		);
	});

	describe('errata (DESIGN.md), each allowed and nothing beyond it', () => {
		test('there are exactly four, each with a reason', () => {
			assert.equal(ERRATA.length, 4);
			for (const erratum of ERRATA) assert.ok(erratum.why.length > 40, erratum.name);
		});

		test('recurrence.weekly_days takes a comma-separated list of days', () => {
			const body = {
				...VALID_CREATE,
				type: 8,
				recurrence: { type: 2, repeat_interval: 1, weekly_days: '2,4,6', end_times: 5 },
			};
			assert.deepEqual(check('POST', '/users/me/meetings', { body }), []);
			const bad = { ...body, recurrence: { ...body.recurrence, weekly_days: '2,9' } };
			assert.deepEqual(
				check('POST', '/users/me/meetings', { body: bad }).map((v) => v.rule),
				['body /recurrence/weekly_days enum ["1","2","3","4","5","6","7"]'],
			);
		});

		test('start_time may be local time when timezone is given, not without it', () => {
			const local = { ...VALID_CREATE, start_time: '2030-05-01T09:00:00' };
			assert.deepEqual(check('POST', '/users/me/meetings', { body: local }), []);
			const withoutZone: Record<string, unknown> = { ...local };
			delete withoutZone.timezone;
			assert.deepEqual(
				check('POST', '/users/me/meetings', { body: withoutZone }).map((v) => v.rule),
				['body /start_time format date-time'],
			);
		});

		test('a Team Chat contact may be an email, a user ID or a member ID; not a number', () => {
			for (const contact of ['jchill@example.com', 'v4iyWT1LTfy8QvPG4GTvdg']) {
				assert.deepEqual(
					check('POST', '/chat/users/me/messages', {
						body: {
							message: '@Jill hello',
							to_contact: contact,
							at_items: [{ at_type: 1, at_contact: contact, start_position: 0, end_position: 5 }],
						},
					}),
					[],
				);
				assert.deepEqual(
					check('PUT', '/chat/users/me/messages/abc', {
						body: { message: 'edited', to_contact: contact },
					}),
					[],
				);
			}
			assert.equal(
				check('POST', '/chat/users/me/messages', { body: { message: 'x', to_contact: 42 } })
					.length > 0,
				true,
			);
		});

		test('user type 4 is accepted on user create and update, other types are not', () => {
			const create = { action: 'create', user_info: { email: 'a@example.com', type: 4 } };
			assert.deepEqual(check('POST', '/users', { body: create }), []);
			assert.deepEqual(check('PATCH', '/users/me', { body: { type: 4 } }), []);
			assert.deepEqual(
				check('PATCH', '/users/me', { body: { type: 5 } }).map((v) => v.rule),
				['body /type enum [1,2,99]'],
			);
		});
	});

	describe('each path against the document that declares it', () => {
		test('summaries: the 2026-03-10 Meetings document (time_filter_field enum, UUID as text)', () => {
			const range = { from: '2026-01-01T00:00:00Z', to: '2026-01-31T23:59:59Z' };
			assert.deepEqual(
				check('GET', '/meetings/meeting_summaries', {
					query: { ...range, time_filter_field: 'summary_created_time', page_size: '300' },
				}),
				[],
			);
			assert.deepEqual(
				check('GET', '/meetings/meeting_summaries', {
					query: { ...range, time_filter_field: 'meeting_start_time' },
				}).map((v) => v.rule),
				['query parameter time_filter_field enum ["summary_start_time","summary_created_time"]'],
			);
			assert.deepEqual(
				check('GET', '/meetings/aDYlohsHRtCd4ii1uC2%2BhA%3D%3D/meeting_summary'),
				[],
			);
			assert.deepEqual(
				check('DELETE', '/meetings/aDYlohsHRtCd4ii1uC2%2BhA%3D%3D/meeting_summary'),
				[],
			);
			assert.deepEqual(
				check('GET', '/meetings/meeting_summaries', { query: { from: '2026-01-01' } }).map(
					(v) => v.rule,
				),
				['query parameter from format date-time'],
			);
		});

		test("one user's summaries: the erratum fragment (page_size ≤ 300, date-times)", () => {
			assert.deepEqual(
				check('GET', '/users/me/meeting_summaries', {
					query: { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z', page_size: '300' },
				}),
				[],
			);
			assert.deepEqual(
				check('GET', '/users/me/meeting_summaries', { query: { page_size: '301' } }).map(
					(v) => v.rule,
				),
				['query parameter page_size maximum 300'],
			);
		});

		test('Team Chat: the 2026-03-10 Team Chat document (message length, page sizes)', () => {
			assert.deepEqual(
				check('POST', '/chat/users/me/messages', {
					body: {
						message: 'Notes',
						to_channel: '825c9e31f1064c73b394c5e4557d3447',
						rich_text: [{ start_position: 0, end_position: 5, format_type: 'Bold' }],
						reply_main_message_id: '{27ED2949-6457-417C-83EA-72515DAF00BD}',
					},
				}),
				[],
			);
			assert.deepEqual(
				check('POST', '/chat/users/me/messages', {
					body: { message: 'x'.repeat(1025), to_channel: 'c1' },
				}).map((v) => v.rule),
				['body /message maxLength 1024'],
			);
			assert.deepEqual(
				check('POST', '/chat/users/me/messages', {
					body: { message: 'x', rich_text: [{ format_type: 'Heading' }] },
				}).map((v) => v.rule.replace(/ \[.*$/, '')),
				['body /rich_text/0/format_type enum'],
			);
			assert.deepEqual(
				check('GET', '/chat/users/me/messages', {
					query: { to_channel: 'c1', page_size: '300' },
				}).map((v) => v.rule),
				['query parameter page_size maximum 50'],
			);
			assert.deepEqual(
				check('GET', '/chat/users/me/channels', { query: { page_size: '1000' } }),
				[],
			);
			assert.deepEqual(check('GET', '/chat/users/me/channels/c1'), []);
			assert.deepEqual(
				check('DELETE', '/chat/users/me/messages/m1', { query: { to_channel: 'c1' } }),
				[],
			);
		});
	});

	test('the simulator answers a violation as Zoom does (400, code 300) and records it', async () => {
		const sim = await startZoomSimulator({ seed: false });
		try {
			const token = sim.issueAccessToken();
			const answer = await fetch(`${sim.apiBaseUrl}/users/me/meetings`, {
				method: 'POST',
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
				body: JSON.stringify({ topic: 'x', settings: { jbh_time: 15 } }),
			});
			assert.equal(answer.status, 400);
			const body = (await answer.json()) as { code: number; message: string };
			assert.equal(body.code, 300);
			assert.match(body.message, /body \/settings\/jbh_time .*\[enum \[0,5,10\]\] \(sent 15\)/);
			assert.equal(sim.state.meetings.size, 0, 'nothing was created');
			assert.deepEqual(
				sim.state.specViolations.map((v) => v.rule),
				['body /settings/jbh_time enum [0,5,10]'],
			);
			assert.equal(sim.takeSpecViolations().length, 1);
			assert.deepEqual(sim.takeSpecViolations(), [], 'claimed once');

			const valid = await fetch(`${sim.apiBaseUrl}/users/me/meetings`, {
				method: 'POST',
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
				body: JSON.stringify(VALID_CREATE),
			});
			assert.equal(valid.status, 201);
			assert.deepEqual(sim.takeSpecViolations(), []);
		} finally {
			await sim.close();
		}
	});

	test('validation can be switched off for tests of the simulator itself', async () => {
		const sim = await startZoomSimulator({ seed: false, validateRequests: false });
		try {
			const answer = await fetch(`${sim.apiBaseUrl}/users?page=2`, {
				headers: { authorization: `Bearer ${sim.issueAccessToken()}` },
			});
			assert.equal(answer.status, 200);
			assert.deepEqual(sim.state.specViolations, []);
		} finally {
			await sim.close();
		}
	});
});
