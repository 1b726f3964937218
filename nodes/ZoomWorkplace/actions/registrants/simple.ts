import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { readLimit, readOccurrenceId } from '../../helpers/parameters';
import { validateField } from '../../helpers/validation';
import type { ZoomClient } from '../../transport';
import { occurrenceIdOption, returnAllAndLimit } from '../common.descriptions';
import { optionsCollection } from '../requestSettings';
import type { ZoomOperation } from '../types';
import type { RegistrantParent } from './parent';

const registrantIdSchema = z
	.union([z.string(), z.number()], { invalid_type_error: 'must be text' })
	.transform((v) => String(v).trim())
	.pipe(
		z
			.string()
			.min(1, 'is required')
			.regex(/^[A-Za-z0-9_-]+$/, 'must be a registrant ID such as 9tboDiHUQAeOnbmudzWa5g'),
	);

function registrantIdField(show: IDataObject): INodeProperties {
	return {
		displayName: 'Registrant ID',
		name: 'registrantId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '9tboDiHUQAeOnbmudzWa5g',
		description: "The registrant's ID, as Create or Get Many return it",
		displayOptions: { show: show as Record<string, string[]> },
	};
}

function readRegistrantId(ctx: IExecuteFunctions, itemIndex: number): string {
	return validateField(
		ctx,
		itemIndex,
		'Registrant ID',
		registrantIdSchema,
		ctx.getNodeParameter('registrantId', itemIndex, ''),
	);
}

export function registrantGet(parent: RegistrantParent): ZoomOperation {
	const show = { resource: [parent.resource], operation: ['get'] };
	return {
		description: [
			parent.locator(show),
			registrantIdField(show),
			optionsCollection(
				show,
				parent.getTakesOccurrence
					? [
							{
								...occurrenceIdOption,
								description: `The registration for this occurrence of a recurring ${parent.noun}`,
							},
						]
					: [],
			),
		],
		async execute(this: IExecuteFunctions, itemIndex: number, client: ZoomClient) {
			const target = parent.read(this, itemIndex);
			const registrantId = readRegistrantId(this, itemIndex);
			const qs: IDataObject = {};
			if (parent.getTakesOccurrence) {
				const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
				const occurrenceId = readOccurrenceId(this, itemIndex, options.occurrenceId);
				if (occurrenceId) qs.occurrence_id = occurrenceId;
			}
			const { body } = await client.request<IDataObject>({
				endpoint: parent.endpoints.get,
				pathParameters: { [parent.parameter]: target.pathId, registrantId },
				qs,
				itemIndex,
			});
			return body;
		},
	};
}

const LIST_STATUSES = ['pending', 'approved', 'denied'] as const;

export function registrantGetAll(parent: RegistrantParent): ZoomOperation {
	const show = { resource: [parent.resource], operation: ['getAll'] };
	return {
		description: [
			parent.locator(show),
			...returnAllAndLimit(show),
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				displayOptions: { show },
				options: [
					{
						...occurrenceIdOption,
						description: `Only registrants of this occurrence of a recurring ${parent.noun}`,
					},
					...(parent.sourceId
						? [
								{
									displayName: 'Tracking Source ID',
									name: 'trackingSourceId',
									type: 'string' as const,
									default: '',
									description:
										'Only registrants who came through this tracking source (registration link)',
								},
							]
						: []),
					{
						displayName: 'Status',
						name: 'status',
						type: 'options',
						default: 'approved',
						description: 'Which registrants to list (Zoom lists the approved ones by default)',
						options: [
							{ name: 'Approved', value: 'approved' },
							{ name: 'Denied', value: 'denied' },
							{ name: 'Pending', value: 'pending' },
						],
					},
				],
			},
			optionsCollection(show),
		],
		async execute(this: IExecuteFunctions, itemIndex: number, client: ZoomClient) {
			const target = parent.read(this, itemIndex);
			const limit = readLimit(this, itemIndex);
			const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
			const qs: IDataObject = {};
			if (filters.status !== undefined && filters.status !== '') {
				qs.status = validateField(
					this,
					itemIndex,
					'Status',
					z.enum(LIST_STATUSES, {
						errorMap: () => ({ message: `must be one of ${LIST_STATUSES.join(', ')}` }),
					}),
					filters.status,
				);
			}
			const occurrenceId = readOccurrenceId(this, itemIndex, filters.occurrenceId);
			if (occurrenceId) qs.occurrence_id = occurrenceId;
			if (parent.sourceId && filters.trackingSourceId) {
				qs.tracking_source_id = validateField(
					this,
					itemIndex,
					'Tracking Source ID',
					z.string().trim().min(1),
					filters.trackingSourceId,
				);
			}
			return await client.requestAllItems({
				endpoint: parent.endpoints.list,
				pathParameters: { [parent.parameter]: target.pathId },
				qs,
				arrayKey: 'registrants',
				limit,
				itemIndex,
			});
		},
	};
}

export function registrantDelete(parent: RegistrantParent): ZoomOperation {
	const show = { resource: [parent.resource], operation: ['delete'] };
	return {
		description: [
			parent.locator(show),
			registrantIdField(show),
			optionsCollection(show, [
				{
					...occurrenceIdOption,
					description: `Delete the registration for this occurrence of a recurring ${parent.noun} only`,
				},
			]),
		],
		async execute(this: IExecuteFunctions, itemIndex: number, client: ZoomClient) {
			const target = parent.read(this, itemIndex);
			const registrantId = readRegistrantId(this, itemIndex);
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const occurrenceId = readOccurrenceId(this, itemIndex, options.occurrenceId);
			await client.request({
				endpoint: parent.endpoints.delete,
				pathParameters: { [parent.parameter]: target.pathId, registrantId },
				qs: occurrenceId ? { occurrence_id: occurrenceId } : {},
				itemIndex,
			});
			const result: IDataObject = { id: target.id, registrant_id: registrantId, deleted: true };
			if (occurrenceId) result.occurrenceId = occurrenceId;
			return result;
		},
	};
}
