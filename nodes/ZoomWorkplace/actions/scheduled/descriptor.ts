import type { IDataObject } from 'n8n-workflow';

import type { ZoomClient } from '../../../core/transport';
import type { EndpointName } from '../../../core/zoom/endpoints';
import type { FieldDefinition } from '../../helpers/fields';
import { textChoiceSchema } from '../../helpers/schemas';
import type { InstanceKind } from '../shared/instances';

/**
 * What differs between the meeting and the webinar resources: the kind (locator, reader), the
 * endpoints, the fields Zoom takes and how a host's list is paged. Create, Get, Get Many,
 * Update, Delete and End (and the look-up after a lost create) are written once for both, in
 * this folder, from a descriptor.
 */
export interface ScheduledDescriptor extends InstanceKind {
	resource: 'meeting' | 'webinar';
	endpoints: {
		list: EndpointName;
		create: EndpointName;
		get: EndpointName;
		update: EndpointName;
		delete: EndpointName;
		/** PUT …/status {"action":"end"} */
		status: EndpointName;
	};
	/** The type Zoom gives a create that sends none: a scheduled meeting (2) or webinar (5). */
	defaultType: number;
	/** The topic: Create's required parameter, one of Update's fields. */
	topic: FieldDefinition;
	/** Every other field of Create (Additional Fields) and Update (Update Fields). */
	fields: readonly FieldDefinition[];
	/** Get Many's filters (Zoom's list query parameters). */
	filters: readonly FieldDefinition[];
	/** Delete's options besides the occurrence: the cancellation emails Zoom can send. */
	deleteOptions: readonly FieldDefinition[];
	/** Create's help text for the host (User). */
	hostDescription: string;
	/** A host's meetings or webinars (Get Many, and the look-up after a lost create). */
	list(
		client: ZoomClient,
		userId: string,
		qs: IDataObject,
		limit: number | undefined,
		itemIndex?: number,
	): Promise<IDataObject[]>;
}

/** Get Many's Type filter: which of the host's meetings or webinars Zoom lists (default scheduled). */
export function listTypeFilter(
	noun: ScheduledDescriptor['noun'],
	options: Array<{ name: string; value: string; description: string }>,
): FieldDefinition {
	return {
		property: {
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options,
			default: 'scheduled',
			description: `Which ${noun}s to list`,
		},
		zoom: 'type',
		in: 'query',
		schema: textChoiceSchema(options.map((option) => option.value) as [string, ...string[]]),
		skip: (value) => value === '',
	};
}
