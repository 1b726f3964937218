import type { IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { isNumericMeetingId } from './identifiers';
import { instanceIdSchema, meetingIdSchema, positiveIntegerSchema, userIdSchema } from './schemas';
import { validateField } from './validation';

const webinarIdSchema = instanceIdSchema('webinar');

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

/**
 * The meeting or webinar an item addresses: `id` as Zoom shows it (a number for an ID, text for a
 * UUID) and `pathId` for the endpoint's path parameter. Whether the endpoint takes a UUID is the
 * catalogue's to say (buildPath refuses one where Zoom's spec wants a number).
 */
export interface InstanceTarget {
	id: number | string;
	pathId: string;
}

function readInstanceTarget(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameter: 'meetingId' | 'webinarId',
): InstanceTarget {
	const raw = locatorValue(ctx, parameter, itemIndex);
	const noun = parameter === 'meetingId' ? 'meeting' : 'webinar';
	// An expression such as {{ $json.id }} gives Zoom's numeric ID as a number.
	const pathId = validateField(
		ctx,
		itemIndex,
		noun === 'meeting' ? 'Meeting' : 'Webinar',
		noun === 'meeting' ? meetingIdSchema : webinarIdSchema,
		typeof raw === 'number' ? String(raw) : raw,
	);
	const asNumber = Number(pathId);
	const id = isNumericMeetingId(pathId) && Number.isSafeInteger(asNumber) ? asNumber : pathId;
	return { id, pathId };
}

/** Reads and validates the `meetingId` locator (ID, UUID or join URL) of one item. */
export function readMeetingTarget(ctx: IExecuteFunctions, itemIndex: number): InstanceTarget {
	return readInstanceTarget(ctx, itemIndex, 'meetingId');
}

/** Reads and validates the `webinarId` locator (ID, UUID or join URL) of one item. */
export function readWebinarTarget(ctx: IExecuteFunctions, itemIndex: number): InstanceTarget {
	return readInstanceTarget(ctx, itemIndex, 'webinarId');
}
