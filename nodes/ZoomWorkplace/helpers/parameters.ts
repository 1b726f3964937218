import type { IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { INSTANCE_EXAMPLES, isNumericMeetingId } from './identifiers';
import { instantOf, zoomDateTime } from './time';
import { instanceIdSchema, positiveIntegerSchema, userIdSchema } from './schemas';
import { validateField } from './validation';

function isLocator(value: unknown): value is INodeParameterResourceLocator {
	return value !== null && typeof value === 'object' && '__rl' in value;
}

/**
 * A resource locator's value as n8n resolves it: in a mode with its own `extractValue` (a join
 * URL) n8n extracts the ID with the mode's regex. n8n's error for a value that regex cannot match
 * names neither the item nor the value, so that one is reported here, by field and item.
 */
export function locatorValue(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
	/** What the mode that extracts (By URL) expects, for the error. */
	expected = 'a Zoom join URL',
): unknown {
	try {
		return ctx.getNodeParameter(name, itemIndex, '', { extractValue: true });
	} catch (error) {
		// Read as typed: a failure here (e.g. a broken expression) is not the extraction's.
		const typed = ctx.getNodeParameter(name, itemIndex, '', { extractValue: false });
		if (!isLocator(typed) || typed.mode !== 'url') {
			throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
		}
		const received = typeof typed.value === 'string' ? `"${typed.value}"` : String(typed.value);
		throw new NodeOperationError(
			ctx.getNode(),
			`Invalid "${label}" in item ${itemIndex}: the "By URL" mode takes ${expected}`,
			{ itemIndex, description: `Received: ${received}` },
		);
	}
}

/** The `userId` locator of an item, checked: an ID, an email or "me". */
export function readUserId(ctx: IExecuteFunctions, itemIndex: number): string {
	return validateField(
		ctx,
		itemIndex,
		'User',
		userIdSchema,
		locatorValue(ctx, 'userId', itemIndex, 'User'),
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

const byUrl = ({ urlName, url }: { urlName: string; url: string }) =>
	`a Zoom ${urlName} such as ${url}`;

const INSTANCES = {
	meetingId: {
		label: 'Meeting',
		schema: instanceIdSchema('meeting'),
		url: byUrl(INSTANCE_EXAMPLES.meeting),
	},
	webinarId: {
		label: 'Webinar',
		schema: instanceIdSchema('webinar'),
		url: byUrl(INSTANCE_EXAMPLES.webinar),
	},
} as const;

/** Reads and validates a `meetingId` or `webinarId` locator (ID, UUID or join URL) of one item. */
export function readInstanceTarget(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameter: keyof typeof INSTANCES,
): InstanceTarget {
	const { label, schema, url } = INSTANCES[parameter];
	const raw = locatorValue(ctx, parameter, itemIndex, label, url);
	// An expression such as {{ $json.id }} gives Zoom's numeric ID as a number.
	const pathId = validateField(
		ctx,
		itemIndex,
		label,
		schema,
		typeof raw === 'number' ? String(raw) : raw,
	);
	const asNumber = Number(pathId);
	const id = isNumericMeetingId(pathId) && Number.isSafeInteger(asNumber) ? asNumber : pathId;
	return { id, pathId };
}

/**
 * A From–To range of an item as instants (ms): From is required; an empty To is now; a date
 * without a time is its first second (From) or last second (To); a time without an offset is in
 * the workflow's time zone. `to` names the end parameter and its label ("To", "Until").
 */
export function readInstantRange(
	ctx: IExecuteFunctions,
	itemIndex: number,
	to: { name: string; label: string } = { name: 'to', label: 'To' },
): { from: number; to: number } {
	const timeZone = ctx.getTimezone();
	const rawFrom = ctx.getNodeParameter('from', itemIndex, '');
	const from = instantOf(rawFrom, timeZone);
	if (from === undefined) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Invalid "From" in item ${itemIndex}: ${rawFrom === '' ? 'is required' : `"${String(rawFrom)}" is not a date and time`} (e.g. 2026-01-01 or 2026-01-01T09:00:00Z)`,
			{ itemIndex },
		);
	}
	const rawTo = ctx.getNodeParameter(to.name, itemIndex, '');
	const end =
		rawTo === '' || rawTo === null || rawTo === undefined
			? Date.now()
			: instantOf(rawTo, timeZone, { endOfDay: true });
	if (end === undefined || end < from) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Invalid "${to.label}" in item ${itemIndex}: ${end === undefined ? `"${String(rawTo)}" is not a date and time` : `must not be before From (${zoomDateTime(from)})`}`,
			{ itemIndex },
		);
	}
	return { from, to: end };
}
