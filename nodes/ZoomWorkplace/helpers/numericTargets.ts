import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { parseMeetingIdentifier } from './identifiers';
import { locatorValue, readMeetingTarget } from './parameters';
import { validateField } from './validation';

/** A meeting or webinar addressed by its numeric ID: `id` as Zoom shows it, `pathId` for the path. */
export interface NumericTarget {
	id: number;
	pathId: string;
}

const webinarIdSchema = z
	.string({ invalid_type_error: 'must be text' })
	.transform((v) => parseMeetingIdentifier(v))
	.refine((v) => v.length > 0, 'is required: a webinar ID or join URL')
	.refine(
		(v) => /^\d{9,12}$/.test(v) && Number.isSafeInteger(Number(v)),
		'must be a webinar ID (digits) or a Zoom webinar join URL such as https://zoom.us/w/95204914252',
	);

const webinarIdOrUuidSchema = z
	.string({ invalid_type_error: 'must be text' })
	.transform((v) => parseMeetingIdentifier(v))
	.refine((v) => v.length > 0, 'is required: a webinar ID, UUID or join URL')
	.refine(
		(v) => /^\d{9,12}$/.test(v) || /^[A-Za-z0-9+/=_-]{16,}$/.test(v),
		'must be a webinar ID (digits), a webinar UUID or a Zoom webinar join URL such as https://zoom.us/w/95204914252',
	);

/** A webinar addressed by ID or, where Zoom takes one (Get), by the UUID of one of its instances. */
export interface WebinarTarget {
	id: number | string;
	pathId: string;
}

/** Reads and validates the `webinarId` locator (ID or join URL) of one item. */
export function readWebinarTarget(ctx: IExecuteFunctions, itemIndex: number): NumericTarget {
	const raw = locatorValue(ctx, 'webinarId', itemIndex);
	const pathId = validateField(
		ctx,
		itemIndex,
		'Webinar',
		webinarIdSchema,
		typeof raw === 'number' ? String(raw) : raw,
	);
	return { id: Number(pathId), pathId };
}

/** As readWebinarTarget, also accepting a webinar UUID (Zoom's Get takes one). */
export function readWebinarIdOrUuid(ctx: IExecuteFunctions, itemIndex: number): WebinarTarget {
	const raw = locatorValue(ctx, 'webinarId', itemIndex);
	const pathId = validateField(
		ctx,
		itemIndex,
		'Webinar',
		webinarIdOrUuidSchema,
		typeof raw === 'number' ? String(raw) : raw,
	);
	return { id: /^\d+$/.test(pathId) ? Number(pathId) : pathId, pathId };
}

/**
 * The `meetingId` locator of one item, which must be the numeric meeting ID: Zoom's registrant
 * endpoints take no meeting UUID.
 */
export function readNumericMeetingTarget(ctx: IExecuteFunctions, itemIndex: number): NumericTarget {
	const target = readMeetingTarget(ctx, itemIndex);
	if (typeof target.id !== 'number') {
		throw new NodeOperationError(
			ctx.getNode(),
			`Invalid "Meeting" in item ${itemIndex}: registrants need the meeting ID (digits) or join URL, not a meeting UUID`,
			{ itemIndex, description: `Received: "${target.meetingId}"` },
		);
	}
	return { id: target.id, pathId: target.meetingId };
}
