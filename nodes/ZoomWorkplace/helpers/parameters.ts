import type { IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { positiveIntegerSchema, userIdSchema } from './schemas';
import { validateField } from './validation';

/**
 * The raw value of a resource locator. n8n's own `extractValue` fails on a URL it cannot match
 * with a message that names no item, so the value is read as typed and parsed by our schemas.
 */
export function locatorValue(ctx: IExecuteFunctions, name: string, itemIndex: number): unknown {
	const parameter = ctx.getNodeParameter(name, itemIndex, '', { extractValue: false }) as
		| INodeParameterResourceLocator
		| string
		| number;
	if (parameter !== null && typeof parameter === 'object' && '__rl' in parameter)
		return parameter.value;
	return parameter;
}

/** The `userId` locator of an item, checked: an ID, an email or "me". */
export function readUserId(ctx: IExecuteFunctions, itemIndex: number): string {
	return validateField(
		ctx,
		itemIndex,
		'User',
		userIdSchema,
		locatorValue(ctx, 'userId', itemIndex),
	);
}

/** "Return All" → undefined (no limit); otherwise the checked "Limit". */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return validateField(
		ctx,
		itemIndex,
		'Limit',
		positiveIntegerSchema,
		ctx.getNodeParameter('limit', itemIndex, 50),
	);
}
