import type { INodeProperties } from 'n8n-workflow';

import { WEBINAR_PARENT } from '../registrants/parent';
import { registrantResourceDescription } from '../registrants/resource';
import type { ZoomOperation } from '../types';
import * as create from './create.operation';
import * as deleteRegistrant from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as updateStatus from './updateStatus.operation';

export const operations: Record<string, ZoomOperation> = {
	create,
	delete: deleteRegistrant,
	get,
	getAll,
	updateStatus,
};

export const description: INodeProperties[] = registrantResourceDescription(
	WEBINAR_PARENT,
	operations,
);
