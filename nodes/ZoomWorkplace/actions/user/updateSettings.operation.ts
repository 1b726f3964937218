import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { jsonObjectSchema } from '../../helpers/schemas';
import { readUserId } from '../../helpers/parameters';
import { validateField } from '../../helpers/validation';
import type { ZoomClient } from '../../../core/transport';
import { readBackAfterUpdate } from '../shared/readBack';
import { userIdField } from '../shared/common.descriptions';
import { settingsSectionOption } from './getSettings.operation';
import { optionsCollection, readOperationOptions } from '../shared/requestSettings';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../shared/types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Update Settings',
	description: 'Update the settings of a user',
	action: 'Update user settings',
};

const settingsSchema = jsonObjectSchema.pipe(
	z
		.record(z.unknown())
		.refine((v) => Object.keys(v).length > 0, 'must contain at least one setting'),
);

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['updateUserSettings', 'getUserSettings'];

export const description: INodeProperties[] = [
	userIdField(),
	{
		displayName: 'Settings',
		name: 'settings',
		type: 'json',
		required: true,
		default: '{\n  "schedule_meeting": {\n    "host_video": true\n  }\n}',
		description:
			'The settings to change, as a JSON object shaped like what "Get Settings" returns. Settings not named keep their value.',
	},
	{
		displayName:
			'Zoom answers a settings update with no content: this operation then reads the settings back and returns them as Zoom now stores them (if the app may not read them, the output only confirms the update: its ID and updated: true)',
		name: 'updateSettingsNotice',
		type: 'notice',
		default: '',
	},
	optionsCollection([settingsSectionOption]),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const userId = readUserId(this, itemIndex);
	const settings = validateField(
		this,
		itemIndex,
		'Settings',
		settingsSchema,
		this.getNodeParameter('settings', itemIndex, ''),
	);
	const { qs } = readOperationOptions(this, itemIndex, [settingsSectionOption]);
	const pathParameters = { userId };
	await client.request({
		endpoint: 'updateUserSettings',
		pathParameters,
		qs,
		body: settings as IDataObject,
		itemIndex,
	});
	return await readBackAfterUpdate(
		this,
		client,
		{ endpoint: 'getUserSettings', pathParameters, qs, itemIndex },
		{ id: userId },
	);
}
