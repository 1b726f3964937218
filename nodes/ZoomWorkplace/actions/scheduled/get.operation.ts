import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ZoomClient } from '../../../core/transport';
import type { FieldDefinition } from '../../helpers/fields';
import { booleanSchema } from '../../helpers/schemas';
import { occurrenceIdOption } from '../shared/common.descriptions';
import { locatorFor } from '../shared/instances';
import { optionsCollection, readOperationOptions } from '../shared/requestSettings';
import type { ZoomOperation } from '../shared/types';
import type { ScheduledDescriptor } from './descriptor';

export function scheduledGet(kind: ScheduledDescriptor): ZoomOperation {
	const { noun } = kind;
	const options: FieldDefinition[] = [
		occurrenceIdOption(
			`Return the details of this occurrence of a recurring ${noun} (digits, from the ${noun}'s "occurrences" list)`,
		),
		{
			property: {
				displayName: 'Show Previous Occurrences',
				name: 'showPreviousOccurrences',
				type: 'boolean',
				default: false,
				description: `Whether to list the past occurrences of a recurring ${noun} too`,
			},
			zoom: 'show_previous_occurrences',
			in: 'query',
			schema: booleanSchema,
		},
	];
	return {
		label: { name: 'Get', description: `Get a ${noun}`, action: `Get a ${noun}` },
		endpoints: [kind.endpoints.get],
		description: [locatorFor(kind, kind.endpoints.get), optionsCollection(options)],
		async execute(this: IExecuteFunctions, itemIndex: number, client: ZoomClient) {
			const target = kind.read(this, itemIndex);
			const { qs } = readOperationOptions(this, itemIndex, options);
			const { body } = await client.request<IDataObject>({
				endpoint: kind.endpoints.get,
				pathParameters: { [kind.parameter]: target.pathId },
				qs,
				itemIndex,
			});
			return body;
		},
	};
}
