import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import {
	applyFields,
	fieldParameters,
	fieldsCollection,
	readFieldParameters,
	type FieldDefinition,
} from '../../helpers/fields';
import { emailSchema, integerChoiceSchema, textChoiceSchema } from '../../helpers/schemas';
import type { ZoomClient } from '../../../core/transport';
import { findCreatedUser } from './findCreatedUser';
import { optionsCollection } from '../shared/requestSettings';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { OperationLabel } from '../shared/types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Create',
	description: 'Create a user in the account',
	action: 'Create a user',
};

const CREATE_ACTIONS = ['create', 'autoCreate', 'custCreate', 'ssoCreate'] as const;

/** POST /users `user_info.type` (Zoom's OpenAPI enum); 99 only with ssoCreate. */
const USER_TYPES = [1, 2, 99] as const;

/** Zoom rejects a run of this many consecutive characters ("123456", "abcdef"). */
const MAX_CONSECUTIVE_RUN = 6;

function longestConsecutiveRun(value: string): number {
	const text = value.toLowerCase();
	let longest = 1;
	let up = 1;
	let down = 1;
	for (let i = 1; i < text.length; i++) {
		const alnum = /[0-9a-z]/.test(text[i]) && /[0-9a-z]/.test(text[i - 1]);
		const step = text.charCodeAt(i) - text.charCodeAt(i - 1);
		up = alnum && step === 1 ? up + 1 : 1;
		down = alnum && step === -1 ? down + 1 : 1;
		longest = Math.max(longest, up, down);
	}
	return longest;
}

/** Zoom's basic password requirement for users created with autoCreate (Create user API). */
export const userPasswordSchema = z
	.string({ invalid_type_error: 'must be text' })
	.min(8, 'must be at least 8 characters')
	.max(32, 'must be at most 32 characters')
	.refine((v) => /[A-Za-z]/.test(v), 'must contain at least one letter')
	.refine((v) => /\d/.test(v), 'must contain at least one number')
	.refine(
		(v) => /[a-z]/.test(v) && /[A-Z]/.test(v),
		'must contain both uppercase and lowercase letters',
	)
	.refine(
		(v) => new Set(v.toLowerCase()).size > 1,
		'must not repeat one character only (such as "aaaaaaaa")',
	)
	.refine(
		(v) => longestConsecutiveRun(v) < MAX_CONSECUTIVE_RUN,
		`must not contain ${MAX_CONSECUTIVE_RUN} or more consecutive characters (such as "123456" or "abcdef")`,
	);

const userEmailSchema = emailSchema.pipe(z.string().max(128, 'must be at most 128 characters'));

/** Like validateField, but the error never repeats the password. */
function validatePassword(ctx: IExecuteFunctions, itemIndex: number, value: unknown): string {
	const result = userPasswordSchema.safeParse(value);
	if (result.success) return result.data;
	throw new NodeOperationError(
		ctx.getNode(),
		`Invalid "Password" in item ${itemIndex}: ${result.error.issues[0]?.message ?? 'invalid value'}`,
		{
			itemIndex,
			description:
				'Zoom\'s password rules: 8 to 32 characters, at least one letter and one number, both uppercase and lowercase letters, not one character repeated, no run of consecutive characters such as "123456" or "abcdef".',
		},
	);
}

const nameField = (displayName: string, name: string, zoom: string, max: number) => ({
	property: {
		displayName,
		name,
		type: 'string' as const,
		default: '',
		description: `Up to ${max} characters`,
	},
	zoom,
	schema: z
		.string({ invalid_type_error: 'must be text' })
		.max(max, `must be at most ${max} characters`),
});

