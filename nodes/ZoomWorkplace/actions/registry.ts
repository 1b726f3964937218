import type { INodeProperties } from 'n8n-workflow';

import { chatChannel } from './chatChannel/ChatChannel.resource';
import { chatMessage } from './chatMessage/ChatMessage.resource';
import { cloudRecording } from './cloudRecording/CloudRecording.resource';
import { meeting } from './meeting/Meeting.resource';
import { meetingSummary } from './meetingSummary/MeetingSummary.resource';
import { pastMeeting } from './pastMeeting/PastMeeting.resource';
import { meetingRegistrant, webinarRegistrant } from './registrants/Registrant.resource';
import { report } from './report/Report.resource';
import type { ZoomOperation, ZoomResource } from './shared/types';
import { user } from './user/User.resource';
import { webinar } from './webinar/Webinar.resource';
import { webinarPanelist } from './webinarPanelist/WebinarPanelist.resource';

/**
 * Every resource of the node, once. The router, the node's description (Resource and Operation
 * selectors, each operation's parameters), the docs table and the tests all derive from it:
 * adding an operation is its file plus one line in its resource; adding a resource is its
 * module plus one line here.
 */
export const RESOURCES: readonly ZoomResource[] = [
	meeting,
	user,
	meetingRegistrant,
	webinar,
	webinarRegistrant,
	webinarPanelist,
	cloudRecording,
	pastMeeting,
	report,
	meetingSummary,
	chatMessage,
	chatChannel,
];

/** The resource a new node starts with (saved workflows rely on it: keep it stable). */
const DEFAULT_RESOURCE = 'meeting';

const byValue = new Map(RESOURCES.map((resource) => [resource.value, resource]));

export function findOperation(resource: string, operation: string): ZoomOperation | undefined {
	const operations = byValue.get(resource)?.operations;
	return operations && Object.hasOwn(operations, operation) ? operations[operation] : undefined;
}

/** Every (resource, operation) pair, in declaration order. */
export function allOperations(): Array<{
	resource: ZoomResource;
	value: string;
	operation: ZoomOperation;
}> {
	return RESOURCES.flatMap((resource) =>
		Object.entries(resource.operations).map(([value, operation]) => ({
			resource,
			value,
			operation,
		})),
	);
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

function resourceSelector(): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: RESOURCES.map((resource) => ({
			name: resource.displayName,
			value: resource.value,
		})).sort(byName),
		default: DEFAULT_RESOURCE,
	};
}

function operationSelector(resource: ZoomResource): INodeProperties {
	const { defaultOperation } = resource;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: Object.entries(resource.operations)
			.map(([value, { label }]) => ({
				name: label.name,
				value,
				description: label.description,
				action: label.action,
			}))
			.sort(byName),
		default: defaultOperation,
	};
}

/**
 * An operation's parameters, shown only for its resource and operation. A parameter keeps its
 * own conditions (e.g. Limit only without Return All); one that names a resource or operation
 * itself is refused, as the registry alone decides where it appears.
 */
export function scopedTo(
	resource: string,
	operation: string,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => {
		const own = property.displayOptions?.show;
		if (own?.resource || own?.operation) {
			throw new Error(
				`${resource} → ${operation}: parameter "${property.name}" sets its own resource or operation`,
			);
		}
		return {
			...property,
			displayOptions: {
				...property.displayOptions,
				show: { resource: [resource], operation: [operation], ...own },
			},
		};
	});
}

/** The Resource selector, then per resource its Operation selector and operations' parameters. */
export function registryProperties(): INodeProperties[] {
	return [
		resourceSelector(),
		...RESOURCES.flatMap((resource) => [
			operationSelector(resource),
			...Object.entries(resource.operations).flatMap(([value, operation]) =>
				scopedTo(resource.value, value, operation.description),
			),
		]),
	];
}
