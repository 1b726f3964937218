import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as deleteMeeting from '../../nodes/ZoomWorkplace/actions/meeting/delete.operation';
import * as end from '../../nodes/ZoomWorkplace/actions/meeting/end.operation';
import * as get from '../../nodes/ZoomWorkplace/actions/meeting/get.operation';
import * as getAll from '../../nodes/ZoomWorkplace/actions/meeting/getAll.operation';
import * as getInvitation from '../../nodes/ZoomWorkplace/actions/meeting/getInvitation.operation';
import * as update from '../../nodes/ZoomWorkplace/actions/meeting/update.operation';
import type { ZoomClient } from '../../nodes/core/transport';
import { buildPath, ENDPOINTS, type EndpointName } from '../../nodes/core/zoom/endpoints';
import { ZoomWorkplace } from '../../nodes/ZoomWorkplace/ZoomWorkplace.node';

/* Request shapes and validation of the meeting operations, with a fake n8n context and client. */

const node: INode = {
	id: 'n',
	name: 'Zoom Workplace',
	type: 'zoomWorkplace',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function fakeContext(parameters: IDataObject): IExecuteFunctions {
	return {
		getNode: () => node,
		getTimezone: () => 'Europe/Berlin',
		getExecutionCancelSignal: () => undefined,
		getNodeParameter: (
			name: string,
			_itemIndex: number,
			fallback?: unknown,
			options?: { extractValue?: boolean },
		) => {
			const value = parameters[name] ?? fallback;
			if (options?.extractValue && value && typeof value === 'object' && '__rl' in value)
				return (value as IDataObject).value;
			return value;
		},
	} as unknown as IExecuteFunctions;
}

interface Call {
	kind: 'request' | 'requestAllItems';
	args: IDataObject;
}

function fakeClient(answers: Array<IDataObject | Error> = []): {
	client: ZoomClient;
	calls: Call[];
} {
	const calls: Call[] = [];
	const next = async () => {
		const answer = answers.shift() ?? {};
		if (answer instanceof Error) throw answer;
		return answer;
	};
	// Records the method and path each call resolves to through the endpoint catalogue
	// (a paginated call is always a GET, so only its path is recorded).
	const resolved = (args: IDataObject, withMethod: boolean): IDataObject => {
		const { endpoint, pathParameters, ...rest } = args;
		const name = endpoint as EndpointName;
		const path = buildPath(name, (pathParameters ?? {}) as Record<string, string>);
		return withMethod ? { method: ENDPOINTS[name].method, path, ...rest } : { path, ...rest };
	};
	const client = {
		request: async (args: IDataObject) => {
			calls.push({ kind: 'request', args: resolved(args, true) });
			return { statusCode: 200, body: await next(), headers: {} };
		},
		requestAllItems: async (args: IDataObject) => {
			calls.push({ kind: 'requestAllItems', args: resolved(args, false) });
			return [await next()];
		},
	} as unknown as ZoomClient;
	return { client, calls };
}

const rl = (value: string | number) => ({ __rl: true, mode: 'id', value });

async function rejectsWith(promise: Promise<unknown>, pattern: RegExp) {
	await assert.rejects(promise, (error: unknown) => {
		assert.ok(error instanceof NodeOperationError, String(error));
		assert.match(error.message, pattern);
		return true;
	});
}

describe('meeting operations: descriptions', () => {
	function visibleFor(operation: string): INodeProperties[] {
		return new ZoomWorkplace().description.properties.filter((property) => {
			const show = property.displayOptions?.show;
			if (!show) return true;
			const resources = show.resource as string[] | undefined;
			const operations = show.operation as string[] | undefined;
			return (
				(!resources || resources.includes('meeting')) &&
				(!operations || operations.includes(operation))
			);
		});
	}

	for (const operation of ['get', 'getAll', 'update', 'delete', 'end', 'getInvitation']) {
		test(`${operation}: no two visible parameters share a name (n8n would keep only one value)`, () => {
			const names = visibleFor(operation).map((property) => property.name);
			const duplicates = names.filter((name, index) => names.indexOf(name) !== index);
			assert.deepEqual(duplicates, [], `duplicate parameter names for meeting → ${operation}`);
		});
	}

	test('update offers every create field plus Topic', () => {
		const collection = update.description.find((p) => p.name === 'updateFields');
		const names = (collection?.options as INodeProperties[]).map((o) => o.name);
		for (const name of [
			'topic',
			'type',
			'startTime',
			'timezone',
			'duration',
			'password',
			'agenda',
			'scheduleFor',
			'recurrence',
			'settings',
		]) {
			assert.ok(names.includes(name), name);
		}
	});
});

describe('meeting operations: requests', () => {
	test('get: numeric ID from an expression, occurrence and previous occurrences', async () => {
		const { client, calls } = fakeClient([{ id: 85746065432, topic: 'T' }]);
		const ctx = fakeContext({
			meetingId: rl(85746065432),
			options: { occurrenceId: '1648194360000', showPreviousOccurrences: false },
		});
		assert.deepEqual(await get.execute.call(ctx, 0, client), { id: 85746065432, topic: 'T' });
		assert.deepEqual(calls[0].args, {
			method: 'GET',
			path: '/meetings/85746065432',
			qs: { occurrence_id: '1648194360000', show_previous_occurrences: false },
			itemIndex: 0,
		});
	});

	test("get: a UUID is refused, as Zoom's spec takes a numeric meeting ID there", async () => {
		const { client, calls } = fakeClient();
		// The fake client resolves paths through buildPath, the client's one path builder.
		await assert.rejects(
			get.execute.call(fakeContext({ meetingId: rl('/ajXp112QmuoKj4854875==') }), 0, client),
			/Invalid "Meeting": this operation takes a meeting ID \(9 to 11 digits\) or a join URL, not a UUID/,
		);
		assert.equal(calls.length, 0);
	});

	test('get: an occurrence ID with letters fails before any request, naming field and item', async () => {
		const { client, calls } = fakeClient();
		const ctx = fakeContext({ meetingId: rl('85746065432'), options: { occurrenceId: '12ab' } });
		await rejectsWith(
			get.execute.call(ctx, 3, client),
			/^Invalid "Occurrence ID" in item 3: must contain only digits/,
		);
		assert.equal(calls.length, 0);
	});

	test('getAll: Limit is passed to the paginator, filters become Zoom query parameters', async () => {
		const { client, calls } = fakeClient();
		const ctx = fakeContext({
			userId: rl('jchill@example.com'),
			returnAll: false,
			limit: 42,
			filters: {
				type: 'upcoming_meetings',
				from: '2030-03-01T00:00:00',
				to: '2030-03-31T00:00:00',
			},
		});
		await getAll.execute.call(ctx, 0, client);
		assert.deepEqual(calls[0].args, {
			path: '/users/jchill%40example.com/meetings',
			qs: { type: 'upcoming_meetings', from: '2030-03-01', to: '2030-03-31' },
			arrayKey: 'meetings',
			limit: 42,
			itemIndex: 0,
		});
	});

	test('getAll: Return All has no limit', async () => {
		const { client, calls } = fakeClient();
		await getAll.execute.call(
			fakeContext({ userId: rl('me'), returnAll: true, limit: 5 }),
			0,
			client,
		);
		assert.equal(calls[0].args.limit, undefined);
	});

	test('update: PATCH with false and 0, then GET with the same occurrence', async () => {
		const { client, calls } = fakeClient([{}, { id: 85746065432, topic: 'New' }]);
		const ctx = fakeContext({
			meetingId: rl('85746065432'),
			updateFields: { topic: 'New', settings: { waitingRoom: false, jbhTime: 0 } },
			options: { occurrenceId: '1648194360000' },
		});
		assert.deepEqual(await update.execute.call(ctx, 0, client), { id: 85746065432, topic: 'New' });
		assert.deepEqual(
			calls.map((c) => [c.args.method, c.args.path, c.args.qs, c.args.body]),
			[
				[
					'PATCH',
					'/meetings/85746065432',
					{ occurrence_id: '1648194360000' },
					{ topic: 'New', settings: { waiting_room: false, jbh_time: 0 } },
				],
				['GET', '/meetings/85746065432', { occurrence_id: '1648194360000' }, undefined],
			],
		);
	});

	test('update: a failed read-back still reports the update', async () => {
		const { client } = fakeClient([
			{},
			new Error('Zoom error 4711: Invalid access token, does not contain scopes:[meeting:read]'),
		]);
		const ctx = fakeContext({ meetingId: rl('85746065432'), updateFields: { duration: 0 } });
		assert.deepEqual(await update.execute.call(ctx, 0, client), {
			id: 85746065432,
			updated: true,
			readBackError:
				'Zoom error 4711: Invalid access token, does not contain scopes:[meeting:read]',
		});
	});

	test('update: nothing to update', async () => {
		const { client, calls } = fakeClient();
		await rejectsWith(
			update.execute.call(
				fakeContext({ meetingId: rl('85746065432'), updateFields: {} }),
				2,
				client,
			),
			/Add at least one field to update \(item 2\)/,
		);
		assert.equal(calls.length, 0);
	});

	test('delete: notification choices, false included', async () => {
		const { client, calls } = fakeClient();
		const ctx = fakeContext({
			meetingId: rl('85746065432'),
			options: { notifyHost: false, notifyRegistrants: true, occurrenceId: '1648194360000' },
		});
		assert.deepEqual(await deleteMeeting.execute.call(ctx, 0, client), {
			id: 85746065432,
			occurrenceId: '1648194360000',
			deleted: true,
		});
		assert.deepEqual(calls[0].args.qs, {
			occurrence_id: '1648194360000',
			schedule_for_reminder: false,
			cancel_meeting_reminder: true,
		});
		assert.equal(calls[0].args.method, 'DELETE');
	});

	test('end and getInvitation', async () => {
		const ended = fakeClient();
		assert.deepEqual(
			await end.execute.call(
				fakeContext({ meetingId: rl('https://zoom.us/j/85746065432?pwd=x') }),
				0,
				ended.client,
			),
			{ id: 85746065432, ended: true },
		);
		assert.deepEqual(ended.calls[0].args, {
			method: 'PUT',
			path: '/meetings/85746065432/status',
			body: { action: 'end' },
			itemIndex: 0,
		});

		const invitation = fakeClient([{ invitation: 'Join…', sip_links: [] }]);
		assert.deepEqual(
			await getInvitation.execute.call(
				fakeContext({ meetingId: rl('85746065432') }),
				0,
				invitation.client,
			),
			{
				id: 85746065432,
				invitation: 'Join…',
				sip_links: [],
			},
		);
		assert.equal(invitation.calls[0].args.path, '/meetings/85746065432/invitation');
	});
});
