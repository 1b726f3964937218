import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { booleanSchema, emailSchema } from '../../helpers/schemas';
import { readUserId } from '../../helpers/parameters';
import { validateField } from '../../helpers/validation';
import type { ZoomClient } from '../../transport';
import { userIdField } from '../common.descriptions';
import { optionsCollection } from '../requestSettings';

const show = { resource: ['user'], operation: ['delete'] };

const DELETE_ACTIONS = ['disassociate', 'delete'] as const;

/** Node option → Zoom query parameter; each moves data to the Transfer To Email user. */
const TRANSFERS: Record<string, { label: string; zoom: string }> = {
	transferMeetings: { label: 'Transfer Meetings', zoom: 'transfer_meeting' },
	transferRecordings: { label: 'Transfer Recordings', zoom: 'transfer_recording' },
	transferWebinars: { label: 'Transfer Webinars', zoom: 'transfer_webinar' },
	transferWhiteboards: { label: 'Transfer Whiteboards', zoom: 'transfer_whiteboard' },
};

export const description: INodeProperties[] = [
	userIdField(show),
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
		displayOptions: { show },
	},
	{
		displayName: 'Transfer',
		name: 'transfer',
		type: 'collection',
		placeholder: 'Add Transfer Option',
		default: {},
		description: "Hand the user's data over to another user of the account before it goes",
		displayOptions: { show },
		options: [
			{
				displayName: 'Transfer Meetings',
				name: 'transferMeetings',
				type: 'boolean',
				default: true,
				description: "Whether to transfer the user's upcoming meetings (needs Transfer To Email)",
			},
			{
				displayName: 'Transfer Recordings',
				name: 'transferRecordings',
				type: 'boolean',
				default: true,
				description: "Whether to transfer the user's cloud recordings (needs Transfer To Email)",
			},
			{
				displayName: 'Transfer To Email',
				name: 'transferEmail',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description:
					'Email of the account user who receives the data. Required when the user has Zoom Events/Sessions.',
			},
			{
				displayName: 'Transfer Webinars',
				name: 'transferWebinars',
				type: 'boolean',
				default: true,
				description: "Whether to transfer the user's webinars (needs Transfer To Email)",
			},
			{
				displayName: 'Transfer Whiteboards',
				name: 'transferWhiteboards',
				type: 'boolean',
				default: true,
				description:
					"Whether to transfer the user's Zoom Whiteboard data (needs Transfer To Email)",
			},
		],
	},
	optionsCollection(show),
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

	const qs: IDataObject = { action };
	if (transfer.transferEmail !== undefined) {
		qs.transfer_email = validateField(
			this,
			itemIndex,
			'Transfer To Email',
			emailSchema,
			transfer.transferEmail,
		);
	}
	for (const [name, { label, zoom }] of Object.entries(TRANSFERS)) {
		if (transfer[name] === undefined) continue;
		const value = validateField(this, itemIndex, label, booleanSchema, transfer[name]);
		if (value && qs.transfer_email === undefined) {
			throw new NodeOperationError(
				this.getNode(),
				`Invalid "${label}" in item ${itemIndex}: it needs "Transfer To Email", the user who receives the data`,
				{ itemIndex },
			);
		}
		qs[zoom] = value;
	}

	await client.request({
		endpoint: 'deleteUser',
		pathParameters: { userId },
		qs,
		itemIndex,
	});
	return { id: userId, deleted: true, action };
}
