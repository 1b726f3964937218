import type { INodeProperties } from 'n8n-workflow';

import type { ZoomOperation } from '../types';
import type { RegistrantParent } from './parent';

/** The Operation selector of a registrant resource; each operation's parameters follow. */
export function registrantResourceDescription(
	parent: RegistrantParent,
	operations: Record<string, ZoomOperation>,
): INodeProperties[] {
	const noun = `${parent.noun} registrant`;
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [parent.resource] } },
			options: [
				{
					name: 'Create',
					value: 'create',
					description: `Register someone for a ${parent.noun} (many items share batch requests where Zoom allows)`,
					action: `Create a ${noun}`,
				},
				{
					name: 'Delete',
					value: 'delete',
					description: `Delete a ${noun}`,
					action: `Delete a ${noun}`,
				},
				{ name: 'Get', value: 'get', description: `Get a ${noun}`, action: `Get a ${noun}` },
				{
					name: 'Get Many',
					value: 'getAll',
					description: `List the registrants of a ${parent.noun}`,
					action: `Get many ${noun}s`,
				},
				{
					name: 'Update Status',
					value: 'updateStatus',
					description: 'Approve, deny or cancel registrations, up to 30 per request',
					action: `Update a ${noun} status`,
				},
			],
			default: 'create',
		},
		...Object.values(operations).flatMap((operation) => operation.description),
	];
}
