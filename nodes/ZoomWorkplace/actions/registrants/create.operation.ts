import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { chunkUnique, groupBy, runLimited, ZOOM_BATCH_LIMIT } from '../../helpers/batch';
import {
	applyFields,
	fieldParameters,
	fieldsCollection,
	readFieldParameters,
	type FieldDefinition,
} from '../../helpers/fields';
import { emailSchema } from '../../helpers/schemas';
import type { InstanceTarget } from '../../helpers/parameters';
import type { ZoomClient } from '../../../core/transport';
import { optionsCollection } from '../shared/requestSettings';
import type { BatchItemResult, BatchOptions, ZoomOperation } from '../shared/types';
import { createdFromFound, findRegistrants } from './find';
import { executeThroughBatch, Outcomes, readEach, worthSplitting } from './outcomes';
import type { RegistrantParent } from './parent';
import { registrantFieldDefinitions } from './registrantFields';

/** One item's registration, checked and ready to send. */
export interface CreateEntry {
	itemIndex: number;
	target: InstanceTarget;
	body: IDataObject;
	qs: IDataObject;
}

/** Body keys a batch registration (`batch_registrants`) carries per registrant or per request. */
const BATCH_BODY_KEYS = new Set(['email', 'first_name', 'last_name', 'auto_approve']);

/**
 * Whether an item can go into a batch registration: only email, names (and auto-approve for
 * the whole request); no address, questions or occurrences, which only a single create takes.
 */
export function isBatchable(entry: Pick<CreateEntry, 'body' | 'qs'>): boolean {
	return (
		Object.keys(entry.qs).length === 0 &&
		Object.keys(entry.body).every((key) => BATCH_BODY_KEYS.has(key))
	);
}

/** Items of one parent with the same auto-approve choice can share a batch request. */
export function batchKey(entry: Pick<CreateEntry, 'target' | 'body'>): string {
	return `${entry.target.pathId}|${String(entry.body.auto_approve ?? '')}`;
}

const firstNameSchema = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.min(1, 'is required')
	.max(64, 'must be at most 64 characters');

const registrantEmailSchema = emailSchema.pipe(
	z.string().max(128, 'must be at most 128 characters'),
);

/** The required inputs of a registration. */
const PARAMETERS: FieldDefinition[] = [
	{
		property: {
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: "The registrant's email address",
		},
		zoom: 'email',
		schema: registrantEmailSchema,
		required: true,
	},
	{
		property: {
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			default: '',
			description: "The registrant's first name (up to 64 characters)",
		},
		zoom: 'first_name',
		schema: firstNameSchema,
		required: true,
	},
];

/**
 * Zoom's batch registration needs a scheduled meeting (type 2) / webinar (type 5) that requires
 * registration (approval type 0 or 1). Asked once per parent; any doubt means single creates.
 */
async function acceptsBatch(
	client: ZoomClient,
	parent: RegistrantParent,
	target: InstanceTarget,
): Promise<IDataObject | undefined> {
	try {
		const { body } = await client.request<IDataObject>({
			endpoint: parent.endpoints.parent,
			pathParameters: { [parent.parameter]: target.pathId },
		});
		const approval = Number((body.settings as IDataObject | undefined)?.approval_type);
		return Number(body.type) === parent.batchType && (approval === 0 || approval === 1)
			? body
			: undefined;
	} catch {
		return undefined;
	}
}

