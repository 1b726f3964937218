/**
 * Workflow builders for the end-to-end tests: the Zoom Workplace node wired into small workflows
 * that `n8n execute` runs from a Manual Trigger. Each workflow puts many Zoom nodes in one run
 * (an `n8n execute` costs 5-9 s), and the tests read every node's output by its name.
 */
import type { WorkflowImport, WorkflowNode } from '../harness/n8n';

export type Authentication = 'serverToServerOAuth' | 'accessToken' | 'oAuth2';

export const CREDENTIAL_TYPE: Record<Authentication, string> = {
	serverToServerOAuth: 'zoomWorkplaceServerToServerOAuthApi',
	accessToken: 'zoomWorkplaceAccessTokenApi',
	oAuth2: 'zoomWorkplaceOAuth2Api',
};

export interface ZoomCredentialRef {
	authentication: Authentication;
	id: string;
	name: string;
}

/** A resource locator as the editor stores it. */
export function rl(value: string | number, mode = 'id') {
	return { __rl: true, mode, value: String(value) };
}

export const START: WorkflowNode = {
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	parameters: {},
};

/** A Code node ("Run Once for All Items") that outputs these items. */
export function itemsNode(name: string, items: Array<Record<string, unknown>>): WorkflowNode {
	return {
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: {
			jsCode: `return ${JSON.stringify(items.map((json) => ({ json })))};`,
		},
	};
}

export function waitNode(name: string, seconds: number): WorkflowNode {
	return {
		name,
		type: 'n8n-nodes-base.wait',
		typeVersion: 1.1,
		parameters: { resume: 'timeInterval', amount: seconds, unit: 'seconds' },
	};
}

/** A Zoom Workplace node; `settings` are node settings such as `onError` or `executeOnce`. */
export function zoomNode(
	name: string,
	credential: ZoomCredentialRef,
	parameters: Record<string, unknown>,
	settings: Record<string, unknown> = {},
): WorkflowNode {
	return {
		name,
		type: 'n8n-nodes-zoom.zoomWorkplace',
		typeVersion: 1,
		parameters: { authentication: credential.authentication, ...parameters },
		credentials: {
			[CREDENTIAL_TYPE[credential.authentication]]: { id: credential.id, name: credential.name },
		},
		...settings,
	};
}

/**
 * Connections from edges `[from, to]` (main output 0 → input 0). With n8n's v1 execution order
 * a node's children run one branch after the other, top (smaller y) first; `layout` gives each
 * node a position so that the order is the one listed.
 */
export function connect(edges: Array<[string, string]>): Record<string, unknown> {
	const connections: Record<string, { main: Array<Array<Record<string, unknown>>> }> = {};
	for (const [from, to] of edges) {
		connections[from] ??= { main: [[]] };
		connections[from].main[0].push({ node: to, type: 'main', index: 0 });
	}
	return connections;
}

/** Positions: the nodes of each row left to right, rows top to bottom (branch order). */
export function layout(rows: WorkflowNode[][]): WorkflowNode[] {
	return rows.flatMap((row, y) =>
		row.map((node, x) => ({ ...node, position: [x * 240, y * 200] as [number, number] })),
	);
}

// ---------------------------------------------------------------------------------------------
// The full round trip: meetings and users, one workflow per credential type
// ---------------------------------------------------------------------------------------------

export interface MeetingInput {
	topic: string;
	startTime: string;
	duration: number;
	agenda: string;
}

export interface UserInput {
	email: string;
	firstName: string;
	lastName: string;
}

export const MEETING_NODES = {
	items: 'Meetings To Create',
	create: 'Create Meeting',
	get: 'Get Meeting',
	list: 'List Meetings',
	update: 'Update Meeting',
	delete: 'Delete Meeting',
} as const;

export const USER_NODES = {
	items: 'Users To Create',
	create: 'Create User',
	get: 'Get User',
	list: 'List Users',
	update: 'Update User',
	deactivate: 'Deactivate User',
	delete: 'Delete User',
} as const;

/**
 * Start ─┬─ Meetings To Create → Create Meeting → Get Meeting ─┬─ List Meetings (once, Return All)
 *        │                                                     └─ Update Meeting → Delete Meeting
 *        └─ Users To Create → Create User → Get User ─┬─ List Users (once, Return All)
 *                                                    └─ Update User → Deactivate User → Delete User
 *
 * Every per-item node takes the ID from its input item (`{{ $json.id }}`), so each output item
 * must stay paired with the item that made it. The lists run before anything is deleted.
 */
