import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { validateField } from '../../helpers/validation';

const registrantIdSchema = z
	.union([z.string(), z.number()], { invalid_type_error: 'must be text' })
	.transform((v) => String(v).trim())
	.pipe(
		z
			.string()
			.min(1, 'is required')
			.regex(/^[A-Za-z0-9_-]+$/, 'must be a registrant ID such as 9tboDiHUQAeOnbmudzWa5g'),
	);

export function registrantIdField(): INodeProperties {
	return {
		displayName: 'Registrant ID',
		name: 'registrantId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '9tboDiHUQAeOnbmudzWa5g',
		description: "The registrant's ID, as Create or Get Many return it",
	};
}

export function readRegistrantId(ctx: IExecuteFunctions, itemIndex: number): string {
	return validateField(
		ctx,
		itemIndex,
		'Registrant ID',
		registrantIdSchema,
		ctx.getNodeParameter('registrantId', itemIndex, ''),
	);
}
