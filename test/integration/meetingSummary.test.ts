import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import {
	addMeetingSummary,
	OWNER_ID,
	recordingStore,
	summaryStore,
	type StoredSummary,
} from '../simulator';
import { rl, startSetup, type Setup } from './recordings/setup';

/* Meeting Summary operations through real n8n-core against the Zoom simulator, each credential. */

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('meeting summary operations (n8n-core + Zoom simulator)', () => {
	let setup: Setup;
	const MEETING = 85746065432;
	// Starts with "/" and contains "//": Zoom finds it only double-encoded.
	const AWKWARD_UUID = '/ajXp112QmuoKj4854875//==';
	const now = Date.now();
	let older: StoredSummary;
	let latest: StoredSummary;
	/** One summary about every 25 days over 14 months, of the owner, plus one of another user. */
	const spread: StoredSummary[] = [];

	before(async () => {
		setup = await startSetup();
		const state = setup.sim.state;
		older = addMeetingSummary(state, {
			hostId: OWNER_ID,
			id: MEETING,
			uuid: 'older+Instance1234567==',
			topic: 'Weekly sync',
			start_time: iso(now - 9 * DAY),
		});
		latest = addMeetingSummary(state, {
			hostId: OWNER_ID,
			id: MEETING,
			uuid: AWKWARD_UUID,
			topic: 'Weekly sync',
			start_time: iso(now - 2 * DAY),
			content:
				'## Key takeaways\n- **Budget** approved\n- See [the plan](https://example.com/plan)\n\n## Action items\n- Ada\n  - Book the venue',
		});
		for (let i = 0; i < 17; i++) {
			spread.push(
				addMeetingSummary(state, {
					hostId: OWNER_ID,
					topic: `Planning ${i}`,
					start_time: iso(now - (20 + i * 25) * DAY),
				}),
			);
		}
		const other = state.addUser({
			email: 'ada@example.com',
			first_name: 'Ada',
			last_name: 'Admin',
		});
		addMeetingSummary(state, {
			hostId: other.id,
			topic: "Ada's review",
			start_time: iso(now - 30 * DAY),
		});
	});

	after(async () => await setup?.close());
	beforeEach(() => {
		setup.requests.length = 0;
	});

	for (const index of [0, 1, 2]) {
		const kind = ['Server-to-Server OAuth', 'OAuth2', 'Access Token'][index];
		describe(`with ${kind}`, () => {
			test('Get by instance UUID (double-encoded): Markdown, every field, plain text', async () => {
				const credential = setup.credentials[index];
				const result = await setup.run(
					'meetingSummary',
					'get',
					{ meetingId: rl(AWKWARD_UUID) },
					{ credential },
				);
				assert.equal(result.error, undefined, result.error?.message);
				const json = result.items[0].json;
				assert.equal(json.meeting_uuid, AWKWARD_UUID);
				assert.equal(json.summary_content, latest.summary_content);
				assert.equal(json.summary_doc_url, latest.summary_doc_url);
				assert.equal(json.summary_title, latest.summary_title);
				assert.equal(
					json.summaryText,
					'Key takeaways\n• Budget approved\n• See the plan (https://example.com/plan)\n\nAction items\n• Ada\n  • Book the venue',
				);
				assert.deepEqual(
					setup.requests.map((r) => `${r.method} ${r.path}`),
					[
						`GET /v2/meetings/${encodeURIComponent(encodeURIComponent(AWKWARD_UUID))}/meeting_summary`,
					],
				);
			});

			test('Get by meeting ID or join URL: the latest instance that took place', async () => {
				const credential = setup.credentials[index];
				for (const locator of [rl(MEETING), rl(`https://zoom.us/j/${MEETING}?pwd=x`, 'url')]) {
					setup.requests.length = 0;
					const result = await setup.run(
						'meetingSummary',
						'get',
						{ meetingId: locator },
						{ credential },
					);
					assert.equal(result.error, undefined, result.error?.message);
					assert.equal(result.items[0].json.meeting_uuid, AWKWARD_UUID);
					assert.deepEqual(
						setup.requests.map((r) => `${r.method} ${r.path}`),
						[
							`GET /v2/past_meetings/${MEETING}`,
							`GET /v2/meetings/${encodeURIComponent(encodeURIComponent(AWKWARD_UUID))}/meeting_summary`,
						],
					);
				}
			});

			test("Get Many of the credential's user over 14 months: every summary once, newest first", async () => {
				const credential = setup.credentials[index];
				const result = await setup.run(
					'meetingSummary',
					'getAll',
					{
						scope: 'user',
						userId: rl('me'),
						from: iso(now - 430 * DAY),
						to: iso(now),
						returnAll: true,
					},
					{ credential },
				);
				assert.equal(result.error, undefined, result.error?.message);
				const uuids = result.items.map((item) => item.json.meeting_uuid as string);
				const expected = [latest, older, ...spread]
					.filter((s) => Date.parse(s.summary_start_time) >= now - 430 * DAY)
					.map((s) => s.meeting_uuid);
				assert.deepEqual([...uuids].sort(), [...expected].sort());
				assert.equal(new Set(uuids).size, uuids.length, 'each summary once');
				assert.equal(uuids[0], AWKWARD_UUID);
				assert.ok(!result.items.some((item) => item.json.meeting_topic === "Ada's review"));
				const windows = setup.requests.filter((r) => r.path === '/v2/users/me/meeting_summaries');
				assert.ok(windows.length >= 14, `one request per month (${windows.length})`);
				for (const r of windows) {
					assert.equal(r.query.get('time_filter_field'), 'summary_start_time');
					const span = Date.parse(r.query.get('to')!) - Date.parse(r.query.get('from')!);
					assert.ok(span <= 31 * DAY, `window ${r.query.get('from')}…${r.query.get('to')}`);
				}
			});

			test('Delete moves the summary to the trash; Get then explains it', async () => {
				const credential = setup.credentials[index];
				const victim = addMeetingSummary(setup.sim.state, {
					hostId: OWNER_ID,
					topic: `To delete (${kind})`,
					start_time: iso(now - 3 * DAY),
				});
				const deleted = await setup.run(
					'meetingSummary',
					'delete',
					{ meetingId: rl(victim.meeting_uuid) },
					{ credential },
				);
				assert.equal(deleted.error, undefined, deleted.error?.message);
				assert.deepEqual(deleted.items[0].json, {
					meeting_uuid: victim.meeting_uuid,
					deleted: true,
				});
				assert.equal(
					summaryStore(setup.sim.state).summaries.get(victim.meeting_uuid)?.trashed,
					true,
				);
				const again = await setup.run(
					'meetingSummary',
					'get',
					{ meetingId: rl(victim.meeting_uuid) },
					{ credential },
				);
				assert.match(again.error?.message ?? '', /2305/);
				assert.match(String((again.error as { description?: string }).description), /trash/i);
			});
		});
	}

	test('Get Many of the account, filtered on creation time, with a Limit: the newest only', async () => {
		const result = await setup.run('meetingSummary', 'getAll', {
			scope: 'account',
			from: iso(now - 60 * DAY),
			timeFilterField: 'summaryCreatedTime',
			returnAll: false,
			limit: 3,
		});
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(
			result.items.map((item) => item.json.meeting_topic),
			['Weekly sync', 'Weekly sync', 'Planning 0'],
		);
		assert.ok(setup.requests.every((r) => r.path === '/v2/meetings/meeting_summaries'));
		assert.equal(setup.requests[0].query.get('time_filter_field'), 'summary_created_time');
		// The newest month answered the Limit: no older window was asked for.
		assert.equal(setup.requests.length, 1);
	});

	describe('errors name the cause', () => {
		test('no summary yet (404/3001)', async () => {
			const result = await setup.run('meetingSummary', 'get', {
				meetingId: rl('noSummaryYet1234567890=='),
			});
			assert.match(result.error?.message ?? '', /3001/);
			assert.match(
				String((result.error as { description?: string }).description),
				/no summary for this meeting instance.*end-to-end encrypted/s,
			);
		});

		test('summaries shared by email only (403/2305)', async () => {
			const store = summaryStore(setup.sim.state);
			store.emailOnlyAccounts.add(setup.sim.defaultApp.accountId);
			try {
				const result = await setup.run('meetingSummary', 'get', { meetingId: rl(AWKWARD_UUID) });
				assert.match(result.error?.message ?? '', /2305/);
				assert.match(
					String((result.error as { description?: string }).description),
					/Only share meeting summaries by email/,
				);
			} finally {
				store.emailOnlyAccounts.clear();
			}
		});

		test('AI Companion summaries off for the host (400/3000)', async () => {
			const store = summaryStore(setup.sim.state);
			store.disabledHosts.add(OWNER_ID);
			try {
				const result = await setup.run('meetingSummary', 'getAll', {
					scope: 'user',
					userId: rl('me'),
					from: iso(now - 5 * DAY),
					returnAll: true,
				});
				assert.match(result.error?.message ?? '', /3000/);
				assert.match(
					String((result.error as { description?: string }).description),
					/Meeting Summary with AI Companion/,
				);
			} finally {
				store.disabledHosts.clear();
			}
		});

		test('a free plan (400/200)', async () => {
			const basic = recordingStore(setup.sim.state).basicPlanAccounts;
			basic.add(setup.sim.defaultApp.accountId);
			try {
				const result = await setup.run('meetingSummary', 'get', { meetingId: rl(AWKWARD_UUID) });
				assert.match(result.error?.message ?? '', /200/);
				assert.match(
					String((result.error as { description?: string }).description),
					/Pro or higher/,
				);
			} finally {
				basic.clear();
			}
		});

		test('To before From is refused by name, nothing sent', async () => {
			const result = await setup.run('meetingSummary', 'getAll', {
				scope: 'account',
				from: '2026-05-01T00:00:00Z',
				to: '2026-04-01T00:00:00Z',
				returnAll: true,
			});
			assert.match(result.error?.message ?? '', /Invalid "To" in item 0: must not be before From/);
			assert.equal(setup.requests.length, 0);
		});
	});
});