export function roundTripWorkflow(
	credential: ZoomCredentialRef,
	input: { meetings: MeetingInput[]; users: UserInput[]; jobTitle: string },
): WorkflowImport {
	const M = MEETING_NODES;
	const U = USER_NODES;
	const byId = rl('={{ $json.id }}');
	const nodes = layout([
		[START, itemsNode(M.items, input.meetings as unknown as Array<Record<string, unknown>>)],
		[
			zoomNode(M.create, credential, {
				resource: 'meeting',
				operation: 'create',
				userId: rl('me'),
				topic: '={{ $json.topic }}',
				additionalFields: {
					startTime: '={{ $json.startTime }}',
					duration: '={{ $json.duration }}',
					agenda: '={{ $json.agenda }}',
					settings: { waitingRoom: true, joinBeforeHost: false, muteUponEntry: true },
				},
			}),
			zoomNode(M.get, credential, { resource: 'meeting', operation: 'get', meetingId: byId }),
		],
		[
			zoomNode(
				M.list,
				credential,
				{ resource: 'meeting', operation: 'getAll', userId: rl('me'), returnAll: true },
				{ executeOnce: true },
			),
		],
		[
			zoomNode(M.update, credential, {
				resource: 'meeting',
				operation: 'update',
				meetingId: byId,
				updateFields: {
					topic: '={{ $json.topic }} (moved)',
					duration: 90,
					settings: { waitingRoom: false, muteUponEntry: false },
				},
			}),
			zoomNode(M.delete, credential, { resource: 'meeting', operation: 'delete', meetingId: byId }),
		],
		[itemsNode(U.items, input.users as unknown as Array<Record<string, unknown>>)],
		[
			zoomNode(U.create, credential, {
				resource: 'user',
				operation: 'create',
				action: 'custCreate',
				email: '={{ $json.email }}',
				userType: 1,
				additionalFields: {
					firstName: '={{ $json.firstName }}',
					lastName: '={{ $json.lastName }}',
				},
			}),
			zoomNode(U.get, credential, { resource: 'user', operation: 'get', userId: byId }),
		],
		[
			zoomNode(
				U.list,
				credential,
				{ resource: 'user', operation: 'getAll', returnAll: true },
				{ executeOnce: true },
			),
		],
		[
			zoomNode(U.update, credential, {
				resource: 'user',
				operation: 'update',
				userId: byId,
				updateFields: { jobTitle: input.jobTitle, lastName: '={{ $json.last_name }}-Updated' },
			}),
			zoomNode(U.deactivate, credential, {
				resource: 'user',
				operation: 'deactivate',
				userId: byId,
			}),
			zoomNode(U.delete, credential, { resource: 'user', operation: 'delete', userId: byId }),
		],
	]);
	return {
		name: `e2e round trip (${credential.authentication})`,
		nodes,
		connections: connect([
			['Start', M.items],
			['Start', U.items],
			[M.items, M.create],
			[M.create, M.get],
			[M.get, M.list],
			[M.get, M.update],
			[M.update, M.delete],
			[U.items, U.create],
			[U.create, U.get],
			[U.get, U.list],
			[U.get, U.update],
			[U.update, U.deactivate],
			[U.deactivate, U.delete],
		]),
		settings: { executionOrder: 'v1' },
	};
}

// ---------------------------------------------------------------------------------------------
// Continue on fail, and a token that expires while the workflow waits
// ---------------------------------------------------------------------------------------------

export const RESILIENCE_NODES = {
	meetingIds: 'Meeting IDs',
	getMeetings: 'Get Meetings (continue on fail)',
	userIds: 'User IDs',
	getUsers: 'Get Users (continue on fail)',
	wait: 'Wait 3 s',
	afterWait: 'Get Me After Wait',
} as const;

/**
 * Start → Meeting IDs → Get Meetings (continue on fail) → User IDs → Get Users (continue on fail)
 *       → Wait 3 s (longer than the token lifetime) → Get Me After Wait (once)
 */
export function resilienceWorkflow(
	credential: ZoomCredentialRef,
	input: { meetingIds: Array<string | number>; userIds: string[]; waitSeconds: number },
): WorkflowImport {
	const R = RESILIENCE_NODES;
	const continueOnFail = { onError: 'continueRegularOutput' };
	const nodes = layout([
		[
			START,
			itemsNode(
				R.meetingIds,
				input.meetingIds.map((meetingId) => ({ meetingId })),
			),
			zoomNode(
				R.getMeetings,
				credential,
				{ resource: 'meeting', operation: 'get', meetingId: rl('={{ $json.meetingId }}') },
				continueOnFail,
			),
			itemsNode(
				R.userIds,
				input.userIds.map((userId) => ({ userId })),
			),
			zoomNode(
				R.getUsers,
				credential,
				{ resource: 'user', operation: 'get', userId: rl('={{ $json.userId }}') },
				continueOnFail,
			),
			waitNode(R.wait, input.waitSeconds),
			zoomNode(
				R.afterWait,
				credential,
				{ resource: 'user', operation: 'get', userId: rl('me') },
				{ executeOnce: true },
			),
		],
	]);
	return {
		name: `e2e continue on fail + token expiry (${credential.authentication})`,
		nodes,
		connections: connect([
			['Start', R.meetingIds],
			[R.meetingIds, R.getMeetings],
			[R.getMeetings, R.userIds],
			[R.userIds, R.getUsers],
			[R.getUsers, R.wait],
			[R.wait, R.afterWait],
		]),
		settings: { executionOrder: 'v1' },
	};
}
