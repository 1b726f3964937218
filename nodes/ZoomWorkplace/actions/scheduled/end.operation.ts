import type { IExecuteFunctions } from 'n8n-workflow';

import type { ZoomClient } from '../../../core/transport';
import { locatorFor } from '../shared/instances';
import { optionsCollection } from '../shared/requestSettings';
import type { ZoomOperation } from '../shared/types';
import type { ScheduledDescriptor } from './descriptor';

export function scheduledEnd(kind: ScheduledDescriptor): ZoomOperation {
	const { noun } = kind;
	return {
		label: {
			name: 'End',
			description: `End a running ${noun}`,
			action: `End a ${noun}`,
		},
		endpoints: [kind.endpoints.status],
		description: [
			locatorFor(kind, kind.endpoints.status, `The running ${noun} to end for everyone`),
			optionsCollection(),
		],
		async execute(this: IExecuteFunctions, itemIndex: number, client: ZoomClient) {
			const target = kind.read(this, itemIndex);
			await client.request({
				endpoint: kind.endpoints.status,
				pathParameters: { [kind.parameter]: target.pathId },
				body: { action: 'end' },
				itemIndex,
			});
			return { id: target.id, ended: true };
		},
	};
}
