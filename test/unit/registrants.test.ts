import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import {
	isBatchable,
	batchKey,
} from '../../nodes/ZoomWorkplace/actions/registrants/create.operation';
import { worthSplitting } from '../../nodes/ZoomWorkplace/actions/registrants/outcomes';
import {
	registrantReference,
	statusAfter,
} from '../../nodes/ZoomWorkplace/actions/registrants/status';
import { statusKey } from '../../nodes/ZoomWorkplace/actions/registrants/updateStatus.operation';
import { meetingRegistrant } from '../../nodes/ZoomWorkplace/actions/registrants/Registrant.resource';
import * as panelistAdd from '../../nodes/ZoomWorkplace/actions/webinarPanelist/add.operation';
import type { BatchItemResult } from '../../nodes/ZoomWorkplace/actions/types';
import {
	chunkUnique,
	groupBy,
	requestsNeeded,
	ZOOM_BATCH_LIMIT,
} from '../../nodes/ZoomWorkplace/helpers/batch';
import type { ZoomClient, ZoomRequest } from '../../nodes/core/transport';

const meetingCreate = meetingRegistrant.operations.create;
const meetingUpdateStatus = meetingRegistrant.operations.updateStatus;

const node: INode = {
	id: 'n',
	name: 'Zoom Workplace',
	type: 'zoomWorkplace',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** A context whose parameters may differ per item. */
function context(parameters: (itemIndex: number) => IDataObject): IExecuteFunctions {
	return {
		getNode: () => node,
		getTimezone: () => 'UTC',
		getExecutionCancelSignal: () => undefined,
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) =>
			parameters(itemIndex)[name] ?? fallback,
	} as unknown as IExecuteFunctions;
}

function zoomError(status: number, code: number, message: string): NodeApiError {
	return new NodeApiError(
		node,
		{ code, message, httpCode: status },
		{
			message: `Zoom error ${code}: ${message}`,
			httpCode: String(status),
		},
	);
}

/** A client that records requests and answers each with `answer`. */
function fakeClient(answer: (request: ZoomRequest) => IDataObject | Error) {
	const requests: ZoomRequest[] = [];
	const client = {
		request: async (request: ZoomRequest) => {
			requests.push(request);
			const result = answer(request);
			if (result instanceof Error) throw result;
			return { statusCode: 200, body: result, headers: {} };
		},
		requestAllItems: async (request: ZoomRequest & { arrayKey: string }) => {
			requests.push(request);
			const result = answer(request);
			if (result instanceof Error) throw result;
			return (result[request.arrayKey] as IDataObject[]) ?? [];
		},
	} as unknown as ZoomClient;
	return { client, requests };
}

const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const results = (outcomes: BatchItemResult[]) =>
	outcomes.map((o) => ('error' in o ? { itemIndex: o.itemIndex, error: o.error.message } : o));

describe('batch grouping (pure)', () => {
	test('groups keep the order of their first entry', () => {
		const groups = groupBy(['a1', 'b1', 'a2', 'c1', 'b2'], (s) => s[0]);
		assert.deepEqual(groups, [
			{ key: 'a', entries: ['a1', 'a2'] },
			{ key: 'b', entries: ['b1', 'b2'] },
			{ key: 'c', entries: ['c1'] },
		]);
	});

	test('chunks hold at most 30 and 1,000 entries need 34 requests', () => {
		const entries = Array.from({ length: 1000 }, (_, i) => `r${i}`);
		const chunks = chunkUnique(entries, ZOOM_BATCH_LIMIT, (e) => e);
		assert.equal(chunks.length, 34);
		assert.equal(requestsNeeded(1000), 34);
		assert.ok(chunks.every((c) => c.length <= 30));
		assert.deepEqual(chunks.flat(), entries);
	});

	test('the same identity never shares a request', () => {
		const chunks = chunkUnique(['a', 'b', 'A', 'a', 'c'], 30, (e) => e.toLowerCase());
		assert.deepEqual(chunks, [['a', 'b', 'c'], ['A'], ['a']]);
	});

	test('registrant status actions map to the list they leave the registrant in', () => {
		assert.equal(statusAfter('approve'), 'approved');
		assert.equal(statusAfter('deny'), 'denied');
		assert.equal(statusAfter('cancel'), 'denied');
		assert.deepEqual(registrantReference('9tboDiHUQAeOnbmudzWa5g'), {
			id: '9tboDiHUQAeOnbmudzWa5g',
		});
		assert.deepEqual(registrantReference('jill@example.com'), { email: 'jill@example.com' });
	});

	test('status requests are shared only by the same meeting, occurrence and action', () => {
		const target = { id: 85746065432, pathId: '85746065432' };
		assert.equal(
			statusKey({ target, action: 'approve' }),
			statusKey({ target, action: 'approve' }),
		);
		assert.notEqual(
			statusKey({ target, action: 'approve' }),
			statusKey({ target, action: 'deny' }),
		);
		assert.notEqual(
			statusKey({ target, action: 'approve' }),
			statusKey({ target, action: 'approve', occurrenceId: '1648194360000' }),
		);
	});

	test('only email and names (and auto-approve) fit a batch registration', () => {
		const target = { id: 1, pathId: '1' };
		assert.ok(isBatchable({ body: { email: 'a@b.co', first_name: 'A', last_name: 'B' }, qs: {} }));
		assert.ok(
			isBatchable({ body: { email: 'a@b.co', first_name: 'A', auto_approve: true }, qs: {} }),
		);
		assert.ok(!isBatchable({ body: { email: 'a@b.co', first_name: 'A', city: 'Bonn' }, qs: {} }));
		assert.ok(
			!isBatchable({ body: { email: 'a@b.co', first_name: 'A' }, qs: { occurrence_ids: '1' } }),
		);
		assert.notEqual(
			batchKey({ target, body: { auto_approve: true } }),
			batchKey({ target, body: {} }),
		);
	});

	test('only validation errors of a shared request are split into single requests', () => {
		assert.ok(worthSplitting(zoomError(400, 300, 'Validation Failed.'), 30));
		assert.ok(!worthSplitting(zoomError(400, 300, 'Validation Failed.'), 1));
		assert.ok(!worthSplitting(zoomError(404, 3001, 'Meeting does not exist'), 30));
		assert.ok(!worthSplitting(zoomError(429, 429, 'rate limit'), 30));
	});
});

