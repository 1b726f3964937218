import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ZoomClient } from '../../../core/transport';
import { applyFields, fieldsCollection } from '../../helpers/fields';
import { readLimit, readUserId } from '../../helpers/parameters';
import { returnAllAndLimit, userIdField } from '../shared/common.descriptions';
import { optionsCollection } from '../shared/requestSettings';
import type { ZoomOperation } from '../shared/types';
import type { ScheduledDescriptor } from './descriptor';

export function scheduledGetAll(kind: ScheduledDescriptor): ZoomOperation {
	const { noun } = kind;
	return {
		label: {
			name: 'Get Many',
			description: `List the ${noun}s of a user`,
			action: `Get many ${noun}s`,
		},
		endpoints: [kind.endpoints.list],
		description: [
			userIdField(`Whose ${noun}s to list: "me", a user ID or an email`),
			...returnAllAndLimit(),
			fieldsCollection('filters', 'Filters', kind.filters, 'Add Filter'),
			optionsCollection(),
		],
		async execute(this: IExecuteFunctions, itemIndex: number, client: ZoomClient) {
			const userId = readUserId(this, itemIndex);
			const limit = readLimit(this, itemIndex);
			const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
			const { qs } = applyFields(this, itemIndex, kind.filters, filters);
			// A date range (where the kind has one) must not end before it starts.
			if (typeof qs.from === 'string' && typeof qs.to === 'string' && qs.to < qs.from) {
				throw new NodeOperationError(
					this.getNode(),
					`Invalid "To" in item ${itemIndex}: must not be before From (${qs.from})`,
					{ itemIndex, description: `Received: "${qs.to}"` },
				);
			}
			return await kind.list(client, userId, qs, limit, itemIndex);
		},
	};
}
