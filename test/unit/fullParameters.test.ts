import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import {
	fillOperation,
	operationsOf,
	uncoveredChoices,
	type FillContext,
} from '../fixtures/fullParameters';

/*
 * The generator behind test/integration/specCoverage.test.ts: it must find every operation, fill
 * every field an operation shows (and only those), and over its variants send every choice of
 * every options/boolean field where that field is visible, nested conditional ones included.
 */

const show = (operation: string) => ({ show: { resource: ['thing'], operation: [operation] } });

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		options: [{ name: 'Thing', value: 'thing' }],
		default: 'thing',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		displayOptions: { show: { resource: ['thing'] } },
		options: [
			{ name: 'Create', value: 'create' },
			{ name: 'Get Many', value: 'getAll' },
		],
		default: 'create',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		displayOptions: show('create'),
	},
	{
		displayName: 'Extra',
		name: 'extra',
		type: 'collection',
		default: {},
		displayOptions: show('create'),
		options: [
			{
				displayName: 'Count',
				name: 'count',
				type: 'number',
				typeOptions: { minValue: 5, maxValue: 9 },
				default: 0,
			},
			{
				displayName: 'Schedule',
				name: 'schedule',
				type: 'fixedCollection',
				default: {},
				options: [
					{
						displayName: 'Schedule',
						name: 'values',
						values: [
							{
								displayName: 'Kind',
								name: 'kind',
								type: 'options',
								options: [
									{ name: 'Daily', value: 1 },
									{ name: 'Weekly', value: 2 },
									{ name: 'Monthly', value: 3 },
								],
								default: 1,
							},
							{
								displayName: 'Monthly By',
								name: 'by',
								type: 'options',
								displayOptions: { show: { kind: [3] } },
								options: [
									{ name: 'Day', value: 'day' },
									{ name: 'Week', value: 'week' },
								],
								default: 'day',
							},
							{
								displayName: 'Week',
								name: 'week',
								type: 'options',
								displayOptions: { show: { kind: [3], by: ['week'] } },
								options: [
									{ name: 'First', value: 1 },
									{ name: 'Last', value: -1 },
								],
								default: 1,
							},
							{
								displayName: 'Days',
								name: 'days',
								type: 'multiOptions',
								displayOptions: { show: { kind: [2] } },
								options: [
									{ name: 'Mon', value: 'mon' },
									{ name: 'Tue', value: 'tue' },
								],
								default: [],
							},
						],
					},
				],
			},
			{ displayName: 'Flag', name: 'flag', type: 'boolean', default: false },
		],
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		displayOptions: show('getAll'),
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		displayOptions: { show: { resource: ['thing'], operation: ['getAll'], returnAll: [false] } },
	},
	{
		displayName: 'Thing',
		name: 'thingId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		displayOptions: show('getAll'),
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list' },
			{ displayName: 'By ID', name: 'id', type: 'string' },
			{ displayName: 'By URL', name: 'url', type: 'string' },
		],
	},
	{
		displayName: 'Hint',
		name: 'hint',
		type: 'notice',
		default: '',
		displayOptions: show('getAll'),
	},
];

const description = { properties } as unknown as INodeTypeDescription;

function context(): FillContext {
	return {
		variant: 0,
		covered: new Set(),
		loaded: {},
		locator: () => 'x',
		example: (name) => (name === 'name' ? 'A name' : undefined),
	};
}

describe('fullParameters (the spec-coverage generator)', () => {
	test('finds every resource/operation pair from the description', () => {
		assert.deepEqual(operationsOf(description), [
			{ resource: 'thing', operation: 'create' },
			{ resource: 'thing', operation: 'getAll' },
		]);
	});

	test('fills what the operation shows, from examples, ranges and options; skips notices', () => {
		const params = fillOperation(description, 'thing', 'create', context());
		assert.equal(params.name, 'A name');
		assert.equal(params.returnAll, undefined, 'a field of another operation is not filled');
		const extra = params.extra as Record<string, unknown>;
		assert.equal(extra.count, 5, 'a number within its minValue/maxValue');
		assert.equal(extra.flag, true);
		assert.deepEqual(extra.schedule, { values: { kind: 1 } }, 'only the fields Daily shows');
		const getAll = fillOperation(description, 'thing', 'getAll', context());
		assert.equal('hint' in getAll, false);
		assert.equal(getAll.returnAll, true);
		assert.equal('limit' in getAll, false, 'Limit is hidden by Return All');
	});

	test('over its variants, every choice is sent where it is shown, nested ones included', () => {
		const ctx = context();
		const sent: unknown[] = [];
		for (
			let variant = 0;
			variant < 12 && uncoveredChoices(description, 'thing', 'create', ctx) > 0;
			variant++
		) {
			ctx.variant = variant;
			sent.push(fillOperation(description, 'thing', 'create', ctx));
		}
		assert.equal(uncoveredChoices(description, 'thing', 'create', ctx), 0);
		const schedules = sent.map(
			(p) => (p as { extra: { schedule: { values: object } } }).extra.schedule.values,
		);
		for (const expected of [
			{ kind: 1 },
			{ kind: 2, days: ['mon', 'tue'] },
			{ kind: 2, days: ['mon'] },
			{ kind: 2, days: ['tue'] },
			{ kind: 3, by: 'day' },
			{ kind: 3, by: 'week', week: 1 },
			{ kind: 3, by: 'week', week: -1 },
		])
			assert.ok(
				schedules.some((s) => JSON.stringify(s) === JSON.stringify(expected)),
				`${JSON.stringify(expected)} among ${JSON.stringify(schedules)}`,
			);
		const flags = sent.map((p) => (p as { extra: { flag: boolean } }).extra.flag);
		assert.ok(flags.includes(true) && flags.includes(false));
	});

	test('every mode of a resource locator one can type into is sent, a list never', () => {
		const ctx = { ...context(), locator: (name: string, mode: string) => `${name}:${mode}` };
		assert.equal(
			uncoveredChoices(description, 'thing', 'getAll', ctx),
			4,
			'two booleans, two modes',
		);
		const sent: unknown[] = [fillOperation(description, 'thing', 'getAll', ctx).thingId];
		assert.equal(uncoveredChoices(description, 'thing', 'getAll', ctx), 2, 'one boolean, one mode');
		for (
			let variant = 1;
			variant < 12 && uncoveredChoices(description, 'thing', 'getAll', ctx) > 0;
			variant++
		) {
			ctx.variant = variant;
			sent.push(fillOperation(description, 'thing', 'getAll', ctx).thingId);
		}
		assert.equal(uncoveredChoices(description, 'thing', 'getAll', ctx), 0);
		assert.deepEqual(sent.slice(0, 2), [
			{ __rl: true, mode: 'id', value: 'thingId:id' },
			{ __rl: true, mode: 'url', value: 'thingId:url' },
		]);
	});

	test('a field type it cannot fill is an error naming the type and the field', () => {
		const odd = {
			properties: [
				...properties.slice(0, 2),
				{
					displayName: 'Odd',
					name: 'odd',
					type: 'color',
					default: '',
					displayOptions: show('create'),
				},
			],
		} as unknown as INodeTypeDescription;
		assert.throws(
			() => fillOperation(odd, 'thing', 'create', context()),
			/type "color" \(field \.odd\)/,
		);
	});
});
