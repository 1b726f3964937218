import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isNumericMeetingId } from '../../helpers/identifiers';
import { markdownToPlainText } from '../../helpers/markdown';
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

/**
 * The summary as plain text, for an LLM prompt or a chat message: `summary_content` (Zoom's
 * Markdown) without markup; for an answer without it (older summaries), the deprecated fields
 * (title, overview, details, next steps, or their edited versions) in that order.
 */
export function summaryPlainText(summary: IDataObject): string {
	const content = summary.summary_content;
	if (typeof content === 'string' && content.trim() !== '') return markdownToPlainText(content);
	// Zoom's older fields are plain text already: paragraphs, then the next steps as a list.
	const edited = (summary.edited_summary ?? {}) as IDataObject;
	const paragraphs: string[] = [];
	const push = (text: unknown) => {
		if (typeof text === 'string' && text.trim() !== '') paragraphs.push(text.trim());
	};
	push(summary.summary_title);
	push(edited.summary_overview ?? summary.summary_overview);
	if (typeof edited.summary_details === 'string') push(edited.summary_details);
	else
		for (const detail of (summary.summary_details as IDataObject[] | undefined) ?? []) {
			const label = typeof detail.label === 'string' ? detail.label.trim() : '';
			const text = typeof detail.summary === 'string' ? detail.summary.trim() : '';
			push([label, text].filter((part, i) => part && (i === 0 || part !== label)).join('\n'));
		}
	const steps = ((edited.next_steps ?? summary.next_steps) as unknown[] | undefined) ?? [];
	const bullets = steps
		.filter((step): step is string => typeof step === 'string' && step.trim() !== '')
		.map((step) => `• ${step.trim()}`);
	if (bullets.length > 0) paragraphs.push(['Next steps', ...bullets].join('\n'));
	return paragraphs.join('\n\n');
}
