import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { applyFields, fieldsCollection, type FieldDefinition } from '../../helpers/fields';
import { readLimit } from '../../helpers/parameters';
import { textChoiceSchema } from '../../helpers/schemas';
import type { ZoomClient } from '../../../core/transport';
import { occurrenceIdOption, returnAllAndLimit } from '../shared/common.descriptions';
import { optionsCollection } from '../shared/requestSettings';
import type { ZoomOperation } from '../shared/types';
import type { RegistrantParent } from './parent';

const LIST_STATUSES = ['pending', 'approved', 'denied'] as const;

export function registrantGetAll(parent: RegistrantParent): ZoomOperation {
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
			schema: textChoiceSchema(LIST_STATUSES),
			skip: (value) => value === '',
		},
	];
	return {
		label: {
			name: 'Get Many',
			description: `List the registrants of a ${parent.noun}`,
			action: `Get many ${parent.noun} registrants`,
		},
		endpoints: [parent.endpoints.list],
		description: [
			parent.parentLocator(),
			...returnAllAndLimit(),
			fieldsCollection('filters', 'Filters', filters, 'Add Filter'),
			optionsCollection(),
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