export function registrantCreate(parent: RegistrantParent): ZoomOperation {
	const definitions = registrantFieldDefinitions(parent);

	const description: INodeProperties[] = [
		parent.parentLocator(),
		...fieldParameters(PARAMETERS),
		fieldsCollection('additionalFields', 'Additional Fields', definitions),
		optionsCollection(),
	];

	function read(ctx: IExecuteFunctions, itemIndex: number): CreateEntry {
		const target = parent.read(ctx, itemIndex);
		const parts = readFieldParameters(ctx, itemIndex, PARAMETERS);
		const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const { body, qs } = applyFields(ctx, itemIndex, definitions, fields, parts);
		return { itemIndex, target, body, qs };
	}

	async function createOne(client: ZoomClient, entry: CreateEntry): Promise<IDataObject> {
		const email = String(entry.body.email);
		const { body } = await client.request<IDataObject>({
			endpoint: parent.endpoints.create,
			pathParameters: { [parent.parameter]: entry.target.pathId },
			qs: entry.qs,
			body: entry.body,
			itemIndex: entry.itemIndex,
			lookUp: {
				find: async () => {
					const found = await findRegistrants(client, parent, entry.target, [email]);
					const registrant = found.get(email.toLowerCase());
					return registrant ? createdFromFound(entry.target, registrant) : undefined;
				},
				description: `listing the ${parent.noun}'s registrants by email`,
			},
		});
		return { ...body, email: body.email ?? email };
	}

	/** One batch_registrants request; items Zoom did not register are handed back for single creates. */
	async function createChunk(
		client: ZoomClient,
		target: InstanceTarget,
		about: IDataObject,
		chunk: CreateEntry[],
		outcomes: Outcomes,
	): Promise<CreateEntry[]> {
		const request: IDataObject = {
			registrants: chunk.map((entry) => {
				const registrant: IDataObject = {
					email: entry.body.email,
					first_name: entry.body.first_name,
				};
				if (entry.body.last_name !== undefined) registrant.last_name = entry.body.last_name;
				return registrant;
			}),
		};
		const autoApprove = chunk[0].body.auto_approve;
		if (autoApprove !== undefined) request.auto_approve = autoApprove;
		const emails = chunk.map((entry) => String(entry.body.email));
		let registered: IDataObject[];
		try {
			const { body } = await client.request<IDataObject>({
				endpoint: parent.endpoints.batch,
				pathParameters: { [parent.parameter]: target.pathId },
				body: request,
				lookUp: {
					find: async () => {
						const found = await findRegistrants(client, parent, target, emails);
						if (found.size === 0) return undefined;
						return {
							registrants: [...found.values()].map((r) => ({
								email: r.email,
								registrant_id: r.id,
								join_url: r.join_url,
							})),
						};
					},
					description: `listing the ${parent.noun}'s registrants by email`,
				},
			});
			registered = Array.isArray(body.registrants) ? (body.registrants as IDataObject[]) : [];
		} catch (error) {
			if (worthSplitting(error, chunk.length)) return chunk;
			for (const entry of chunk) outcomes.fail(entry.itemIndex, error);
			return [];
		}
		const byEmail = new Map(registered.map((r) => [String(r.email ?? '').toLowerCase(), r]));
		// An answer without emails but one entry per registrant sent is read in request order.
		if (registered.length === chunk.length && registered.every((r) => r.email === undefined)) {
			chunk.forEach((entry, index) =>
				byEmail.set(String(entry.body.email).toLowerCase(), registered[index]),
			);
		}
		const left: CreateEntry[] = [];
		for (const entry of chunk) {
			const registrant = byEmail.get(String(entry.body.email).toLowerCase());
			if (!registrant) {
				left.push(entry);
				continue;
			}
			const result: IDataObject = { id: target.id };
			if (about.topic !== undefined) result.topic = about.topic;
			if (about.start_time !== undefined) result.start_time = about.start_time;
			outcomes.ok(entry.itemIndex, {
				...result,
				...registrant,
				email: registrant.email ?? entry.body.email,
			});
		}
		return left;
	}

	async function executeBatch(
		this: IExecuteFunctions,
		itemIndexes: number[],
		client: ZoomClient,
		options: BatchOptions,
	): Promise<BatchItemResult[]> {
		const outcomes = new Outcomes();
		const entries = readEach(itemIndexes, outcomes, (itemIndex) => read(this, itemIndex));
		const singles = entries.filter((entry) => !isBatchable(entry));
		const groups = groupBy(entries.filter(isBatchable), batchKey);

		// Phase 1: which parents take batch registration (one Get per parent with 2+ items).
		const batches: Array<{ target: InstanceTarget; about: IDataObject; entries: CreateEntry[] }> =
			[];
		// Items of one parent with different Auto Approve choices form two groups but one Get.
		const parents = new Map<string, Promise<IDataObject | undefined>>();
		const details = (target: InstanceTarget) => {
			let answer = parents.get(target.pathId);
			if (!answer) {
				answer = acceptsBatch(client, parent, target);
				parents.set(target.pathId, answer);
			}
			return answer;
		};
		await runLimited(
			groups.map((group) => async () => {
				const target = group.entries[0].target;
				const about = group.entries.length > 1 ? await details(target) : undefined;
				if (about) batches.push({ target, about, entries: group.entries });
				else singles.push(...group.entries);
			}),
			options.maxConcurrency,
		);

		// Phase 2: up to 30 registrants per request, never the same email twice in one.
		const fallbacks: CreateEntry[] = [];
		const chunkTasks = batches.flatMap(({ target, about, entries: grouped }) =>
			chunkUnique(grouped, ZOOM_BATCH_LIMIT, (entry) => String(entry.body.email).toLowerCase()).map(
				(chunk) => async () => {
					fallbacks.push(...(await createChunk(client, target, about, chunk, outcomes)));
				},
			),
		);
		await runLimited(chunkTasks, options.maxConcurrency);

		// Phase 3: one request per remaining item, each with its own answer or error.
		const remaining = [...singles, ...fallbacks].sort((a, b) => a.itemIndex - b.itemIndex);
		await runLimited(
			remaining.map((entry) => async () => {
				try {
					outcomes.ok(entry.itemIndex, await createOne(client, entry));
				} catch (error) {
					outcomes.fail(entry.itemIndex, error);
				}
			}),
			options.maxConcurrency,
		);
		return outcomes.list();
	}

	return {
		label: {
			name: 'Create',
			description: `Register someone for a ${parent.noun} (many items share batch requests where Zoom allows)`,
			action: `Create a ${parent.noun} registrant`,
		},
		description,
		execute: executeThroughBatch(executeBatch),
		executeBatch,
		// The meeting/webinar is read to decide on batching; the list is the create's look-up.
		endpoints: [
			parent.endpoints.create,
			parent.endpoints.batch,
			parent.endpoints.parent,
			parent.endpoints.list,
		],
	};
}
