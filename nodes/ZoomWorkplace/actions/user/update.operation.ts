import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { applyFields, fieldsCollection, type FieldDefinition } from '../../helpers/fields';
import { booleanSchema, integerChoiceSchema, timezoneSchema } from '../../helpers/schemas';
import { readUserId } from '../../helpers/parameters';
import { validateField } from '../../helpers/validation';
import type { ZoomClient } from '../../../core/transport';
import { readBackAfterUpdate } from '../shared/readBack';
import { userIdField } from '../shared/common.descriptions';
import { optionsCollection } from '../shared/requestSettings';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../shared/types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Update',
	description: "Update a user's profile",
	action: 'Update a user',
};

const text = (max?: number) => {
	const base = z.string({ invalid_type_error: 'must be text' });
	return max === undefined ? base : base.max(max, `must be at most ${max} characters`);
};

const digitsSchema = (pattern: RegExp, message: string) =>
	z
		.union([z.string(), z.number()], { invalid_type_error: 'must be text' })
		.transform((v) => String(v).replace(/[\s-]/g, ''))
		.refine((v) => pattern.test(v), message);

export const pmiSchema = digitsSchema(
	/^[1-9]\d{9}$/,
	'must be 10 digits, not starting with 0 (such as 5551234567)',
).transform(Number);

export const hostKeySchema = digitsSchema(/^\d{6,10}$/, 'must be 6 to 10 digits');

const aboutMeSchema = text(150).refine(
	(v) => !/<[a-z/!]|https?:\/\/|www\./i.test(v),
	'must not contain hyperlinks or HTML',
);

const linkedInUrlSchema = text().refine(
	(v) => v === '' || /linkedin\.com/i.test(v),
	'must be a LinkedIn URL (containing linkedin.com)',
);

const languageSchema = text().regex(
	/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/,
	'must be a language code such as en-US or de-DE',
);

const phoneNumberSchema = z.object({
	country: z
		.string({ invalid_type_error: 'must be text' })
		.trim()
		.regex(/^[A-Za-z]{2}$/, 'must be a two-letter country ID such as US')
		.transform((v) => v.toUpperCase()),
	code: z
		.string({ invalid_type_error: 'must be text' })
		.trim()
		.regex(/^\+?\d{1,4}$/, 'must be a country calling code such as +1')
		.transform((v) => (v.startsWith('+') ? v : `+${v}`)),
	label: z.enum(['Mobile', 'Office', 'Home', 'Fax'], {
		message: 'must be Mobile, Office, Home or Fax',
	}),
	number: digitsSchema(
		/^\d{3,20}$/,
		'must be a phone number (digits only, without the country code)',
	),
});

function phoneNumbers(ctx: IExecuteFunctions, itemIndex: number, value: unknown): IDataObject[] {
	const entries = ((value ?? {}) as { phoneNumber?: unknown[] }).phoneNumber ?? [];
	return entries.map(
		(entry, index) =>
			validateField(
				ctx,
				itemIndex,
				`Phone Numbers → Phone Number ${index + 1}`,
				phoneNumberSchema,
				entry,
			) as IDataObject,
	);
}

type Property = INodeProperties;

/** A text field: property and Zoom name side by side. */
const textField = (
	displayName: string,
	name: string,
	zoom: string,
	schema: z.ZodTypeAny,
	more: Partial<Property> = {},
): FieldDefinition => ({
	property: { displayName, name, type: 'string', default: '', ...more },
	zoom,
	schema,
});

