import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { z } from 'zod';

import { validateField } from './validation';

/** What a field's transform may look at besides its own value. */
export interface FieldContext {
	ctx: IExecuteFunctions;
	itemIndex: number;
	/** The label errors use, e.g. `Settings → Waiting Room`. */
	label: string;
	/** All values of the collection the field sits in (e.g. the chosen time zone). */
	siblings: IDataObject;
	/** Values the operation passes in: e.g. the workflow's time zone. */
	extra: IDataObject;
}

/**
 * One field, declared once: the n8n property the user sees, where its value goes in Zoom's
 * request, and how it is checked and transformed. The node's description and the request are
 * both derived from these, so a field cannot be shown without being sent, nor sent under another
 * name. An optional field sits in a collection (Additional Fields, Update Fields, Filters,
 * Options); a required one is a parameter of its own (see `required`).
 */
export interface FieldDefinition {
	property: INodeProperties;
	/**
	 * Zoom's name for the value: a dotted path into the JSON body (`settings.host_video`) or, with
	 * `in: 'query'`, a query parameter. A field of a nested group is placed below the group's path.
	 */
	zoom: string;
	in?: 'body' | 'query';
	/** Checks and converts the value; a failure names the field and the item. */
	schema?: z.ZodTypeAny;
	/** For values that need more than a schema (other fields, the workflow's time zone). */
	transform?: (value: unknown, context: FieldContext) => unknown;
	/** The field's name in errors when its display name is long ("Time Zone Name or ID"). */
	label?: string;
	/** Never repeat the value in an error (passcodes, passwords). */
	secret?: boolean;
	/** A nested collection (e.g. meeting Settings): its own fields, placed below `zoom`. */
	children?: readonly FieldDefinition[];
	/**
	 * Whether the value is sent at all: by default everything but `undefined` (false and 0 are
	 * real choices, such as turning the waiting room off).
	 */
	skip?: (value: unknown) => boolean;
	/**
	 * A required input (meeting Topic, user Email): a parameter of its own at the top of the
	 * operation, shown as required, always read and checked; an empty value is refused by its
	 * schema, never skipped. Set with `required()` where the same field is optional elsewhere.
	 */
	required?: boolean;
}

/** The same field as a required parameter (e.g. Topic: required in Create, optional in Update). */
export function required(definition: FieldDefinition): FieldDefinition {
	return { ...definition, required: true };
}

/** The parameters of fields that stand on their own (required inputs), in the order given. */
export function fieldParameters(definitions: readonly FieldDefinition[]): INodeProperties[] {
	return definitions.map((definition) =>
		definition.required ? { ...definition.property, required: true } : definition.property,
	);
}

const byDisplayName = (a: INodeProperties, b: INodeProperties) =>
	a.displayName.localeCompare(b.displayName);

/** A nested collection field (e.g. "Settings") whose options are its children's properties. */
export function fieldGroup(
	property: Omit<INodeProperties, 'type' | 'options' | 'default'>,
	zoom: string,
	children: readonly FieldDefinition[],
): FieldDefinition {
	return {
		property: {
			...property,
			type: 'collection',
			placeholder: property.placeholder ?? 'Add Setting',
			default: {},
			options: children.map((child) => child.property).sort(byDisplayName),
		},
		zoom,
		children,
	};
}

/** The collection (Additional Fields, Update Fields, Filters, …) that shows `definitions`. */
export function fieldsCollection(
	name: string,
	displayName: string,
	definitions: readonly FieldDefinition[],
	placeholder = 'Add Field',
): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder,
		default: {},
		options: definitions.map((definition) => definition.property).sort(byDisplayName),
	};
}

/** The request parts the fields fill in. */
export interface RequestParts {
	body: IDataObject;
	qs: IDataObject;
}

function setPath(target: IDataObject, path: string, value: unknown): void {
	const keys = path.split('.');
	let node = target;
	for (const key of keys.slice(0, -1)) {
		if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
		node = node[key] as IDataObject;
	}
	node[keys[keys.length - 1]] = value as IDataObject[keyof IDataObject];
}

/**
 * Checks every value of a collection against its field definition and writes it into Zoom's
 * request under Zoom's name. A value no definition knows is an error, never silently dropped.
 */
export function applyFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	definitions: readonly FieldDefinition[],
	values: IDataObject | undefined,
	parts: RequestParts = { body: {}, qs: {} },
	options: { labelPrefix?: string; zoomPrefix?: string; extra?: IDataObject } = {},
): RequestParts {
	if (!values) return parts;
	const byName = new Map(definitions.map((definition) => [definition.property.name, definition]));
	for (const [name, value] of Object.entries(values)) {
		const definition = byName.get(name);
		const label = `${options.labelPrefix ?? ''}${definition?.label ?? definition?.property.displayName ?? name}`;
		if (!definition) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Unknown field "${label}" in item ${itemIndex}: this operation has no such field`,
				{ itemIndex, description: 'Remove the field, or check the node version.' },
			);
		}
		if (!definition.required && (value === undefined || definition.skip?.(value))) continue;
		const zoomPath = options.zoomPrefix
			? `${options.zoomPrefix}.${definition.zoom}`
			: definition.zoom;
		if (definition.children) {
			if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
			applyFields(ctx, itemIndex, definition.children, value as IDataObject, parts, {
				labelPrefix: `${label} → `,
				zoomPrefix: zoomPath,
				extra: options.extra,
			});
			continue;
		}
		let converted: unknown = value;
		if (definition.schema) {
			converted = validateField(ctx, itemIndex, label, definition.schema, value, {
				secret: definition.secret,
			});
		}
		if (definition.transform) {
			converted = definition.transform(converted, {
				ctx,
				itemIndex,
				label,
				siblings: values,
				extra: options.extra ?? {},
			});
		}
		if (converted === undefined) continue;
		setPath(definition.in === 'query' ? parts.qs : parts.body, zoomPath, converted);
	}
	return parts;
}

/**
 * Reads the fields that are parameters of their own (`fieldParameters`) for one item and writes
 * them into Zoom's request through the same checks as a collection's fields.
 */
export function readFieldParameters(
	ctx: IExecuteFunctions,
	itemIndex: number,
	definitions: readonly FieldDefinition[],
	parts: RequestParts = { body: {}, qs: {} },
	options: { extra?: IDataObject } = {},
): RequestParts {
	const values: IDataObject = {};
	for (const { property } of definitions) {
		values[property.name] = ctx.getNodeParameter(
			property.name,
			itemIndex,
			property.default,
		) as IDataObject[keyof IDataObject];
	}
	return applyFields(ctx, itemIndex, definitions, values, parts, options);
}

/** Every field with its Zoom name, flattened (nested groups as `settings.host_video`): for docs and tests. */
export function listFields(
	definitions: readonly FieldDefinition[],
	prefix = '',
): Array<{ name: string; displayName: string; zoom: string; in: 'body' | 'query' }> {
	return definitions.flatMap((definition) => {
		const zoom = prefix ? `${prefix}.${definition.zoom}` : definition.zoom;
		if (definition.children) return listFields(definition.children, zoom);
		return [
			{
				name: definition.property.name,
				displayName: definition.property.displayName,
				zoom,
				in: definition.in ?? 'body',
			},
		];
	});
}
