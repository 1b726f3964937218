import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ZOOM_TIME_ZONES } from '../helpers/timezones';

export async function getTimezones(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return ZOOM_TIME_ZONES.map(([value, name]) => ({ name: `${name} (${value})`, value }));
}
