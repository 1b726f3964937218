import { z } from 'zod';

import type { FieldDefinition } from '../../helpers/fields';
import { occurrenceIdSchema } from '../../helpers/schemas';
import type { INodeProperties } from 'n8n-workflow';

/** `userId` resource locator: pick from a list, or type an ID, an email or "me". */
export function userIdField(
	description = 'The Zoom user. "me" is the user behind the credential (for Server-to-Server OAuth: the app\'s account owner)',
): INodeProperties {
	return {
		displayName: 'User',
		name: 'userId',
		type: 'resourceLocator',
		default: { mode: 'id', value: 'me' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchUsers', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'me or KDcuGIm1QgePTO8WbOqwIQ',
			},
			{
				displayName: 'By Email',
				name: 'email',
				type: 'string',
				placeholder: 'jchill@example.com',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[^@\\s]+@[^@\\s]+$', errorMessage: 'Not a valid email address' },
					},
				],
			},
		],
	};
}

export function returnAllAndLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** The occurrence option of the meeting operations that can address one occurrence. */
export function occurrenceIdOption(description: string): FieldDefinition {
	return {
		property: {
			displayName: 'Occurrence ID',
			name: 'occurrenceId',
			type: 'string',
			default: '',
			placeholder: '1648194360000',
			description,
		},
		zoom: 'occurrence_id',
		in: 'query',
		// An expression such as {{ $json.occurrence_id }} may give a number.
		schema: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), occurrenceIdSchema),
		skip: (value) => value === '' || value === null,
	};
}
