import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { FieldDefinition } from '../../helpers/fields';
import type { ZoomClient } from '../../../core/transport';
import { occurrenceIdOption } from '../shared/common.descriptions';
import { optionsCollection, readOperationOptions } from '../shared/requestSettings';
import type { ZoomOperation } from '../shared/types';
import type { RegistrantParent } from './parent';
import { readRegistrantId, registrantIdField } from './registrantId';

export function registrantGet(parent: RegistrantParent): ZoomOperation {
	const options: FieldDefinition[] = parent.getTakesOccurrence
		? [occurrenceIdOption(`The registration for this occurrence of a recurring ${parent.noun}`)]
		: [];
	return {
		label: {
			name: 'Get',
			description: `Get a ${parent.noun} registrant`,
			action: `Get a ${parent.noun} registrant`,
		},
		endpoints: [parent.endpoints.get],
		description: [parent.parentLocator(), registrantIdField(), optionsCollection(options)],
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
