import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { applyFields, fieldsCollection, type FieldDefinition } from '../../helpers/fields';
import { readLimit } from '../../helpers/parameters';
import { validateField } from '../../helpers/validation';
import type { ZoomClient } from '../../../core/transport';
import { occurrenceIdOption, returnAllAndLimit } from '../common.descriptions';
import { optionsCollection, readOperationOptions } from '../requestSettings';
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
	const options: FieldDefinition[] = parent.getTakesOccurrence
		? [occurrenceIdOption(`The registration for this occurrence of a recurring ${parent.noun}`)]
		: [];
	return {
		endpoints: [parent.endpoints.get],
		description: [parent.locator(show), registrantIdField(show), optionsCollection(show, options)],
		async execute(this: IExecuteFunctions, itemIndex: number, client: ZoomClient) {
			const target = parent.read(this, itemIndex);
			const registrantId = readRegistrantId(this, itemIndex);
			const { qs } = readOperationOptions(this, itemIndex, options);
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
	const filters: FieldDefinition[] = [
		occurrenceIdOption(`Only registrants of this occurrence of a recurring ${parent.noun}`),
		...(parent.sourceId
			? [
					{
						property: {
							displayName: 'Tracking Source ID',
							name: 'trackingSourceId',
							type: 'string' as const,
							default: '',
							description:
								'Only registrants who came through this tracking source (registration link)',
						},
						zoom: 'tracking_source_id',
						in: 'query' as const,
						schema: z.string({ invalid_type_error: 'must be text' }).trim().min(1),
						skip: (value: unknown) => value === '',
					},
				]
			: []),
		{
			property: {
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
			zoom: 'status',
			in: 'query',
			schema: z.enum(LIST_STATUSES, {
				errorMap: () => ({ message: `must be one of ${LIST_STATUSES.join(', ')}` }),
			}),
			skip: (value) => value === '',
		},
	];
	return {
		endpoints: [parent.endpoints.list],
		description: [
			parent.locator(show),
			...returnAllAndLimit(show),
			fieldsCollection('filters', 'Filters', filters, show, 'Add Filter'),
			optionsCollection(show),
		],
		async execute(this: IExecuteFunctions, itemIndex: number, client: ZoomClient) {
			const target = parent.read(this, itemIndex);
			const limit = readLimit(this, itemIndex);
			const values = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
			const { qs } = applyFields(this, itemIndex, filters, values);
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
	const options = [
		occurrenceIdOption(
			`Delete the registration for this occurrence of a recurring ${parent.noun} only`,
		),
	];
	return {
		endpoints: [parent.endpoints.delete],
		description: [parent.locator(show), registrantIdField(show), optionsCollection(show, options)],
		async execute(this: IExecuteFunctions, itemIndex: number, client: ZoomClient) {
			const target = parent.read(this, itemIndex);
			const registrantId = readRegistrantId(this, itemIndex);
			const { qs } = readOperationOptions(this, itemIndex, options);
			const occurrenceId = qs.occurrence_id as string | undefined;
			await client.request({
				endpoint: parent.endpoints.delete,
				pathParameters: { [parent.parameter]: target.pathId, registrantId },
				qs,
				itemIndex,
			});
			const result: IDataObject = { id: target.id, registrant_id: registrantId, deleted: true };
			if (occurrenceId) result.occurrenceId = occurrenceId;
			return result;
		},
	};
}
