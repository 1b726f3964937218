import type { IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { isNumericMeetingId } from './identifiers';
import { meetingIdSchema, positiveIntegerSchema, userIdSchema } from './schemas';
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

/** The meeting an item addresses: `id` as Zoom shows it (a number for a meeting ID), `meetingId` for the path. */
export interface MeetingTarget {
	id: number | string;
	meetingId: string;
}

/**
 * Reads and validates the `meetingId` locator (ID, UUID or join URL) of one item.
 */
export function readMeetingTarget(ctx: IExecuteFunctions, itemIndex: number): MeetingTarget {
	const raw = locatorValue(ctx, 'meetingId', itemIndex);
	// An expression such as {{ $json.id }} gives Zoom's numeric ID as a number.
	const meetingId = validateField(
		ctx,
		itemIndex,
		'Meeting',
		meetingIdSchema,
		typeof raw === 'number' ? String(raw) : raw,
	);
	const asNumber = Number(meetingId);
	// Zoom's meeting objects carry `id` as a number; UUIDs stay text.
	const id = isNumericMeetingId(meetingId) && Number.isSafeInteger(asNumber) ? asNumber : meetingId;
	return { id, meetingId };
}
