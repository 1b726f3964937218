import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { z } from 'zod';

/**
 * Checks one input against its zod schema. A bad value stops the item before any request,
 * with an error that names the field, the item and what is wrong.
 */
export function validateField<T extends z.ZodTypeAny>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fieldLabel: string,
	schema: T,
	value: unknown,
	options: { secret?: boolean } = {},
): z.infer<T> {
	const result = schema.safeParse(value);
	if (result.success) return result.data as z.infer<T>;
	const issue = result.error.issues[0];
	const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
	throw new NodeOperationError(
		ctx.getNode(),
		`Invalid "${fieldLabel}"${where} in item ${itemIndex}: ${issue?.message ?? 'invalid value'}`,
		{
			itemIndex,
			// A secret (e.g. a meeting passcode) is never repeated in an error.
			description: options.secret ? undefined : `Received: ${describeValue(value)}`,
		},
	);
}

function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
	return text === undefined ? String(value) : text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