describe('meeting registrant Update Status batching', () => {
	const meetingA = '85746065432';
	const meetingB = '91498058927';

	test('65 approvals of one meeting go out as 3 requests; another meeting and action get their own', async () => {
		const parameters = (i: number): IDataObject => {
			if (i < 65) return { meetingId: rl(meetingA), registrantId: `reg${i}`, action: 'approve' };
			if (i < 67) return { meetingId: rl(meetingA), registrantId: `reg${i}`, action: 'deny' };
			return { meetingId: rl(meetingB), registrantId: `reg${i}`, action: 'approve' };
		};
		const { client, requests } = fakeClient(() => ({}));
		const indexes = Array.from({ length: 68 }, (_, i) => i);
		const outcomes = await meetingUpdateStatus.executeBatch!.call(
			context(parameters),
			indexes,
			client,
			{
				maxConcurrency: 4,
			},
		);
		assert.equal(requests.length, 5);
		const sizes = requests.map((r) => [
			r.pathParameters?.meetingId,
			(r.body as IDataObject).action,
			((r.body as IDataObject).registrants as unknown[]).length,
		]);
		assert.deepEqual(sizes, [
			[meetingA, 'approve', 30],
			[meetingA, 'approve', 30],
			[meetingA, 'approve', 5],
			[meetingA, 'deny', 2],
			[meetingB, 'approve', 1],
		]);
		assert.equal(outcomes.length, 68);
		assert.deepEqual(outcomes[66], {
			itemIndex: 66,
			result: {
				id: Number(meetingA),
				registrant_id: 'reg66',
				action: 'deny',
				status: 'denied',
				updated: true,
			},
		});
	});

	test('a request Zoom refuses over one registrant is retried one by one, so only that item fails', async () => {
		const parameters = (i: number): IDataObject => ({
			meetingId: rl(meetingA),
			registrantId: i === 2 ? 'unknown@example.com' : `reg${i}`,
			action: 'approve',
		});
		const { client, requests } = fakeClient((request) => {
			const list = (request.body as IDataObject).registrants as IDataObject[];
			return list.some((r) => r.email === 'unknown@example.com')
				? zoomError(400, 300, 'Registrant does not exist: unknown@example.com.')
				: {};
		});
		const outcomes = await meetingUpdateStatus.executeBatch!.call(
			context(parameters),
			[0, 1, 2, 3],
			client,
			{
				maxConcurrency: 1,
			},
		);
		assert.equal(requests.length, 5); // the shared one, then one per item
		const view = results(outcomes);
		assert.equal(view.filter((o) => 'error' in o).length, 1);
		assert.deepEqual(view[2], {
			itemIndex: 2,
			error: 'Zoom error 300: Registrant does not exist: unknown@example.com.',
		});
		assert.ok('result' in outcomes[3]);
	});

	test('an invalid item fails alone before anything is sent, the others are still sent together', async () => {
		const parameters = (i: number): IDataObject => ({
			meetingId: rl(i === 1 ? 'not a meeting' : meetingA),
			registrantId: `reg${i}`,
			action: 'approve',
		});
		const { client, requests } = fakeClient(() => ({}));
		const outcomes = await meetingUpdateStatus.executeBatch!.call(
			context(parameters),
			[0, 1, 2],
			client,
			{
				maxConcurrency: 1,
			},
		);
		assert.equal(requests.length, 1);
		assert.equal(((requests[0].body as IDataObject).registrants as unknown[]).length, 2);
		const failure = outcomes.find((o) => o.itemIndex === 1)!;
		assert.ok('error' in failure);
		assert.match(failure.error.message, /Invalid "Meeting".*item 1/);
	});
});