/** The optional fields of POST /users, placed in `user_info`. */
const CREATE_FIELDS: FieldDefinition[] = [
	nameField('Display Name', 'displayName', 'display_name', 128),
	nameField('First Name', 'firstName', 'first_name', 64),
	nameField('Last Name', 'lastName', 'last_name', 64),
	{
		property: {
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only with the "Auto Create" action. 8 to 32 characters with at least one number, both uppercase and lowercase letters, not one character repeated and no run of 6 consecutive characters such as "123456". Accounts with enhanced password rules may ask for more.',
		},
		zoom: 'password',
		secret: true,
		transform: (value, { ctx, itemIndex, extra }) => {
			if (extra.action !== 'autoCreate') {
				if (value === '') return undefined;
				throw new NodeOperationError(
					ctx.getNode(),
					`Invalid "Password" in item ${itemIndex}: a password can only be set with the "Auto Create" action`,
					{
						itemIndex,
						description:
							'With the other actions the user sets a password themselves (Create) or has none (Customer Create, SSO Create). Remove the Password field or choose "Auto Create".',
					},
				);
			}
			return validatePassword(ctx, itemIndex, value);
		},
	},
];

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['createUser', 'getUser'];

/** The required inputs of POST /users: the action at the top, the rest in `user_info`. */
const PARAMETERS: FieldDefinition[] = [
	{
		property: {
			displayName: 'Action',
			name: 'action',
			type: 'options',
			options: [
				{
					name: 'Auto Create',
					value: 'autoCreate',
					action: 'Auto create a user',
					description:
						'Create an active user with a password, without confirmation (Enterprise accounts with a managed domain)',
				},
				{
					name: 'Create',
					value: 'create',
					action: 'Create a user with an invitation',
					description:
						'Zoom emails the user a confirmation link; the user stays pending until they accept it',
				},
				{
					name: 'Customer Create',
					value: 'custCreate',
					action: 'Create a customer user',
					description:
						'A user without a password who cannot sign in, but can host and join meetings (ISV accounts)',
				},
				{
					name: 'SSO Create',
					value: 'ssoCreate',
					action: 'Create an SSO user',
					description:
						'Pre-provision a Single Sign-On user (needs the "Pre-provisioning SSO User" option)',
				},
			],
			default: 'create',
			description: 'How Zoom creates the user',
		},
		zoom: 'action',
		schema: textChoiceSchema(CREATE_ACTIONS),
		required: true,
	},
	{
		property: {
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: 'Email address of the new user (up to 128 characters)',
		},
		zoom: 'user_info.email',
		schema: userEmailSchema,
		required: true,
	},
	{
		property: {
			displayName: 'User Type',
			name: 'userType',
			type: 'options',
			options: [
				{ name: 'Basic', value: 1 },
				{ name: 'Licensed', value: 2 },
				{ name: 'None', value: 99, description: 'Only with the "SSO Create" action' },
			],
			default: 1,
			description: "The user's license type",
		},
		zoom: 'user_info.type',
		schema: integerChoiceSchema(USER_TYPES, 'must be 1 (Basic), 2 (Licensed) or 99 (None)'),
		required: true,
	},
];

export const description: INodeProperties[] = [
	...fieldParameters(PARAMETERS),
	fieldsCollection('additionalFields', 'Additional Fields', CREATE_FIELDS),
	optionsCollection(),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject> {
	const parts = readFieldParameters(this, itemIndex, PARAMETERS);
	const action = parts.body.action as (typeof CREATE_ACTIONS)[number];
	const userInfo = parts.body.user_info as IDataObject;
	const email = userInfo.email as string;
	if (userInfo.type === 99 && action !== 'ssoCreate') {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid "User Type" in item ${itemIndex}: "None" (99) can only be set with the "SSO Create" action`,
			{ itemIndex },
		);
	}
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const { body } = applyFields(this, itemIndex, CREATE_FIELDS, fields, parts, {
		zoomPrefix: 'user_info',
		extra: { action },
	});

	const attemptStartedAt = Date.now();
	const { body: created } = await client.request<IDataObject>({
		endpoint: 'createUser',
		body,
		itemIndex,
		lookUp: {
			find: async () => await findCreatedUser(client, email, attemptStartedAt, itemIndex),
			description: `looking up ${email} in the account`,
		},
	});
	return created;
}
