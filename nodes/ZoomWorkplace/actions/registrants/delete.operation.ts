import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ZoomClient } from '../../../core/transport';
import { occurrenceIdOption } from '../shared/common.descriptions';
import { optionsCollection, readOperationOptions } from '../shared/requestSettings';
import type { ZoomOperation } from '../shared/types';
import type { RegistrantParent } from './parent';
import { readRegistrantId, registrantIdField } from './registrantId';

export function registrantDelete(parent: RegistrantParent): ZoomOperation {
	const options = [
		occurrenceIdOption(
			`Delete the registration for this occurrence of a recurring ${parent.noun} only`,
		),
	];
	return {
		label: {
			name: 'Delete',
			description: `Delete a ${parent.noun} registrant`,
			action: `Delete a ${parent.noun} registrant`,
		},
		endpoints: [parent.endpoints.delete],
		description: [parent.parentLocator(), registrantIdField(), optionsCollection(options)],
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
