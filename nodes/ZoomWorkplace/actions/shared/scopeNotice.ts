import type { INodeProperties } from 'n8n-workflow';

import { scopesFor, type EndpointName } from '../../../core/zoom/endpoints';

/**
 * A notice under the operation naming the Zoom scopes it needs, derived from the endpoint
 * catalogue so it cannot drift from what the operation calls.
 */
export function scopeNotice(
	endpoints: readonly EndpointName[],
	prerequisite?: string,
): INodeProperties {
	const { classic, granular } = scopesFor(endpoints);
	const needs = `Zoom app scopes: ${classic.join(' or ')} (granular: ${granular.join(', ')}).`;
	return {
		displayName: prerequisite ? `${prerequisite} ${needs}` : needs,
		name: 'scopesNotice',
		type: 'notice',
		default: '',
	};
}
