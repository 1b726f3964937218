import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ZoomClient } from '../../../core/transport';
import { fieldsCollection } from '../../helpers/fields';
import { buildScheduleBody } from '../../helpers/scheduleFields';
import { occurrenceIdOption } from '../shared/common.descriptions';
import { locatorFor } from '../shared/instances';
import { assertSomethingToUpdate, readBackAfterUpdate } from '../shared/readBack';
import { optionsCollection, readOperationOptions } from '../shared/requestSettings';
import type { ZoomOperation } from '../shared/types';
import type { ScheduledDescriptor } from './descriptor';

export function scheduledUpdate(kind: ScheduledDescriptor): ZoomOperation {
	const { noun } = kind;
	const fields = [kind.topic, ...kind.fields];
	const options = [
		occurrenceIdOption(
			`Update only this occurrence of a recurring ${noun} (digits). Zoom then accepts only Agenda, Start Time, Duration and some settings.`,
		),
	];
	return {
		label: {
			name: 'Update',
			description: `Update a ${noun} or one occurrence`,
			action: `Update a ${noun}`,
		},
		endpoints: [kind.endpoints.update, kind.endpoints.get],
		description: [
			locatorFor(kind, kind.endpoints.update),
			{
				displayName: `Zoom answers an update with no content, so the node reads the ${noun} back and outputs it as Get does (for an occurrence: that occurrence). If the app may not read ${noun}s, the output only confirms the update (its ID and updated: true).`,
				name: 'updateNotice',
				type: 'notice',
				default: '',
			},
			fieldsCollection('updateFields', 'Update Fields', fields),
			optionsCollection(options),
		],
		async execute(this: IExecuteFunctions, itemIndex: number, client: ZoomClient) {
			const target = kind.read(this, itemIndex);
			const { qs } = readOperationOptions(this, itemIndex, options);
			const occurrenceId = qs.occurrence_id as string | undefined;
			const values = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
			// The same body as Create; false and 0 are kept (turning a setting off is an update).
			const body = buildScheduleBody(this, itemIndex, fields, values, this.getTimezone());
			assertSomethingToUpdate(this, itemIndex, body);
			const pathParameters = { [kind.parameter]: target.pathId };
			await client.request({
				endpoint: kind.endpoints.update,
				pathParameters,
				qs,
				body,
				itemIndex,
			});
			const confirmation: IDataObject = { id: target.id };
			if (occurrenceId) confirmation.occurrenceId = occurrenceId;
			return await readBackAfterUpdate(
				this,
				client,
				{ endpoint: kind.endpoints.get, pathParameters, qs, itemIndex },
				confirmation,
			);
		},
	};
}
