import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { INodeProperties } from 'n8n-workflow';

import { scopedTo } from '../../nodes/ZoomWorkplace/actions/registry';

const limit: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	default: 50,
	displayOptions: { show: { returnAll: [false] } },
};

test("the registry alone decides where a parameter appears; the parameter's own conditions stay", () => {
	const [scoped] = scopedTo('meeting', 'getAll', [limit]);
	assert.deepEqual(scoped.displayOptions, {
		show: { resource: ['meeting'], operation: ['getAll'], returnAll: [false] },
	});
	assert.throws(
		() =>
			scopedTo('meeting', 'getAll', [
				{ ...limit, displayOptions: { show: { resource: ['webinar'] } } },
			]),
		/meeting → getAll: parameter "limit" sets its own resource or operation/,
	);
});
