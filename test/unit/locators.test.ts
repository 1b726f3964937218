import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { INodeProperties, INodePropertyModeTypeOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MEETING_KIND, WEBINAR_KIND } from '../../nodes/ZoomWorkplace/actions/shared/instances';
import { readUserId } from '../../nodes/ZoomWorkplace/helpers/parameters';
import { ZoomWorkplace } from '../../nodes/ZoomWorkplace/ZoomWorkplace.node';
import { fakeContext } from '../fixtures/fakeContext';

/*
 * Every meeting and webinar locator of the node, read as n8n reads it: n8n-core's own
 * extractValue applies the "By URL" mode's regex from the node's description.
 */

const nodeType = new ZoomWorkplace();
const KINDS = { meetingId: MEETING_KIND, webinarId: WEBINAR_KIND } as const;
const URLS = {
	meetingId: { url: 'https://us02web.zoom.us/j/85746065432?pwd=abc.1', id: 85746065432 },
	webinarId: { url: 'https://zoom.us/w/95204914252?tk=x', id: 95204914252 },
} as const;

const locators = nodeType.description.properties.filter(
	(property): property is INodeProperties & { name: keyof typeof KINDS } =>
		property.type === 'resourceLocator' &&
		property.name in KINDS &&
		(property.modes ?? []).some((mode) => mode.name === 'url'),
);

const rl = (value: unknown, mode: string) => ({ __rl: true, mode, value });

describe('By URL: every meeting and webinar locator, through n8n-core', () => {
	test('there are such locators (meeting and webinar operations, registrants, panelists, recordings)', () => {
		assert.ok(locators.length >= 20, String(locators.length));
	});

	for (const locator of locators) {
		const show = locator.displayOptions?.show ?? {};
		const [resource] = show.resource as string[];
		const [operation] = show.operation as string[];
		const kind = KINDS[locator.name];
		const context = (value: unknown, mode = 'url') =>
			fakeContext({
				nodeType,
				parameters: { resource, operation, [locator.name]: rl(value, mode) },
			}).ctx;

		test(`${resource} → ${operation}: a join URL gives its ID; anything else is refused by field and item`, () => {
			const { url, id } = URLS[locator.name];
			assert.deepEqual(kind.read(context(url), 0), { id, pathId: String(id) });
			for (const bad of ['https://example.com/abc', 42, '']) {
				assert.throws(
					() => kind.read(context(bad), 3),
					(error: unknown) => {
						assert.ok(error instanceof NodeOperationError, String(error));
						assert.match(
							error.message,
							new RegExp(`^Invalid "${kind.label}" in item 3: the "By URL" mode takes a Zoom`),
						);
						return true;
					},
				);
			}
			// An ID typed in "By ID" is not extracted, and a join URL pasted there is still read.
			assert.equal(kind.read(context(String(id), 'id'), 0).id, id);
			assert.equal(kind.read(context(url, 'id'), 0).id, id);
		});
	}

	test("the URL mode's regex is the one the node reads IDs with", () => {
		const modes = locators.map(
			(locator) =>
				(locator.modes ?? []).find(
					(mode) => mode.name === 'url',
				) as INodePropertyModeTypeOptions & {
					extractValue?: { regex: string };
				},
		);
		assert.equal(new Set(modes.map((mode) => mode.extractValue?.regex)).size, 1);
	});
});

test('the User locator: an email typed "By Email" is read as n8n resolves it', () => {
	const ctx = fakeContext({
		nodeType,
		parameters: { resource: 'user', operation: 'get', userId: rl('jchill@example.com', 'email') },
	}).ctx;
	assert.equal(readUserId(ctx, 0), 'jchill@example.com');
});