/** The fields of PATCH /users/{userId}, each declared once. */
export const USER_UPDATE_FIELDS: FieldDefinition[] = [
	textField('About Me', 'aboutMe', 'about_me', aboutMeSchema, {
		typeOptions: { rows: 2 },
		description: 'Self-introduction, up to 150 characters, without links or HTML',
	}),
	textField('CMS User ID', 'cmsUserId', 'cms_user_id', text(), {
		description: "The user's Kaltura user ID",
	}),
	textField('Company', 'company', 'company', text(255), { description: 'Up to 255 characters' }),
	textField('Department', 'dept', 'dept', text()),
	textField('Display Name', 'displayName', 'display_name', text(128), {
		description: 'Up to 128 characters',
	}),
	textField('First Name', 'firstName', 'first_name', text(64), {
		description: 'Up to 64 characters',
	}),
	{
		...textField('Host Key', 'hostKey', 'host_key', hostKeySchema, {
			typeOptions: { password: true },
			description: '6 to 10 digits, used to claim host controls',
		}),
		secret: true,
	},
	textField('Job Title', 'jobTitle', 'job_title', text(128), {
		description: 'Up to 128 characters',
	}),
	textField('Language', 'language', 'language', languageSchema, {
		placeholder: 'en-US',
		description: 'Language code such as en-US',
	}),
	textField('Last Name', 'lastName', 'last_name', text(64), {
		description: 'Up to 64 characters',
	}),
	textField('LinkedIn URL', 'linkedinUrl', 'linkedin_url', linkedInUrlSchema, {
		placeholder: 'https://www.linkedin.com/in/jchill',
		description: 'Must contain linkedin.com',
	}),
	textField('Location', 'location', 'location', text(256), {
		description: 'Up to 256 characters',
	}),
	textField('Manager', 'manager', 'manager', text(), {
		description: "The user's assigned manager",
	}),
	textField('Personal Meeting ID (PMI)', 'pmi', 'pmi', pmiSchema, {
		placeholder: '5551234567',
		description: '10 digits',
	}),
	{
		property: {
			displayName: 'Phone Numbers',
			name: 'phoneNumbers',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Phone Number',
			description: "Replaces the user's phone numbers",
			options: [
				{
					displayName: 'Phone Number',
					name: 'phoneNumber',
					values: [
						{
							displayName: 'Country',
							name: 'country',
							type: 'string',
							default: 'US',
							description: 'Two-letter country ID',
						},
						{
							displayName: 'Country Code',
							name: 'code',
							type: 'string',
							default: '+1',
							description: 'Calling code of the country',
						},
						{
							displayName: 'Label',
							name: 'label',
							type: 'options',
							options: [
								{ name: 'Fax', value: 'Fax' },
								{ name: 'Home', value: 'Home' },
								{ name: 'Mobile', value: 'Mobile' },
								{ name: 'Office', value: 'Office' },
							],
							default: 'Mobile',
						},
						{
							displayName: 'Number',
							name: 'number',
							type: 'string',
							default: '',
							placeholder: '5550100',
							description: 'The number without the country code',
						},
					],
				},
			],
		},
		zoom: 'phone_numbers',
		transform: (value, { ctx, itemIndex }) => phoneNumbers(ctx, itemIndex, value),
	},
	textField('Pronouns', 'pronouns', 'pronouns', text()),
	{
		property: {
			displayName: 'Pronouns Display',
			name: 'pronounsOption',
			type: 'options',
			options: [
				{ name: 'Always Display', value: 2 },
				{ name: 'Ask Every Time', value: 1 },
				{ name: 'Do Not Display', value: 3 },
			],
			default: 1,
			description: 'Whether and when the pronouns are shown in meetings and webinars',
		},
		zoom: 'pronouns_option',
		label: 'Pronouns Display',
		schema: integerChoiceSchema(
			[1, 2, 3],
			'must be 1 (ask), 2 (always display) or 3 (do not display)',
		),
	},
	{
		property: {
			displayName: 'Time Zone Name or ID',
			name: 'timezone',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getTimezones' },
			default: '',
			description:
				'The user\'s time zone. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		zoom: 'timezone',
		label: 'Time Zone',
		schema: timezoneSchema,
	},
	{
		property: {
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'Basic', value: 1 },
				{ name: 'Licensed', value: 2 },
				{ name: 'No Meetings License', value: 4 },
				{ name: 'None', value: 99, description: 'Only for users created with "SSO Create"' },
			],
			default: 1,
			description: "The user's license type",
		},
		zoom: 'type',
		schema: integerChoiceSchema(
			[1, 2, 4, 99],
			'must be 1 (Basic), 2 (Licensed), 4 (No Meetings License) or 99 (None)',
		),
	},
	{
		property: {
			displayName: 'Use PMI',
			name: 'usePmi',
			type: 'boolean',
			default: false,
			description: 'Whether instant meetings use the Personal Meeting ID',
		},
		zoom: 'use_pmi',
		schema: booleanSchema,
	},
	textField('Vanity Name', 'vanityName', 'vanity_name', text(), {
		description: 'Name of the personal meeting room (personal link)',
	}),
];

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['updateUser', 'getUser'];

export const description: INodeProperties[] = [
	userIdField(),
	{
		displayName:
			'Zoom answers an update with no content: this operation then reads the user back and returns the user as Zoom now stores it (if the app may not read users, the output only confirms the update: its ID and updated: true)',
		name: 'updateNotice',
		type: 'notice',
		default: '',
	},
	fieldsCollection('updateFields', 'Update Fields', USER_UPDATE_FIELDS),
	optionsCollection(),
];

/** Every field the user added is sent, `false`, `0` and "" included. */
export function buildUserUpdateBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	return applyFields(ctx, itemIndex, USER_UPDATE_FIELDS, fields).body;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const userId = readUserId(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = buildUserUpdateBody(this, itemIndex, fields);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			`Nothing to update in item ${itemIndex}: add at least one field under "Update Fields"`,
			{ itemIndex },
		);
	}
	const pathParameters = { userId };
	await client.request({ endpoint: 'updateUser', pathParameters, body, itemIndex });
	return await readBackAfterUpdate(
		this,
		client,
		{ endpoint: 'getUser', pathParameters, itemIndex },
		{ id: userId },
	);
}
