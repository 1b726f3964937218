import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ZoomClient } from '../../../core/transport';
import { occurrenceIdOption } from '../shared/common.descriptions';
import { locatorFor } from '../shared/instances';
import { optionsCollection, readOperationOptions } from '../shared/requestSettings';
import type { ZoomOperation } from '../shared/types';
import type { ScheduledDescriptor } from './descriptor';

export function scheduledDelete(kind: ScheduledDescriptor): ZoomOperation {
	const { noun } = kind;
	const options = [
		...kind.deleteOptions,
		occurrenceIdOption(
			`Delete only this occurrence of a recurring ${noun} (digits, from the ${noun}'s "occurrences" list)`,
		),
	];
	return {
		label: {
			name: 'Delete',
			description: `Delete a ${noun} or one occurrence`,
			action: `Delete a ${noun}`,
		},
		endpoints: [kind.endpoints.delete],
		description: [locatorFor(kind, kind.endpoints.delete), optionsCollection(options)],
		async execute(this: IExecuteFunctions, itemIndex: number, client: ZoomClient) {
			const target = kind.read(this, itemIndex);
			const { qs } = readOperationOptions(this, itemIndex, options);
			await client.request({
				endpoint: kind.endpoints.delete,
				pathParameters: { [kind.parameter]: target.pathId },
				qs,
				itemIndex,
			});
			const occurrenceId = qs.occurrence_id as string | undefined;
			const result: IDataObject = { id: target.id };
			if (occurrenceId) result.occurrenceId = occurrenceId;
			return { ...result, deleted: true };
		},
	};
}
