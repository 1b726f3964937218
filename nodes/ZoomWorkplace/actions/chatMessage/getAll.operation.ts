import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { FieldDefinition } from '../../helpers/fields';
import { readInstantRange, readLimit, readUserId } from '../../helpers/parameters';
import { booleanSchema } from '../../helpers/schemas';
import { zoomDateTime } from '../../helpers/time';
import type { ZoomClient } from '../../../core/transport';
import type { EndpointName } from '../../../core/zoom/endpoints';
import { returnAllAndLimit, userIdField } from '../shared/common.descriptions';
import { optionsCollection, readOperationOptions } from '../shared/requestSettings';
import { scopeNotice } from '../shared/scopeNotice';
import type { OperationLabel } from '../shared/types';
import { readTarget, targetFields, targetParameter } from './shared';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Get Many',
	description: "List the messages of a channel or of the user's chat with a contact",
	action: 'Get many chat messages',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['listChatMessages'];

const listOptions: FieldDefinition[] = [
	{
		property: {
			displayName: 'Include Edited and Deleted Messages',
			name: 'includeDeletedAndEdited',
			type: 'boolean',
			default: false,
			description: 'Whether to list edited and deleted messages too',
		},
		zoom: 'include_deleted_and_edited_message',
		in: 'query',
		schema: booleanSchema,
	},
	{
		property: {
			displayName: 'Main Messages Only',
			name: 'excludeChildMessages',
			type: 'boolean',
			default: false,
			description: 'Whether to leave out the replies in threads',
		},
		zoom: 'exclude_child_message',
		in: 'query',
		schema: booleanSchema,
	},
];

export const description: INodeProperties[] = [
	scopeNotice(
		endpoints,
		"Zoom lists the messages of the last six months. With an account-level app, the user's role must allow Chat Messages.",
	),
	userIdField('Whose conversation to read: "me", a user ID or an email'),
	...targetFields('Messages of'),
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		required: true,
		default: '',
		description: "Oldest message time (without an offset: in the workflow's time zone)",
	},
	{
		displayName: 'Until',
		name: 'until',
		type: 'dateTime',
		default: '',
		description:
			'Newest message time, included (a date alone: until the end of that day). Empty: now.',
	},
	...returnAllAndLimit(),
	optionsCollection(listOptions),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject[]> {
	const userId = readUserId(this, itemIndex);
	const target = readTarget(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const { qs } = readOperationOptions(this, itemIndex, listOptions);
	const { from, to: until } = readInstantRange(this, itemIndex, { name: 'until', label: 'Until' });
	return await client.requestAllItems({
		endpoint: 'listChatMessages',
		pathParameters: { userId },
		qs: { ...qs, ...targetParameter(target), from: zoomDateTime(from), to: zoomDateTime(until) },
		arrayKey: 'messages',
		limit,
		itemIndex,
	});
}
