import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type {
	ILoadOptionsFunctions,
	INodeParameters,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
} from 'n8n-workflow';

import { findOperation } from '../../nodes/ZoomWorkplace/actions/registry';
import { ZoomWorkplace } from '../../nodes/ZoomWorkplace/ZoomWorkplace.node';
import { ENDPOINTS, type EndpointName } from '../../nodes/core/zoom/endpoints';
import {
	fillOperation,
	operationsOf,
	uncoveredChoices,
	type FillContext,
} from '../fixtures/fullParameters';
import { SpecFixtures } from '../fixtures/specFixtures';
import { addServerToServerCredential, runZoomNode } from '../fixtures/zoom';
import { startZoomSimulator, type ZoomSimulator } from '../simulator';
import { describeViolations, type SpecViolation } from '../simulator/spec';
import { CredentialsStore } from './harness';

/*
 * For every resource/operation of the node: fill every field and option it offers (read from the
 * node's own description, so a new field or operation is covered the day it is added), run the
 * node through n8n-core against the simulator, and require that Zoom's OpenAPI spec accepts every
 * request it sent. Variants are run until every choice of every options/boolean field has been
 * sent where it is shown.
 */

const MAX_VARIANTS = 40;

/** displayName → the parameter names that carry it, over the whole description. */
function displayNamesOf(properties: INodeProperties[], out = new Map<string, Set<string>>()) {
	for (const property of properties) {
		if (!out.has(property.displayName)) out.set(property.displayName, new Set());
		out.get(property.displayName)!.add(property.name);
		if (property.type === 'collection') displayNamesOf(property.options as INodeProperties[], out);
		if (property.type === 'fixedCollection')
			for (const group of property.options as INodePropertyCollection[])
				displayNamesOf(group.values, out);
	}
	return out;
}

/** '.a.b.c' paths of every value set in `parameters` (array entries are looked into). */
function leafPaths(value: unknown, path = ''): string[] {
	if (Array.isArray(value)) return value.flatMap((entry) => leafPaths(entry, path));
	if (value === null || typeof value !== 'object' || '__rl' in value) return [path];
	return Object.entries(value).flatMap(([key, sub]) => [
		`${path}.${key}`,
		...leafPaths(sub, `${path}.${key}`),
	]);
}

/** The path of the field an error such as `Invalid "Password" in item 0: …` names. */
function refusedPath(
	message: string,
	parameters: INodeParameters,
	displayNames: Map<string, Set<string>>,
): string | undefined {
	const named = /Invalid "([^"]+)"/.exec(message)?.[1];
	const names = named ? displayNames.get(named) : undefined;
	if (!names) return undefined;
	return leafPaths(parameters).find((path) => names.has(path.slice(path.lastIndexOf('.') + 1)));
}

function removeAt(parameters: INodeParameters, path: string): void {
	const keys = path.split('.').slice(1);
	let node: unknown = parameters;
	for (const key of keys.slice(0, -1)) {
		node = (node as Record<string, unknown>)[key];
		if (Array.isArray(node)) node = node[0];
	}
	delete (node as Record<string, unknown>)[keys[keys.length - 1]];
}

/** A path template with its parameters blanked: `/meetings/{}/registrants`. */
const shape = (template: string) => template.replace(/\{[^}]+\}/g, '{}');

const ENDPOINT_BY_SHAPE = new Map(
	(Object.entries(ENDPOINTS) as Array<[EndpointName, (typeof ENDPOINTS)[EndpointName]]>).map(
		([name, endpoint]) => [`${endpoint.method} ${shape(endpoint.path)}`, name],
	),
);

/**
 * The catalogue endpoints behind the simulator's request counters (`POST /v2/users/{userId}/…`);
 * a request to no catalogue endpoint is kept by its own key, so it shows in the comparison.
 */
function endpointsHit(requests: Record<string, number>): string[] {
	return Object.keys(requests).map((key) => {
		const [method, path] = key.split(' ');
		return ENDPOINT_BY_SHAPE.get(`${method} ${shape(path.replace(/^\/v2/, ''))}`) ?? key;
	});
}

/** A fault on the first write of an operation: Zoom applies it but the answer never arrives. */
function lostAnswerOnFirstWrite(declared: readonly EndpointName[]) {
	const write = declared.map((name) => ENDPOINTS[name]).find((e) => e.method !== 'GET');
	if (!write) return undefined;
	const pattern = shape(write.path)
		.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
		.replace(/\{\}/g, '[^/]+');
	return {
		kind: 'reset-after' as const,
		method: write.method,
		path: new RegExp(`^/v2${pattern}$`),
		count: 1,
	};
}

/**
 * Two items from one item's parameters, for the batch path: the optional collections emptied
 * (batch requests take only the basic fields), each item with its own email address, and the
 * resource locators naming a freshly seeded scheduled meeting or webinar (`locate`).
 */
