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
	type Value,
} from '../fixtures/fullParameters';
import { addServerToServerCredential, runZoomNode } from '../fixtures/zoom';
import { OWNER_EMAIL, OWNER_ID, startZoomSimulator, type ZoomSimulator } from '../simulator';
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

/** Valid examples for free-text fields, by name (Zoom's limits: passcode ≤ 10, host key 6-10 …). */
function exampleFor(
	name: string,
	type: string,
	fixtures: { occurrenceId: () => string; unique: () => number },
): Value | undefined {
	const byName: Record<string, () => Value> = {
		email: () => `spec.${fixtures.unique()}@example.com`,
		transferEmail: () => OWNER_EMAIL,
		scheduleFor: () => OWNER_EMAIL,
		alternativeHosts: () => OWNER_EMAIL,
		meetingInvitees: () => 'guest@example.com',
		authenticationDomains: () => 'example.com',
		manager: () => 'manager@example.com',
		password: () => 'Pa55-word',
		hostKey: () => '123456',
		pmi: () => '3456789012',
		linkedinUrl: () => 'https://www.linkedin.com/in/example',
		vanityName: () => `spec-room-${fixtures.unique()}`,
		occurrenceId: () => fixtures.occurrenceId(),
		retryOnStatuses: () => '429,503',
		roleId: () => '2',
		customQueryFields: () => 'in_meeting',
		country: () => 'US',
		code: () => '+1',
		number: () => '5550100',
		language: () => 'en-US',
		settings: () =>
			JSON.stringify({
				in_meeting: { waiting_room: true },
				schedule_meeting: { host_video: true },
			}),
		startTime: () => '2030-05-01T09:00:00',
		endDateTime: () => '2030-06-30T18:00:00',
		from: () => '2030-01-01T00:00:00',
		to: () => '2030-12-31T00:00:00',
		duration: () => 45,
		endTimes: () => 5,
		monthlyDay: () => 15,
		limit: () => 5,
		timeout: () => 30,
		maxRetries: () => 1,
		maxConcurrency: () => 2,
		backoffMultiplier: () => 1.5,
	};
	void type;
	return byName[name]?.();
}

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
	let sequence = 0;
	const displayNames = displayNamesOf(description.properties);

	before(async () => {
		sim = await startZoomSimulator({ seed: false, enforceRateLimits: false });
		store = new CredentialsStore();
		credential = addServerToServerCredential(store, sim);
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
			let meeting = sim.state.addMeeting(OWNER_ID);
			const context: FillContext = {
				variant: 0,
				covered: new Set(),
				loaded,
				locator(name, mode) {
					if (name === 'meetingId') {
						meeting = sim.state.addMeeting(OWNER_ID, {
							topic: `Spec coverage ${++sequence}`,
							type: 8,
							start_time: '2030-05-01T09:00:00Z',
							duration: 30,
							timezone: 'UTC',
							recurrence: { type: 1, repeat_interval: 1, end_times: 4 },
						});
						return mode === 'url' ? `https://zoom.us/j/${meeting.id}` : String(meeting.id);
					}
					if (name === 'userId' && resource === 'meeting')
						return mode === 'email' ? OWNER_EMAIL : 'me';
					if (name === 'userId') {
						const user = sim.state.addUser({
							email: `spec.user${++sequence}@example.com`,
							first_name: 'Spec',
							last_name: `User ${sequence}`,
						});
						return mode === 'email' ? user.email : user.id;
					}
					throw new Error(`specCoverage: no fixture for resource locator "${name}"; add one`);
				},
				example: (name, type) =>
					exampleFor(name, type, {
						occurrenceId: () => meeting.occurrences?.[0]?.occurrence_id ?? '',
						unique: () => ++sequence,
					}),
			};

			const violations: SpecViolation[] = [];
			const refused: string[] = [];
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