describe('meeting registrant Create batching', () => {
	const meetingId = '85746065432';
	const scheduled = {
		id: Number(meetingId),
		type: 2,
		topic: 'Launch',
		settings: { approval_type: 1 },
	};

	test('simple registrations share batch_registrants; items with more fields are created one by one', async () => {
		const parameters = (i: number): IDataObject => ({
			meetingId: rl(meetingId),
			email: `person${i}@example.com`,
			firstName: `P${i}`,
			additionalFields: i === 3 ? { city: 'Bonn' } : { lastName: 'Doe' },
		});
		const { client, requests } = fakeClient((request) => {
			if (request.endpoint === 'getMeeting') return scheduled;
			if (request.endpoint === 'batchCreateMeetingRegistrants') {
				const list = (request.body as IDataObject).registrants as IDataObject[];
				// Zoom leaves out a registrant it refuses (partial failure).
				return {
					registrants: list
						.filter((r) => r.email !== 'person1@example.com')
						.map((r) => ({ email: r.email, registrant_id: `id-${String(r.email)}` })),
				};
			}
			if (request.endpoint === 'createMeetingRegistrant') {
				const email = String((request.body as IDataObject).email);
				return email === 'person1@example.com'
					? zoomError(400, 3027, 'Host cannot register.')
					: { id: Number(meetingId), registrant_id: `single-${email}` };
			}
			return new Error(`unexpected ${request.endpoint}`);
		});
		const outcomes = await meetingCreate.executeBatch!.call(
			context(parameters),
			[0, 1, 2, 3],
			client,
			{
				maxConcurrency: 2,
			},
		);
		const endpoints = requests.map((r) => r.endpoint);
		assert.deepEqual(endpoints.filter((e) => e === 'batchCreateMeetingRegistrants').length, 1);
		assert.deepEqual(endpoints.filter((e) => e === 'getMeeting').length, 1);
		// item 3 (has a city) and the refused item 1 are sent alone
		assert.deepEqual(endpoints.filter((e) => e === 'createMeetingRegistrant').length, 2);
		const batchBody = requests.find((r) => r.endpoint === 'batchCreateMeetingRegistrants')!
			.body as IDataObject;
		assert.deepEqual(batchBody.registrants, [
			{ email: 'person0@example.com', first_name: 'P0', last_name: 'Doe' },
			{ email: 'person1@example.com', first_name: 'P1', last_name: 'Doe' },
			{ email: 'person2@example.com', first_name: 'P2', last_name: 'Doe' },
		]);
		const view = results(outcomes);
		assert.equal(
			(view[0] as { result: IDataObject }).result.registrant_id,
			'id-person0@example.com',
		);
		assert.equal((view[0] as { result: IDataObject }).result.topic, 'Launch');
		assert.deepEqual(view[1], { itemIndex: 1, error: 'Zoom error 3027: Host cannot register.' });
		assert.equal(
			(view[3] as { result: IDataObject }).result.registrant_id,
			'single-person3@example.com',
		);
	});

	test('different Auto Approve choices make separate batches but one meeting Get', async () => {
		const parameters = (i: number): IDataObject => ({
			meetingId: rl(meetingId),
			email: `a${i}@example.com`,
			firstName: 'A',
			additionalFields: i % 2 === 0 ? { autoApprove: true } : {},
		});
		const { client, requests } = fakeClient((request) => {
			if (request.endpoint === 'getMeeting') return scheduled;
			const list = (request.body as IDataObject).registrants as IDataObject[];
			return { registrants: list.map((r) => ({ email: r.email, registrant_id: 'r' })) };
		});
		await meetingCreate.executeBatch!.call(context(parameters), [0, 1, 2, 3], client, {
			maxConcurrency: 2,
		});
		const batches = requests.filter((r) => r.endpoint === 'batchCreateMeetingRegistrants');
		assert.equal(requests.filter((r) => r.endpoint === 'getMeeting').length, 1);
		assert.deepEqual(
			batches.map((r) => (r.body as IDataObject).auto_approve),
			[true, undefined],
		);
	});

	test('a meeting that is not scheduled (recurring) gets single creates, never a batch', async () => {
		const parameters = (i: number): IDataObject => ({
			meetingId: rl(meetingId),
			email: `p${i}@example.com`,
			firstName: 'P',
			additionalFields: {},
		});
		const { client, requests } = fakeClient((request) => {
			if (request.endpoint === 'getMeeting') return { ...scheduled, type: 8 };
			return { id: Number(meetingId), registrant_id: 'x' };
		});
		await meetingCreate.executeBatch!.call(context(parameters), [0, 1, 2], client, {
			maxConcurrency: 1,
		});
		assert.deepEqual(
			requests.map((r) => r.endpoint),
			[
				'getMeeting',
				'createMeetingRegistrant',
				'createMeetingRegistrant',
				'createMeetingRegistrant',
			],
		);
	});
});