function twoItems(parameters: INodeParameters, locate: (name: string) => string) {
	const perItem: INodeParameters = {};
	const inputItems: Array<Record<string, string>> = [{}, {}];
	for (const [name, value] of Object.entries(parameters)) {
		if (typeof value === 'string' && /^[^@\s={]+@[^@\s]+$/.test(value)) {
			perItem[name] = `={{ $json.${name} }}`;
			inputItems.forEach((item, index) => (item[name] = `item${index}.${value}`));
		} else if (value && typeof value === 'object' && '__rl' in value) {
			perItem[name] = { __rl: true, mode: 'id', value: locate(name) };
		} else if (value && typeof value === 'object' && !Array.isArray(value)) {
			perItem[name] = {};
		} else {
			perItem[name] = value;
		}
	}
	return { parameters: perItem, inputItems };
}

describe("every field and option of every operation validates against Zoom's spec", () => {
	const node = new ZoomWorkplace();
	const description = node.description;
	let sim: ZoomSimulator;
	let store: CredentialsStore;
	let credential: { id: string; name: string };
	const loaded: Record<string, INodePropertyOptions[]> = {};
	let fixtures: SpecFixtures;
	const displayNames = displayNamesOf(description.properties);

	before(async () => {
		sim = await startZoomSimulator({ seed: false, enforceRateLimits: false });
		store = new CredentialsStore();
		credential = addServerToServerCredential(store, sim);
		fixtures = new SpecFixtures(sim);
		for (const [name, method] of Object.entries(node.methods.loadOptions))
			loaded[name] = await method.call({} as ILoadOptionsFunctions);
	});

	after(async () => {
		await sim.close();
	});

	const operations = operationsOf(description);

	test('the node offers operations to cover', () => {
		assert.ok(operations.length >= 2, JSON.stringify(operations));
	});

	for (const { resource, operation } of operations) {
		test(`${resource} → ${operation}`, async () => {
			fixtures.reset(operation);
			const context: FillContext = {
				variant: 0,
				covered: new Set(),
				loaded,
				locator: (name, mode) => fixtures.locator(name, mode, resource),
				example: (name) => fixtures.example(name),
			};

			const violations: SpecViolation[] = [];
			const refused: string[] = [];
			/** Zoom's answers to variants it refused; a missing fixture shows here (404, 3001 …). */
			const apiErrors: string[] = [];
			let succeeded = 0;
			/** Paths of fields the node refused in one combination (it names the field). */
			const dropped = new Set<string>();
			/** Paths of fields in variants the node accepted and sent. */
			const sent = new Set<string>();
			/** The catalogue endpoints the operation called, over every run below. */
			const hit = new Set<string>();
			let lastGood: INodeParameters | undefined;
			let before = uncoveredChoices(description, resource, operation, context);
			let idle = 0;
			for (let variant = 0; variant < MAX_VARIANTS && idle < 8; variant++) {
				context.variant = variant;
				const parameters = fillOperation(description, resource, operation, context);
				for (let attempt = 0; attempt < 5; attempt++) {
					sim.resetCounters();
					const result = await runZoomNode(parameters, { store, credential });
					violations.push(...sim.takeSpecViolations());
					for (const name of endpointsHit(sim.counters.requests)) hit.add(name);
					const error = result.error as { name?: string; message?: string } | undefined;
					if (!error) lastGood = parameters;
					if (!error || error.name === 'NodeApiError') {
						assert.ok(
							sim.counters.totalApiRequests > 0,
							`sent nothing: ${JSON.stringify(parameters)}`,
						);
						for (const path of leafPaths(parameters)) sent.add(path);
						if (error) apiErrors.push(`variant ${variant}: ${error.message}`);
						else succeeded++;
						break;
					}
					// The node declines some combinations (a password only with "Auto Create") with
					// an error naming the field: leave that field out here; it must be sent in another
					// variant. A declined top-level choice is tried again in a later variant.
					const path = refusedPath(error.message ?? '', parameters, displayNames);
					if (!path) {
						refused.push(`variant ${variant}: ${error.message} with ${JSON.stringify(parameters)}`);
						break;
					}
					dropped.add(path);
					if (!path.slice(1).includes('.')) {
						context.covered.delete(`${path}=${JSON.stringify(parameters[path.slice(1)])}`);
						break;
					}
					removeAt(parameters, path);
				}
				const now = uncoveredChoices(description, resource, operation, context);
				if (now === 0) break;
				idle = now === before ? idle + 1 : 0;
				before = now;
			}
			assert.ok(succeeded > 0, `Zoom refused every variant:\n${apiErrors.join('\n')}`);

			// Endpoints an operation calls only on another path: several items at once (batch
			// requests), and the look-up after a write whose answer was lost (creates).
			const declared = findOperation(resource, operation)!.endpoints;
			const fault = lostAnswerOnFirstWrite(declared);
			const otherPaths = [
				{
					...twoItems(lastGood!, (name) =>
						fixtures.locator(name, 'id', resource, { scheduled: true }),
					),
					fault: undefined,
				},
				...(fault ? [{ parameters: lastGood!, inputItems: undefined, fault }] : []),
			];
			for (const path of declared.some((name) => !hit.has(name)) ? otherPaths : []) {
				if (path.fault) sim.injectFault(path.fault);
				sim.resetCounters();
				await runZoomNode(path.parameters, { store, credential, inputItems: path.inputItems });
				sim.clearFaults();
				violations.push(...sim.takeSpecViolations());
				for (const name of endpointsHit(sim.counters.requests)) hit.add(name);
			}
			assert.deepEqual(violations, [], describeViolations(violations));
			assert.deepEqual(
				[...hit].sort(),
				[...declared].sort(),
				'the endpoints the operation declares (its scopes, the docs) are those it calls',
			);
			assert.deepEqual(refused, [], `the node refused valid values:\n${refused.join('\n')}`);
			const neverSent = [...dropped].filter((path) => !sent.has(path));
			assert.deepEqual(neverSent, [], 'fields the node refused in every variant');
			assert.equal(
				uncoveredChoices(description, resource, operation, context),
				0,
				'choices never sent',
			);
		});
	}
});
