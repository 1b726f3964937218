import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import { credentials, properties } from './actions/versionDescription';
import { listSearch, loadOptions } from './methods';

export class ZoomWorkplace implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoom Workplace',
		name: 'zoomWorkplace',
		icon: { light: 'file:zoom.svg', dark: 'file:zoom.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Meetings, users, registrants, webinars, cloud recordings, transcripts, past meetings and reports in Zoom Workplace',
		defaults: { name: 'Zoom Workplace' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
