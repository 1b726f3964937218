import { z } from 'zod';

import { INSTANCE_EXAMPLES, isNumericMeetingId, parseMeetingIdentifier } from './identifiers';
import { toZoomStartTime } from './time';

/** zod schemas for everything a person types into the node. Messages are read by people. */

/**
 * A number as n8n gives it: a number, or digits typed as text. Unlike z.coerce.number(), a
 * boolean (true → 1), an empty text (→ 0) or an array is refused, not turned into a number.
 */
export function numberSchema(message = 'must be a number') {
	return z.union(
		[
			z.number({ invalid_type_error: message }).finite(message),
			z
				.string({ invalid_type_error: message })
				.trim()
				.regex(/^[+-]?\d+(?:\.\d+)?$/, message)
				.transform(Number),
		],
		{ errorMap: () => ({ message }) },
	);
}

/** A whole number out of a fixed set (Zoom's numeric enums), named in the message. */
export function integerChoiceSchema(allowed: readonly number[], message: string) {
	return numberSchema(message).refine((v) => allowed.includes(v), message);
}

/** One of Zoom's numbers (an enum of its spec), refusing anything else (true, 15, …) with the list. */
export function numberChoiceSchema(values: readonly number[]) {
	return integerChoiceSchema(values, `must be one of ${values.join(', ')}`);
}

/** One of Zoom's words (an enum of its spec), refusing anything else with the list. */
export function textChoiceSchema<T extends string>(values: readonly [T, ...T[]]) {
	return z.enum(values as [T, ...T[]], {
		errorMap: () => ({ message: `must be one of ${values.join(', ')}` }),
	});
}

export const emailSchema = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.min(1, 'is required')
	.email('is not a valid email address');

/** Emails separated by commas, semicolons or spaces, each checked; Zoom's separator differs per field. */
export const emailListSchema = z
	.string({ invalid_type_error: 'must be text' })
	.transform((v) =>
		v
			.split(/[,;\s]+/)
			.map((e) => e.trim())
			.filter(Boolean),
	)
	.pipe(z.array(emailSchema));

export const userIdSchema = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.min(1, 'is required: a user ID, an email address or "me"')
	.refine(
		(v) => !/[\s/?#]/.test(v),
		'must be a user ID, an email address or "me" (no spaces, "/", "?" or "#")',
	);

/** A meeting or webinar: a numeric ID of 9 to 11 digits, an instance UUID, or a join URL. */
export function instanceIdSchema(noun: 'meeting' | 'webinar') {
	const example = INSTANCE_EXAMPLES[noun];
	const forms = `a ${noun} ID of 9 to 11 digits (such as ${example.id}), a ${noun} UUID, or a Zoom join URL such as ${example.url}`;
	return z
		.string({ invalid_type_error: 'must be text' })
		.transform((v) => parseMeetingIdentifier(v))
		.superRefine((v, ctx) => {
			if (v.length === 0) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: `is required: ${forms}` });
			} else if (/^\d+$/.test(v) && !isNumericMeetingId(v)) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					message: `a ${noun} ID has 9 to 11 digits, this one has ${v.length}. Use ${forms}`,
				});
			} else if (!isNumericMeetingId(v) && !/^[A-Za-z0-9+/=_-]{16,}$/.test(v)) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be ${forms}` });
			}
		});
}

export const meetingIdSchema = instanceIdSchema('meeting');

export const occurrenceIdSchema = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.regex(/^\d+$/, 'must contain only digits (an occurrence ID such as 1648194360000)');

export const topicSchema = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.min(1, 'is required')
	.max(200, 'must be at most 200 characters');

export const durationSchema = numberSchema('must be a number of minutes').pipe(
	z
		.number()
		.int('must be a whole number of minutes')
		.min(0, 'must not be negative')
		.max(1440 * 7, 'must be at most 10080 minutes'),
);

export const meetingPasswordSchema = z
	.string({ invalid_type_error: 'must be text' })
	.max(10, 'must be at most 10 characters')
	.regex(/^[A-Za-z0-9@_*-]*$/, 'may only contain letters, digits and @ - _ *');

export const timezoneSchema = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.regex(/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/, 'must be a time zone name such as Europe/Berlin');

export function startTimeSchema(timezone: string | undefined) {
	return z.unknown().transform((value, ctx) => {
		const parsed = toZoomStartTime(value, timezone);
		if (!parsed) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message:
					'is not a date and time (expected e.g. 2026-12-01T15:00:00 or 2026-12-01T14:00:00Z)',
			});
			return z.NEVER;
		}
		return parsed;
	});
}

export const positiveIntegerSchema = numberSchema().pipe(
	z.number().int('must be a whole number').min(1, 'must be at least 1'),
);

export const jsonObjectSchema = z.unknown().transform((value, ctx) => {
	let parsed = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: `is not valid JSON (${(error as Error).message})`,
			});
			return z.NEVER;
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a JSON object' });
		return z.NEVER;
	}
	return parsed as Record<string, unknown>;
});

export const dateOnlySchema = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.transform((v) => v.slice(0, 10))
	.refine(
		(v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
		'must be a date such as 2026-12-31',
	);

/** A boolean, also as the text "true" / "false" an expression may give. */
export const booleanSchema = z.union(
	[z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')],
	{ invalid_type_error: 'must be true or false' },
);
