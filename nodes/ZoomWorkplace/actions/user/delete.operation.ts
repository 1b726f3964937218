import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { applyFields, fieldsCollection, type FieldDefinition } from '../../helpers/fields';
import { booleanSchema, emailSchema } from '../../helpers/schemas';
import { readUserId } from '../../helpers/parameters';
import { validateField } from '../../helpers/validation';
import type { ZoomClient } from '../../../core/transport';
import { userIdField } from '../shared/common.descriptions';
import { optionsCollection } from '../shared/requestSettings';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../shared/types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Delete',
	description: 'Disassociate or delete a user',
	action: 'Delete a user',
};

const DELETE_ACTIONS = ['disassociate', 'delete'] as const;

/** A "transfer" switch: a query parameter that moves data to the Transfer To Email user. */
const transferSwitch = (displayName: string, name: string, zoom: string, what: string) => ({
	property: {
		displayName,
		name,
		type: 'boolean' as const,
		default: true,
		description: `Whether to transfer the user's ${what} (needs Transfer To Email)`,
	},
	zoom,
	in: 'query' as const,
	schema: booleanSchema,
});

/** The Transfer options of DELETE /users/{userId}, each declared once. */
const TRANSFER_FIELDS: FieldDefinition[] = [
	transferSwitch('Transfer Meetings', 'transferMeetings', 'transfer_meeting', 'upcoming meetings'),
	transferSwitch(
		'Transfer Recordings',
		'transferRecordings',
		'transfer_recording',
		'cloud recordings',
	),
	{
		property: {
			displayName: 'Transfer To Email',
			name: 'transferEmail',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description:
				'Email of the account user who receives the data. Required when the user has Zoom Events/Sessions.',
		},
		zoom: 'transfer_email',
		in: 'query',
		schema: emailSchema,
	},
	transferSwitch('Transfer Webinars', 'transferWebinars', 'transfer_webinar', 'webinars'),
	transferSwitch(
		'Transfer Whiteboards',
		'transferWhiteboards',
		'transfer_whiteboard',
		'Zoom Whiteboard data',
	),
];

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['deleteUser'];

export const description: INodeProperties[] = [
	userIdField(),
	{
		displayName: 'Action',
		name: 'action',
		type: 'options',
		options: [
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a user permanently',
				description: 'Permanently delete the user and their data',
			},
			{
				name: 'Disassociate',
				value: 'disassociate',
				action: 'Disassociate a user from the account',
				description:
					'Remove the user from the account; they keep a free Zoom account of their own. Use this for pending users.',
			},
		],
		default: 'disassociate',
		description: 'Whether to remove the user from the account or delete them for good',
	},
	{
		...fieldsCollection('transfer', 'Transfer', TRANSFER_FIELDS, 'Add Transfer Option'),
		description: "Hand the user's data over to another user of the account before it goes",
	},
	optionsCollection(),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const userId = readUserId(this, itemIndex);
	const action = validateField(
		this,
		itemIndex,
		'Action',
		z.enum(DELETE_ACTIONS, { message: 'must be disassociate or delete' }),
		this.getNodeParameter('action', itemIndex, 'disassociate'),
	);
	const transfer = this.getNodeParameter('transfer', itemIndex, {}) as IDataObject;

	const { qs } = applyFields(this, itemIndex, TRANSFER_FIELDS, transfer, {
		body: {},
		qs: { action },
	});
	// A transfer needs someone to receive the data.
	for (const field of TRANSFER_FIELDS) {
		if (field.in === 'query' && qs[field.zoom] === true && qs.transfer_email === undefined) {
			throw new NodeOperationError(
				this.getNode(),
				`Invalid "${field.property.displayName}" in item ${itemIndex}: it needs "Transfer To Email", the user who receives the data`,
				{ itemIndex },
			);
		}
	}

	await client.request({
		endpoint: 'deleteUser',
		pathParameters: { userId },
		qs,
		itemIndex,
	});
	return { id: userId, deleted: true, action };
}
