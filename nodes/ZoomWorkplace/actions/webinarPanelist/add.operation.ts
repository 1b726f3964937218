import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { chunkUnique, groupBy, runLimited, ZOOM_BATCH_LIMIT } from '../../helpers/batch';
import {
	applyFields,
	fieldParameters,
	fieldsCollection,
	readFieldParameters,
	type FieldDefinition,
} from '../../helpers/fields';
import { emailSchema } from '../../helpers/schemas';
import type { InstanceTarget } from '../../helpers/parameters';
import type { ZoomClient } from '../../../core/transport';
import { executeThroughBatch, Outcomes, readEach, worthSplitting } from '../registrants/outcomes';
import { locatorFor, WEBINAR_KIND } from '../shared/instances';
import { optionsCollection } from '../shared/requestSettings';
import type { BatchItemResult, BatchOptions, OperationLabel } from '../shared/types';
import type { EndpointName } from '../../../core/zoom/endpoints';

/** How the operation appears in the Operation selector. */
export const label: OperationLabel = {
	name: 'Add',
	description: 'Add panelists to a webinar, up to 30 per request',
	action: 'Add a webinar panelist',
};

const text = (
	name: string,
	displayName: string,
	zoom: string,
	description: string,
): FieldDefinition => ({
	property: { displayName, name, type: 'string', default: '', description },
	zoom,
	schema: z.string({ invalid_type_error: 'must be text' }),
});

const definitions: FieldDefinition[] = [
	text(
		'nameTagDescription',
		'Name Tag Description',
		'name_tag_description',
		"The name tag's description, such as the person's title",
	),
	text('nameTagId', 'Name Tag ID', 'name_tag_id', 'The name tag to bind'),
	text('nameTagName', 'Name Tag Name', 'name_tag_name', 'The name shown on the name tag'),
	text(
		'nameTagPronouns',
		'Name Tag Pronouns',
		'name_tag_pronouns',
		'The pronouns shown on the name tag',
	),
	text(
		'virtualBackgroundId',
		'Virtual Background ID',
		'virtual_background_id',
		'The virtual background to bind',
	),
];

/** The required inputs: Zoom's `panelists[].email` and `.name`. */
const PARAMETERS: FieldDefinition[] = [
	{
		property: {
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description:
				"The panelist's email address. Items of the same webinar are added together, up to 30 per request.",
		},
		zoom: 'email',
		schema: emailSchema,
		required: true,
	},
	{
		property: {
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: "The panelist's full name",
		},
		zoom: 'name',
		schema: z.string({ invalid_type_error: 'must be text' }).trim().min(1, 'is required'),
		required: true,
	},
];

/** The Zoom endpoints this operation calls (its scopes are theirs). */
export const endpoints: readonly EndpointName[] = ['addWebinarPanelists', 'listWebinarPanelists'];

export const description: INodeProperties[] = [
	locatorFor(WEBINAR_KIND, 'addWebinarPanelists'),
	...fieldParameters(PARAMETERS),
	fieldsCollection('additionalFields', 'Additional Fields', definitions),
	optionsCollection(),
];

interface PanelistEntry {
	itemIndex: number;
	target: InstanceTarget;
	panelist: IDataObject;
}

function read(ctx: IExecuteFunctions, itemIndex: number): PanelistEntry {
	const target = WEBINAR_KIND.read(ctx, itemIndex);
	const parts = readFieldParameters(ctx, itemIndex, PARAMETERS);
	const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const { body } = applyFields(ctx, itemIndex, definitions, fields, parts);
	return { itemIndex, target, panelist: body };
}

/** The webinar's panelists by lower-case email. */
async function panelistsByEmail(
	client: ZoomClient,
	target: InstanceTarget,
): Promise<Map<string, IDataObject>> {
	const { body } = await client.request<IDataObject>({
		endpoint: 'listWebinarPanelists',
		pathParameters: { webinarId: target.pathId },
	});
	const panelists = Array.isArray(body.panelists) ? (body.panelists as IDataObject[]) : [];
	return new Map(panelists.map((p) => [String(p.email ?? '').toLowerCase(), p]));
}

/** One POST …/panelists with up to 30 panelists; returns the entries to retry one by one. */
async function send(
	client: ZoomClient,
	chunk: PanelistEntry[],
	outcomes: Outcomes,
): Promise<PanelistEntry[]> {
	const { target } = chunk[0];
	const emails = chunk.map((entry) => String(entry.panelist.email).toLowerCase());
	try {
		const { body } = await client.request<IDataObject>({
			endpoint: 'addWebinarPanelists',
			pathParameters: { webinarId: target.pathId },
			body: { panelists: chunk.map((entry) => entry.panelist) },
			itemIndex: chunk.length === 1 ? chunk[0].itemIndex : undefined,
			lookUp: {
				// Adding a panelist twice keeps one: found only if every one of them is there.
				find: async () => {
					const existing = await panelistsByEmail(client, target);
					return emails.every((email) => existing.has(email)) ? { id: target.id } : undefined;
				},
				description: "listing the webinar's panelists",
			},
		});
		for (const entry of chunk) {
			const result: IDataObject = { id: target.id, ...entry.panelist, added: true };
			if (body.updated_at !== undefined) result.updated_at = body.updated_at;
			outcomes.ok(entry.itemIndex, result);
		}
		return [];
	} catch (error) {
		if (worthSplitting(error, chunk.length)) return chunk;
		for (const entry of chunk) outcomes.fail(entry.itemIndex, error);
		return [];
	}
}

export async function executeBatch(
	this: IExecuteFunctions,
	itemIndexes: number[],
	client: ZoomClient,
	options: BatchOptions,
): Promise<BatchItemResult[]> {
	const outcomes = new Outcomes();
	const entries = readEach(itemIndexes, outcomes, (itemIndex) => read(this, itemIndex));
	const groups = groupBy(entries, (entry) => entry.target.pathId);
	const retry: PanelistEntry[] = [];
	await runLimited(
		groups.flatMap((group) =>
			chunkUnique(group.entries, ZOOM_BATCH_LIMIT, (entry) =>
				String(entry.panelist.email).toLowerCase(),
			).map((chunk) => async () => {
				retry.push(...(await send(client, chunk, outcomes)));
			}),
		),
		options.maxConcurrency,
	);
	await runLimited(
		retry.map((entry) => async () => {
			await send(client, [entry], outcomes);
		}),
		options.maxConcurrency,
	);

	// Zoom answers an add without the panelists' IDs: one list per webinar adds them.
	const added = outcomes.list().filter((outcome) => 'result' in outcome);
	await runLimited(
		groups.map((group) => async () => {
			const mine = added.filter((outcome) =>
				group.entries.some((e) => e.itemIndex === outcome.itemIndex),
			);
			if (mine.length === 0) return;
			let existing: Map<string, IDataObject>;
			try {
				existing = await panelistsByEmail(client, group.entries[0].target);
			} catch {
				return; // The panelists were added; only their IDs are missing from the output.
			}
			for (const outcome of mine) {
				const result = (outcome as { result: IDataObject }).result;
				const found = existing.get(String(result.email).toLowerCase());
				if (found?.id !== undefined) result.panelist_id = found.id;
				if (found?.join_url !== undefined) result.join_url = found.join_url;
			}
		}),
		options.maxConcurrency,
	);
	return outcomes.list();
}

export const execute = executeThroughBatch(executeBatch);
