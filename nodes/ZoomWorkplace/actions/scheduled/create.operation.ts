import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ZoomClient } from '../../../core/transport';
import {
	fieldParameters,
	fieldsCollection,
	readFieldParameters,
	required,
} from '../../helpers/fields';
import { readUserId } from '../../helpers/parameters';
import { buildScheduleBody } from '../../helpers/scheduleFields';
import { userIdField } from '../shared/common.descriptions';
import { optionsCollection } from '../shared/requestSettings';
import type { ZoomOperation } from '../shared/types';
import type { ScheduledDescriptor } from './descriptor';
import { findCreatedScheduled } from './findCreated';

export function scheduledCreate(kind: ScheduledDescriptor): ZoomOperation {
	const parameters = [required(kind.topic)];
	return {
		label: {
			name: 'Create',
			description: `Create a ${kind.noun}`,
			action: `Create a ${kind.noun}`,
		},
		endpoints: [kind.endpoints.create, kind.endpoints.list, kind.endpoints.get],
		description: [
			userIdField(kind.hostDescription),
			...fieldParameters(parameters),
			fieldsCollection('additionalFields', 'Additional Fields', kind.fields),
			optionsCollection(),
		],
		async execute(this: IExecuteFunctions, itemIndex: number, client: ZoomClient) {
			const userId = readUserId(this, itemIndex);
			const { body: base } = readFieldParameters(this, itemIndex, parameters);
			const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
			const body = buildScheduleBody(
				this,
				itemIndex,
				kind.fields,
				fields,
				this.getTimezone(),
				base,
			);
			const attemptStartedAt = Date.now();
			const { body: created } = await client.request<IDataObject>({
				endpoint: kind.endpoints.create,
				pathParameters: { userId },
				body,
				itemIndex,
				lookUp: {
					find: async () =>
						await findCreatedScheduled(kind, client, userId, body, attemptStartedAt, itemIndex),
					description: `listing the host's scheduled ${kind.noun}s`,
				},
			});
			return created;
		},
	};
}
