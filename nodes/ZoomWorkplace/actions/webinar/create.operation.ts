import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fieldsCollection } from '../../helpers/fields';
import { readUserId } from '../../helpers/parameters';
import { topicSchema } from '../../helpers/schemas';
import { validateField } from '../../helpers/validation';
import type { ZoomClient } from '../../../core/transport';
import { userIdField } from '../common.descriptions';
import { optionsCollection } from '../requestSettings';
import { findCreatedWebinar } from './findCreatedWebinar';
import { buildWebinarBody, webinarFieldDefinitions } from './webinarFields';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Create',
	description: 'Create a webinar',
	action: 'Create a webinar',
};
const definitions = webinarFieldDefinitions(false);

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['createWebinar', 'listWebinars', 'getWebinar'];

export const description: INodeProperties[] = [
	userIdField(
		'Host of the webinar: "me", a user ID or an email. The host needs a Webinar licence.',
	),
	{
		displayName: 'Topic',
		name: 'topic',
		type: 'string',
		required: true,
		default: '',
		description: 'Webinar topic (up to 200 characters)',
	},
	fieldsCollection('additionalFields', 'Additional Fields', definitions),
	optionsCollection(),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const userId = readUserId(this, itemIndex);
	const topic = validateField(
		this,
		itemIndex,
		'Topic',
		topicSchema,
		this.getNodeParameter('topic', itemIndex, ''),
	);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = buildWebinarBody(this, itemIndex, definitions, fields, { topic });
	const attemptStartedAt = Date.now();
	const { body: webinar } = await client.request<IDataObject>({
		endpoint: 'createWebinar',
		pathParameters: { userId },
		body,
		itemIndex,
		lookUp: {
			find: async () => await findCreatedWebinar(client, userId, body, attemptStartedAt, itemIndex),
			description: "listing the host's webinars",
		},
	});
	return webinar;
}
