import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isNumericMeetingId } from '../../helpers/identifiers';
import type { ZoomClient } from '../../../core/transport';
import { MEETING_KIND } from '../shared/instances';

/** The `meetingId` locator of the summary operations: a summary from the list, a UUID, an ID or a join URL. */
export function summaryMeetingField(description: string): INodeProperties {
	return MEETING_KIND.locator(description, {
		searchListMethod: 'searchMeetingSummaries',
		idPlaceholder: 'aDYlohsHRtCd4ii1uC2+hA== or 85746065432',
	});
}

/**
 * The meeting instance UUID a summary operation addresses. Zoom's summary endpoints take the
 * instance UUID only; a meeting ID (or join URL) is resolved the way Zoom resolves IDs for past
 * meetings: `GET /past_meetings/{meetingId}` answers the latest instance that took place.
 */
export async function resolveSummaryUuid(
	ctx: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<string> {
	const target = MEETING_KIND.read(ctx, itemIndex);
	if (!isNumericMeetingId(target.pathId)) return target.pathId;
	const { body } = await client.request<IDataObject>({
		endpoint: 'getPastMeeting',
		pathParameters: { meetingId: target.pathId },
		itemIndex,
	});
	const uuid = body.uuid;
	if (typeof uuid !== 'string' || uuid === '') {
		throw new NodeOperationError(
			ctx.getNode(),
			`Zoom did not name the latest instance of meeting ${target.pathId} in item ${itemIndex}: use its instance UUID`,
			{ itemIndex },
		);
	}
	return uuid;
}
