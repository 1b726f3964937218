import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { booleanSchema, timezoneSchema } from '../../helpers/schemas';
import { readUserId } from '../../helpers/parameters';
import { validateField } from '../../helpers/validation';
import type { ZoomClient } from '../../transport';
import { readBackAfterUpdate } from '../readBack';
import { userIdField } from '../common.descriptions';
import { optionsCollection } from '../requestSettings';

const show = { resource: ['user'], operation: ['update'] };

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

const integerChoice = (allowed: readonly number[], message: string) =>
	z.coerce.number({ invalid_type_error: message }).refine((v) => allowed.includes(v), message);

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

/** Node field → Zoom PATCH /users/{userId} field, with the check each value must pass. */
const FIELDS: Record<string, { label: string; zoom: string; schema: z.ZodTypeAny }> = {
	aboutMe: { label: 'About Me', zoom: 'about_me', schema: aboutMeSchema },
	cmsUserId: { label: 'CMS User ID', zoom: 'cms_user_id', schema: text() },
	company: { label: 'Company', zoom: 'company', schema: text(255) },
	dept: { label: 'Department', zoom: 'dept', schema: text() },
	displayName: { label: 'Display Name', zoom: 'display_name', schema: text(128) },
	firstName: { label: 'First Name', zoom: 'first_name', schema: text(64) },
	hostKey: { label: 'Host Key', zoom: 'host_key', schema: hostKeySchema },
	jobTitle: { label: 'Job Title', zoom: 'job_title', schema: text(128) },
	language: { label: 'Language', zoom: 'language', schema: languageSchema },
	lastName: { label: 'Last Name', zoom: 'last_name', schema: text(64) },
	linkedinUrl: { label: 'LinkedIn URL', zoom: 'linkedin_url', schema: linkedInUrlSchema },
	location: { label: 'Location', zoom: 'location', schema: text(256) },
	manager: { label: 'Manager', zoom: 'manager', schema: text() },
	pmi: { label: 'Personal Meeting ID (PMI)', zoom: 'pmi', schema: pmiSchema },
	pronouns: { label: 'Pronouns', zoom: 'pronouns', schema: text() },
	pronounsOption: {
		label: 'Pronouns Display',
		zoom: 'pronouns_option',
		schema: integerChoice([1, 2, 3], 'must be 1 (ask), 2 (always display) or 3 (do not display)'),
	},
	timezone: { label: 'Time Zone', zoom: 'timezone', schema: timezoneSchema },
	type: {
		label: 'Type',
		zoom: 'type',
		schema: integerChoice(
			[1, 2, 4, 99],
			'must be 1 (Basic), 2 (Licensed), 4 (No Meetings License) or 99 (None)',
		),
	},
	usePmi: { label: 'Use PMI', zoom: 'use_pmi', schema: booleanSchema },
	vanityName: { label: 'Vanity Name', zoom: 'vanity_name', schema: text() },
};

export const description: INodeProperties[] = [
	userIdField(show),
	{
		displayName:
			'Zoom answers an update with no content: this operation then reads the user back and returns the user as Zoom now stores it (if the app may not read users, the output only confirms the update: its ID and updated: true)',
		name: 'updateNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'About Me',
				name: 'aboutMe',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: 'Self-introduction, up to 150 characters, without links or HTML',
			},
			{
				displayName: 'CMS User ID',
				name: 'cmsUserId',
				type: 'string',
				default: '',
				description: "The user's Kaltura user ID",
			},
			{
				displayName: 'Company',
				name: 'company',
				type: 'string',
				default: '',
				description: 'Up to 255 characters',
			},
			{ displayName: 'Department', name: 'dept', type: 'string', default: '' },
			{
				displayName: 'Display Name',
				name: 'displayName',
				type: 'string',
				default: '',
				description: 'Up to 128 characters',
			},
			{
				displayName: 'First Name',
				name: 'firstName',
				type: 'string',
				default: '',
				description: 'Up to 64 characters',
			},
			{
				displayName: 'Host Key',
				name: 'hostKey',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: '6 to 10 digits, used to claim host controls',
			},
			{
				displayName: 'Job Title',
				name: 'jobTitle',
				type: 'string',
				default: '',
				description: 'Up to 128 characters',
			},
			{
				displayName: 'Language',
				name: 'language',
				type: 'string',
				default: '',
				placeholder: 'en-US',
				description: 'Language code such as en-US',
			},
			{
				displayName: 'Last Name',
				name: 'lastName',
				type: 'string',
				default: '',
				description: 'Up to 64 characters',
			},
			{
				displayName: 'LinkedIn URL',
				name: 'linkedinUrl',
				type: 'string',
				default: '',
				placeholder: 'https://www.linkedin.com/in/jchill',
				description: 'Must contain linkedin.com',
			},
			{
				displayName: 'Location',
				name: 'location',
				type: 'string',
				default: '',
				description: 'Up to 256 characters',
			},
			{
				displayName: 'Manager',
				name: 'manager',
				type: 'string',
				default: '',
				description: "The user's assigned manager",
			},
			{
				displayName: 'Personal Meeting ID (PMI)',
				name: 'pmi',
				type: 'string',
				default: '',
				placeholder: '5551234567',
				description: '10 digits',
			},
			{
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
			{ displayName: 'Pronouns', name: 'pronouns', type: 'string', default: '' },
			{
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
			{
				displayName: 'Time Zone Name or ID',
				name: 'timezone',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTimezones' },
				default: '',
				description:
					'The user\'s time zone. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
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
			{
				displayName: 'Use PMI',
				name: 'usePmi',
				type: 'boolean',
				default: false,
				description: 'Whether instant meetings use the Personal Meeting ID',
			},
			{
				displayName: 'Vanity Name',
				name: 'vanityName',
				type: 'string',
				default: '',
				description: 'Name of the personal meeting room (personal link)',
			},
		],
	},
	optionsCollection(show),
];

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

/** Every field the user added is sent, `false`, `0` and "" included. */
export function buildUserUpdateBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
): IDataObject {
	const body: IDataObject = {};
	for (const [name, value] of Object.entries(fields)) {
		if (name === 'phoneNumbers') {
			body.phone_numbers = phoneNumbers(ctx, itemIndex, value);
			continue;
		}
		const field = FIELDS[name];
		if (!field) continue;
		body[field.zoom] = validateField(ctx, itemIndex, field.label, field.schema, value);
	}
	return body;
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
