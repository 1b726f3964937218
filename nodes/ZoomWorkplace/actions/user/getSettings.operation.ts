import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { readUserId } from '../../helpers/parameters';
import type { FieldDefinition } from '../../helpers/fields';
import { numberChoiceSchema } from '../../helpers/schemas';
import type { ZoomClient } from '../../../core/transport';
import { userIdField } from '../shared/common.descriptions';
import { optionsCollection, readOperationOptions } from '../shared/requestSettings';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../shared/types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Get Settings',
	description: 'Get the settings of a user',
	action: 'Get user settings',
};

/** Zoom's `option` query parameter of GET and PATCH /users/{userId}/settings. */
export const SETTINGS_SECTIONS = [
	'meeting_authentication',
	'recording_authentication',
	'meeting_security',
] as const;

export const settingsSectionSchema = z.enum(SETTINGS_SECTIONS, {
	message: 'must be meeting_authentication, recording_authentication or meeting_security',
});

/** The Section option of Get Settings and Update Settings (Zoom's `option` query parameter). */
export const settingsSectionOption: FieldDefinition = {
	property: {
		displayName: 'Section',
		name: 'option',
		type: 'options',
		options: [
			{
				name: 'Meeting Authentication',
				value: 'meeting_authentication',
				description: 'The authentication profiles for meetings and webinars',
			},
			{
				name: 'Meeting Security',
				value: 'meeting_security',
				description: 'Meeting and webinar security settings',
			},
			{
				name: 'Recording Authentication',
				value: 'recording_authentication',
				description: 'The authentication profiles for cloud recordings',
			},
		],
		default: 'meeting_security',
		description: 'Work on one special section instead of the general settings',
	},
	zoom: 'option',
	in: 'query',
	schema: settingsSectionSchema,
};

const LOGIN_TYPES = [0, 1, 11, 21, 23, 24, 27, 97, 98, 99, 100, 101] as const;

const customQueryFieldsSchema = z
	.string({ invalid_type_error: 'must be text' })
	.transform((v) =>
		v
			.split(',')
			.map((f) => f.trim())
			.filter(Boolean),
	)
	.refine((v) => v.length > 0, 'must name at least one setting, such as host_video')
	.refine(
		(v) => v.every((f) => /^[A-Za-z0-9_]+$/.test(f)),
		'must be setting names separated by commas, such as host_video,participant_video',
	)
	.transform((v) => v.join(','));

const OPTIONS: FieldDefinition[] = [
	{
		property: {
			displayName: 'Fields',
			name: 'customQueryFields',
			type: 'string',
			default: '',
			placeholder: 'host_video,participant_video',
			description:
				'Comma-separated names of the settings to return (with the sections holding them); all when empty',
		},
		zoom: 'custom_query_fields',
		in: 'query',
		schema: customQueryFieldsSchema,
		skip: (value) => value === '',
	},
	{
		property: {
			displayName: 'Login Type',
			name: 'loginType',
			type: 'options',
			options: [
				{ name: 'Alipay (China Only)', value: 23 },
				{ name: 'API User', value: 99 },
				{ name: 'Apple OAuth', value: 24 },
				{ name: 'Facebook OAuth', value: 0 },
				{ name: 'Google OAuth', value: 1 },
				{ name: 'Microsoft OAuth', value: 27 },
				{ name: 'Mobile Device', value: 97 },
				{ name: 'Phone Number (China Only)', value: 11 },
				{ name: 'RingCentral OAuth', value: 98 },
				{ name: 'Single Sign-On (SSO)', value: 101 },
				{ name: 'WeChat (China Only)', value: 21 },
				{ name: 'Zoom Work Email', value: 100 },
			],
			default: 100,
			description: 'The settings that apply when the user signs in this way',
		},
		zoom: 'login_type',
		in: 'query',
		schema: numberChoiceSchema(LOGIN_TYPES),
	},
	settingsSectionOption,
];

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['getUserSettings'];

export const description: INodeProperties[] = [userIdField(), optionsCollection(OPTIONS)];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const userId = readUserId(this, itemIndex);
	const { qs } = readOperationOptions(this, itemIndex, OPTIONS);
	const { body } = await client.request<IDataObject>({
		endpoint: 'getUserSettings',
		pathParameters: { userId },
		qs,
		itemIndex,
	});
	return body;
}
