import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS, type EndpointName } from '../../../core/zoom/endpoints';
import { INSTANCE_EXAMPLES, JOIN_URL_ID } from '../../helpers/identifiers';
import { readInstanceTarget, type InstanceTarget } from '../../helpers/parameters';

/**
 * A meeting or a webinar as an operation addresses it (its own operations, its registrants,
 * panelists and recordings): the node parameter, its resource locator and how an item's value
 * is read. Declared once per kind.
 */
export interface InstanceKind {
	noun: 'meeting' | 'webinar';
	label: 'Meeting' | 'Webinar';
	/** The node parameter (a resource locator) and the endpoints' path parameter. */
	parameter: 'meetingId' | 'webinarId';
	/**
	 * The locator; `description` says which forms the operation takes. `list` names another list
	 * search (e.g. the meetings that have a summary) and the placeholder of its ID mode.
	 */
	locator(
		description: string,
		list?: { searchListMethod: string; idPlaceholder: string },
	): INodeProperties;
	read(ctx: IExecuteFunctions, itemIndex: number): InstanceTarget;
}

function instanceKind(
	noun: InstanceKind['noun'],
	label: InstanceKind['label'],
	parameter: InstanceKind['parameter'],
	/** The list search method and the query a join URL carries (shown in the placeholder). */
	searchListMethod: string,
	urlQuery: string,
): InstanceKind {
	const example = INSTANCE_EXAMPLES[noun];
	return {
		noun,
		label,
		parameter,
		locator: (description, list) => ({
			displayName: label,
			name: parameter,
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			required: true,
			description,
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					typeOptions: {
						searchListMethod: list?.searchListMethod ?? searchListMethod,
						searchable: true,
					},
				},
				{
					displayName: 'By ID',
					name: 'id',
					type: 'string',
					placeholder: list?.idPlaceholder ?? example.id,
				},
				{
					displayName: 'By URL',
					name: 'url',
					type: 'string',
					placeholder: `${example.url}?${urlQuery}=…`,
					extractValue: { type: 'regex', regex: JOIN_URL_ID },
					validation: [
						{
							type: 'regex',
							properties: {
								regex: `${JOIN_URL_ID}.*`,
								errorMessage: `Not a Zoom ${example.urlName} such as ${example.url}`,
							},
						},
					],
				},
			],
		}),
		read: (ctx, itemIndex) => readInstanceTarget(ctx, itemIndex, parameter),
	};
}

export const MEETING_KIND = instanceKind(
	'meeting',
	'Meeting',
	'meetingId',
	'searchMeetings',
	'pwd',
);
export const WEBINAR_KIND = instanceKind('webinar', 'Webinar', 'webinarId', 'searchWebinars', 'tk');

/**
 * The locator for an operation calling `endpoint`, its help text saying what that endpoint takes:
 * every one the ID (from a join URL too), some also the UUID of one past instance (the endpoint
 * catalogue says which).
 */
export function locatorFor(
	kind: InstanceKind,
	endpoint: EndpointName,
	subject = `The ${kind.noun}`,
): INodeProperties {
	const forms = ENDPOINTS[endpoint].acceptsUuid
		? 'its ID, its join URL, or the UUID of one of its past instances'
		: 'its ID or its join URL';
	return kind.locator(`${subject}: ${forms}`);
}