describe('webinar panelist Add batching', () => {
	test('40 panelists of one webinar: 2 add requests and 1 list for their IDs', async () => {
		const parameters = (i: number): IDataObject => ({
			webinarId: rl('95204914252'),
			email: `panelist${i}@example.com`,
			name: `Panelist ${i}`,
			additionalFields: {},
		});
		const { client, requests } = fakeClient((request) => {
			if (request.endpoint === 'listWebinarPanelists')
				return {
					panelists: Array.from({ length: 40 }, (_, i) => ({
						id: `pid${i}`,
						email: `panelist${i}@example.com`,
					})),
				};
			return { id: '95204914252', updated_at: '2030-01-01T00:00:00Z' };
		});
		const indexes = Array.from({ length: 40 }, (_, i) => i);
		const outcomes = await panelistAdd.executeBatch.call(context(parameters), indexes, client, {
			maxConcurrency: 2,
		});
		assert.deepEqual(requests.map((r) => r.endpoint).sort(), [
			'addWebinarPanelists',
			'addWebinarPanelists',
			'listWebinarPanelists',
		]);
		assert.equal(outcomes.length, 40);
		assert.equal((outcomes[39] as { result: IDataObject }).result.panelist_id, 'pid39');
	});
});

describe('robust to other Zoom stand-ins', () => {
	test('a batch answer without emails but one entry per registrant is read in request order', async () => {
		const parameters = (i: number): IDataObject => ({
			meetingId: rl('85746065432'),
			email: `o${i}@example.com`,
			firstName: 'O',
			additionalFields: {},
		});
		const { client, requests } = fakeClient((request) => {
			if (request.endpoint === 'getMeeting') return { type: 2, settings: { approval_type: 0 } };
			const list = (request.body as IDataObject).registrants as IDataObject[];
			return { registrants: list.map((_, i) => ({ registrant_id: `r${i}` })) };
		});
		const outcomes = await meetingCreate.executeBatch!.call(
			context(parameters),
			[0, 1, 2],
			client,
			{
				maxConcurrency: 1,
			},
		);
		assert.equal(requests.filter((r) => r.endpoint === 'createMeetingRegistrant').length, 0);
		assert.deepEqual(
			outcomes.map((o) =>
				'result' in o ? (o.result as IDataObject).registrant_id : o.error.message,
			),
			['r0', 'r1', 'r2'],
		);
	});

	test('webinar Get Many stops when a server ignores page_number (no duplicates)', async () => {
		const page = Array.from({ length: 300 }, (_, i) => ({ id: i + 1, uuid: `u${i}` }));
		const { client, requests } = fakeClient(() => ({ total_records: 450, webinars: page }));
		const { listWebinars } = await import('../../nodes/ZoomWorkplace/actions/webinar/listWebinars');
		const all = await listWebinars(client, 'me', {}, undefined);
		assert.equal(all.length, 300);
		assert.equal(requests.length, 2);
	});
});

describe('batch operations one item at a time (execute, as an AI tool calls them)', () => {
	test("execute returns the item's own result, or throws its own error", async () => {
		const parameters = (): IDataObject => ({
			meetingId: rl('85746065432'),
			registrantId: 'reg1',
			action: 'approve',
		});
		const ok = fakeClient(() => ({}));
		const result = await meetingUpdateStatus.execute.call(context(parameters), 0, ok.client);
		assert.deepEqual(result, {
			id: 85746065432,
			registrant_id: 'reg1',
			action: 'approve',
			status: 'approved',
			updated: true,
		});
		const failing = fakeClient(() => zoomError(404, 3001, 'Meeting does not exist: 85746065432.'));
		await assert.rejects(
			meetingUpdateStatus.execute.call(context(parameters), 0, failing.client),
			/Meeting does not exist/,
		);
	});
});
