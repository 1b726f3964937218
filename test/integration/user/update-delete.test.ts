import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import { type ZoomSimulator } from '../../simulator';
import { type CredentialsStore } from '../harness';
import { userSuite, user, json, assertFailed, S2S } from './suite';

const suite = userSuite();
const { run, apiRequests } = suite;
let sim: ZoomSimulator;
let store: CredentialsStore;
beforeEach(() => ({ sim, store } = suite));

describe('user → update', () => {
	test('sends every added field, false and "" included, and returns the user read back', async () => {
		const bob = sim.state.addUser({
			email: 'bob@example.com',
			use_pmi: true,
			dept: 'Sales',
			type: 2,
		});
		const result = await run({
			operation: 'update',
			userId: user('bob@example.com', 'email'),
			updateFields: {
				firstName: 'Robert',
				usePmi: false,
				dept: '',
				type: 1,
				timezone: 'Europe/Berlin',
				pmi: '5551234567',
				hostKey: '123456',
				jobTitle: 'Engineer',
				language: 'de-DE',
				vanityName: 'robert.b',
				phoneNumbers: {
					phoneNumber: [{ country: 'us', code: '1', label: 'Mobile', number: '555 0100' }],
				},
			},
		});
		assert.equal(result.error, undefined, result.error?.message);
		const stored = sim.state.findUser(bob.id)!;
		assert.equal(stored.first_name, 'Robert');
		assert.equal(stored.use_pmi, false);
		assert.equal(stored.dept, '');
		assert.equal(stored.type, 1);
		assert.equal(stored.timezone, 'Europe/Berlin');
		assert.equal(stored.pmi, 5551234567);
		assert.equal(stored.host_key, '123456');
		assert.equal(stored.language, 'de-DE');
		assert.equal(stored.vanity_url, 'robert.b');
		assert.deepEqual(stored.phone_numbers, [
			{ country: 'US', code: '+1', label: 'Mobile', number: '5550100' },
		]);
		const [output] = json(result);
		assert.equal(output.id, bob.id);
		assert.equal(output.first_name, 'Robert');
		assert.equal(output.use_pmi, false);
		assert.equal(apiRequests('PATCH /v2/users/{userId}'), 1);
		assert.equal(apiRequests('GET /v2/users/{userId}'), 1);
	});

	test('no field, or a bad field, stops the item before any request', async () => {
		const none = await run({ operation: 'update', userId: user('me'), updateFields: {} });
		assertFailed(none, /Nothing to update in item 0/);
		const pmi = await run({
			operation: 'update',
			userId: user('me'),
			updateFields: { pmi: '12345' },
		});
		assertFailed(pmi, /Invalid "Personal Meeting ID \(PMI\)" in item 0: must be 10 digits/);
		const hostKey = await run({
			operation: 'update',
			userId: user('me'),
			updateFields: { hostKey: '12ab' },
		});
		assertFailed(hostKey, /Invalid "Host Key" in item 0: must be 6 to 10 digits/);
		const name = await run({
			operation: 'update',
			userId: user('me'),
			updateFields: { firstName: 'x'.repeat(65) },
		});
		assertFailed(name, /Invalid "First Name" in item 0: must be at most 64 characters/);
		assert.equal(sim.counters.totalApiRequests, 0);
	});

	test('an app that may write but not read users confirms the update instead of failing', async () => {
		sim.addServerToServerApp({
			clientId: 'write-only',
			clientSecret: 'write-only-secret',
			scopes: ['user:write:admin'],
		});
		const writeOnly = store.add({
			type: S2S,
			data: {
				cloud: 'custom',
				apiBaseUrl: sim.apiBaseUrl,
				oauthBaseUrl: sim.oauthBaseUrl,
				accountId: sim.defaultApp.accountId,
				clientId: 'write-only',
				clientSecret: 'write-only-secret',
			},
		});
		const carol = sim.state.addUser({ email: 'carol@example.com', dept: 'Sales' });
		const result = await run(
			{ operation: 'update', userId: user(carol.id), updateFields: { dept: 'Support' } },
			{ credential: writeOnly },
		);
		assert.equal(result.error, undefined, result.error?.message);
		assert.equal(sim.state.findUser(carol.id)!.dept, 'Support');
		const [output] = json(result);
		assert.equal(output.id, carol.id);
		assert.equal(output.updated, true);
		assert.match(String(output.readBackError), /4711|scope/i);
	});
});

describe('user → delete', () => {
	test('disassociates by default; returns { id, deleted, action }', async () => {
		const temp = sim.state.addUser({ email: 'temp@example.com' });
		const result = await run({ operation: 'delete', userId: user(temp.id) });
		assert.equal(result.error, undefined);
		assert.deepEqual(json(result), [{ id: temp.id, deleted: true, action: 'disassociate' }]);
		assert.equal(sim.state.findUser(temp.id), undefined);
	});

	test('delete with a transfer moves the meetings to the heir', async () => {
		const leaver = sim.state.addUser({ email: 'leaver@example.com', type: 2 });
		const heir = sim.state.addUser({ email: 'heir@example.com', type: 2 });
		const meeting = sim.state.addMeeting(leaver.id, {
			topic: 'Weekly sync',
			type: 2,
			start_time: '2030-01-07T10:00:00Z',
		});
		const result = await run({
			operation: 'delete',
			userId: user('leaver@example.com', 'email'),
			action: 'delete',
			transfer: {
				transferEmail: 'heir@example.com',
				transferMeetings: true,
				transferRecordings: false,
			},
		});
		assert.equal(result.error, undefined, result.error?.message);
		assert.deepEqual(json(result), [{ id: 'leaver@example.com', deleted: true, action: 'delete' }]);
		assert.equal(sim.state.findUser(leaver.id), undefined);
		assert.equal(sim.state.meetings.get(meeting.id)?.host_id, heir.id);
	});

	test('a transfer without "Transfer To Email" is refused before any request', async () => {
		const leaver = sim.state.addUser({ email: 'leaver@example.com' });
		const result = await run({
			operation: 'delete',
			userId: user(leaver.id),
			transfer: { transferMeetings: true },
		});
		assertFailed(result, /Invalid "Transfer Meetings" in item 0: it needs "Transfer To Email"/);
		const badEmail = await run({
			operation: 'delete',
			userId: user(leaver.id),
			transfer: { transferEmail: 'heir' },
		});
		assertFailed(badEmail, /Invalid "Transfer To Email" in item 0/);
		assert.equal(sim.counters.totalApiRequests, 0);
		assert.ok(sim.state.findUser(leaver.id));
	});
});
