import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { monthWindowsOfInstants } from '../../helpers/monthWindows';
import { readInstantRange, readLimit, readUserId } from '../../helpers/parameters';
import type { ZoomClient } from '../../../core/transport';
import type { EndpointName } from '../../../core/zoom/endpoints';
import { returnAllAndLimit, userIdField } from '../shared/common.descriptions';
import { optionsCollection } from '../shared/requestSettings';
import { scopeNotice } from '../shared/scopeNotice';
import type { OperationLabel } from '../shared/types';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Get Many',
	description: "List the AI Companion summaries of a user's or the account's meetings",
	action: 'Get many meeting summaries',
};

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = [
	'listUserMeetingSummaries',
	'listAccountMeetingSummaries',
];

/** Zoom's `time_filter_field` for each choice of "Filter On". */
export const TIME_FILTER_FIELDS = {
	summaryStartTime: 'summary_start_time',
	summaryCreatedTime: 'summary_created_time',
} as const;

export const description: INodeProperties[] = [
	scopeNotice(
		endpoints,
		'Needs a Pro or higher plan with "Meeting Summary with AI Companion" on. The account\'s summaries need the admin scope (an account-level app).',
	),
	{
		displayName: 'Whose Summaries',
		name: 'scope',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'One User',
				value: 'user',
				description: "The summaries of one user's meetings",
			},
			{
				name: 'The Whole Account',
				value: 'account',
				description: "Every summary of the account's meetings (needs meeting_summary:read:admin)",
			},
		],
		default: 'user',
	},
	{
		...userIdField('Whose meeting summaries to list: "me", a user ID or an email'),
		displayOptions: { show: { scope: ['user'] } },
	},
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			"Start of the range (without an offset: in the workflow's time zone). Any range works: the node asks Zoom one month at a time.",
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		default: '',
		description:
			'End of the range, included (a date alone: until the end of that day). Empty: now.',
	},
	{
		displayName: 'Filter On',
		name: 'timeFilterField',
		type: 'options',
		options: [
			{
				name: 'Summary Start Time',
				value: 'summaryStartTime',
				description: 'When the summarised part of the meeting began',
			},
			{
				name: 'Summary Created Time',
				value: 'summaryCreatedTime',
				description: 'When Zoom finished writing the summary (after the meeting ended)',
			},
		],
		default: 'summaryStartTime',
		description: 'Which time of a summary From and To apply to',
	},
	...returnAllAndLimit(),
	optionsCollection(),
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: ZoomClient,
): Promise<IDataObject[]> {
	const scope = this.getNodeParameter('scope', itemIndex, 'user') as string;
	const userId = scope === 'account' ? undefined : readUserId(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const filterOn = this.getNodeParameter(
		'timeFilterField',
		itemIndex,
		'summaryStartTime',
	) as string;
	const timeFilterField = TIME_FILTER_FIELDS[filterOn as keyof typeof TIME_FILTER_FIELDS];
	if (!timeFilterField) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid "Filter On" in item ${itemIndex}: "${filterOn}" is not one of ${Object.keys(TIME_FILTER_FIELDS).join(', ')}`,
			{ itemIndex },
		);
	}
	const { from, to } = readInstantRange(this, itemIndex);

	// One request per month, newest month first, so a Limit keeps the most recent summaries. A
	// summary is listed once even if Zoom's windows were to overlap.
	const windows = monthWindowsOfInstants(from, to).reverse();
	const results: IDataObject[] = [];
	const seen = new Set<string>();
	for (const window of windows) {
		const remaining = limit === undefined ? undefined : limit - results.length;
		if (remaining !== undefined && remaining <= 0) break;
		const summaries = await client.requestAllItems({
			...(userId === undefined
				? { endpoint: 'listAccountMeetingSummaries' as const }
				: { endpoint: 'listUserMeetingSummaries' as const, pathParameters: { userId } }),
			qs: { from: window.from, to: window.to, time_filter_field: timeFilterField },
			arrayKey: 'summaries',
			limit: remaining,
			itemIndex,
		});
		for (const summary of summaries) {
			const key = String(summary.meeting_uuid ?? JSON.stringify(summary));
			if (seen.has(key)) continue;
			seen.add(key);
			results.push(summary);
		}
	}
	return limit === undefined ? results : results.slice(0, limit);
}
