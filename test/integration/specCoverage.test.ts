import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type {
	ILoadOptionsFunctions,
	INodeParameters,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
} from 'n8n-workflow';

import { ZoomWorkplace } from '../../nodes/ZoomWorkplace/ZoomWorkplace.node';
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
			let before = uncoveredChoices(description, resource, operation, context);
			let idle = 0;
			for (let variant = 0; variant < MAX_VARIANTS && idle < 8; variant++) {
				context.variant = variant;
				const parameters = fillOperation(description, resource, operation, context);
				for (let attempt = 0; attempt < 5; attempt++) {
					sim.resetCounters();
					const result = await runZoomNode(parameters, { store, credential });
					violations.push(...sim.takeSpecViolations());
					const error = result.error as { name?: string; message?: string } | undefined;
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
			assert.deepEqual(violations, [], describeViolations(violations));
			assert.ok(succeeded > 0, `Zoom refused every variant:\n${apiErrors.join('\n')}`);
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
