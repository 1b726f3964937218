import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { chunkUnique, groupBy, runLimited, ZOOM_BATCH_LIMIT } from '../../helpers/batch';
import { emailSchema, textChoiceSchema } from '../../helpers/schemas';
import { validateField } from '../../helpers/validation';
import type { InstanceTarget } from '../../helpers/parameters';
import type { ZoomClient } from '../../../core/transport';
import { occurrenceIdOption } from '../shared/common.descriptions';
import { optionsCollection, readOperationOptions } from '../shared/requestSettings';
import type { BatchItemResult, BatchOptions, ZoomOperation } from '../shared/types';
import { executeThroughBatch, Outcomes, readEach, worthSplitting } from './outcomes';
import type { RegistrantParent } from './parent';
import {
	REGISTRANT_ACTIONS,
	registrantReference,
	statusAfter,
	type RegistrantAction,
} from './status';

export interface StatusEntry {
	itemIndex: number;
	target: InstanceTarget;
	action: RegistrantAction;
	occurrenceId?: string;
	/** Registrant ID, or email address. */
	registrant: string;
}

/** Items that one status request can carry: same parent, occurrence and action. */
export function statusKey(entry: Omit<StatusEntry, 'itemIndex' | 'registrant'>): string {
	return `${entry.target.pathId}|${entry.occurrenceId ?? ''}|${entry.action}`;
}

const registrantSchema = z
	.union([z.string(), z.number()], { invalid_type_error: 'must be text' })
	.transform((v) => String(v).trim())
	.pipe(
		z.union([
			emailSchema,
			z
				.string()
				.min(1, 'is required: a registrant ID or email')
				.regex(
					/^[A-Za-z0-9_-]+$/,
					'must be a registrant ID (such as 9tboDiHUQAeOnbmudzWa5g) or an email',
				),
		]),
	);

const actionSchema = textChoiceSchema(REGISTRANT_ACTIONS);

export function registrantUpdateStatus(parent: RegistrantParent): ZoomOperation {
	const options = [
		occurrenceIdOption(
			`Change the registration for this occurrence of a recurring ${parent.noun} only`,
		),
	];
	const description: INodeProperties[] = [
		parent.parentLocator(),
		{
			displayName: 'Registrant ID',
			name: 'registrantId',
			type: 'string',
			required: true,
			default: '',
			placeholder: '9tboDiHUQAeOnbmudzWa5g or name@email.com',
			description:
				"The registrant's ID (from Create or Get Many), or their email. Items with the same " +
				parent.noun +
				' and action are sent together, up to 30 per request.',
		},
		{
			displayName: 'Action',
			name: 'action',
			type: 'options',
			required: true,
			default: 'approve',
			options: [
				{
					name: 'Approve',
					value: 'approve',
					description: 'Approve a pending or denied registration',
					action: 'Approve a pending or denied registration',
				},
				{
					name: 'Cancel',
					value: 'cancel',
					description: 'Cancel an approved registration',
					action: 'Cancel an approved registration',
				},
				{
					name: 'Deny',
					value: 'deny',
					description: 'Deny a pending registration',
					action: 'Deny a pending registration',
				},
			],
		},
		optionsCollection(options),
	];

	function read(ctx: IExecuteFunctions, itemIndex: number): StatusEntry {
		const target = parent.read(ctx, itemIndex);
		const registrant = validateField(
			ctx,
			itemIndex,
			'Registrant ID',
			registrantSchema,
			ctx.getNodeParameter('registrantId', itemIndex, ''),
		);
		const action = validateField(
			ctx,
			itemIndex,
			'Action',
			actionSchema,
			ctx.getNodeParameter('action', itemIndex, 'approve'),
		);
		const occurrenceId = readOperationOptions(ctx, itemIndex, options).qs.occurrence_id as
			| string
			| undefined;
		return { itemIndex, target, action, occurrenceId, registrant };
	}

	function resultOf(entry: StatusEntry): IDataObject {
		const result: IDataObject = { id: entry.target.id };
		if (entry.occurrenceId) result.occurrenceId = entry.occurrenceId;
		return {
			...result,
			...(entry.registrant.includes('@')
				? { email: entry.registrant }
				: { registrant_id: entry.registrant }),
			action: entry.action,
			status: statusAfter(entry.action),
			updated: true,
		};
	}

	/** One PUT …/registrants/status; returns the entries to retry one by one. */
	async function send(
		client: ZoomClient,
		chunk: StatusEntry[],
		outcomes: Outcomes,
	): Promise<StatusEntry[]> {
		const [first] = chunk;
		try {
			await client.request({
				endpoint: parent.endpoints.status,
				pathParameters: { [parent.parameter]: first.target.pathId },
				qs: first.occurrenceId ? { occurrence_id: first.occurrenceId } : {},
				body: {
					action: first.action,
					registrants: chunk.map((entry) => registrantReference(entry.registrant)),
				},
				// A request shared by several items names none of them.
				itemIndex: chunk.length === 1 ? first.itemIndex : undefined,
			});
		} catch (error) {
			if (worthSplitting(error, chunk.length)) return chunk;
			for (const entry of chunk) outcomes.fail(entry.itemIndex, error);
			return [];
		}
		for (const entry of chunk) outcomes.ok(entry.itemIndex, resultOf(entry));
		return [];
	}

	async function executeBatch(
		this: IExecuteFunctions,
		itemIndexes: number[],
		client: ZoomClient,
		options: BatchOptions,
	): Promise<BatchItemResult[]> {
		const outcomes = new Outcomes();
		const entries = readEach(itemIndexes, outcomes, (itemIndex) => read(this, itemIndex));
		const chunks = groupBy(entries, statusKey).flatMap((group) =>
			chunkUnique(group.entries, ZOOM_BATCH_LIMIT, (entry) => entry.registrant.toLowerCase()),
		);
		const retry: StatusEntry[] = [];
		await runLimited(
			chunks.map((chunk) => async () => {
				retry.push(...(await send(client, chunk, outcomes)));
			}),
			options.maxConcurrency,
		);
		// Zoom refused a whole request over one registrant: one request each finds which.
		await runLimited(
			retry.map((entry) => async () => {
				await send(client, [entry], outcomes);
			}),
			options.maxConcurrency,
		);
		return outcomes.list();
	}

	return {
		label: {
			name: 'Update Status',
			description: 'Approve, deny or cancel registrations, up to 30 per request',
			action: `Update a ${parent.noun} registrant status`,
		},
		description,
		execute: executeThroughBatch(executeBatch),
		executeBatch,
		endpoints: [parent.endpoints.status],
	};
}
