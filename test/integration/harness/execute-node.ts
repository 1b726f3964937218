import { randomUUID } from 'crypto';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ExecutionError,
	IConnections,
	IDataObject,
	INode,
	INodeCredentials,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeConnectionTypes, Workflow } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import { credentialsHelperFor } from './harness-state';
import type { CredentialsStore } from './credentials-store';
import { INPUT_NODE_TYPE, NodeTypes } from './node-types';

/*
 * Runs one node the way n8n runs it, with real n8n-core:
 *
 *   Test Input (pinned items) ──▶ node under test
 *
 * `WorkflowExecute.run()` (n8n-core) executes the workflow: the input node's pinned data is
 * used instead of running it (n8n's pinData), the node under test gets an `ExecuteContext` and
 * its `this.helpers.*` are n8n-core's (httpRequest, httpRequestWithAuthentication with the 401 →
 * preAuthentication retry, requestOAuth2 with token refresh, RoutingNode for declarative
 * nodes), requests go out over real HTTP through n8n-core's outbound stack, expressions are
 * evaluated by n8n-workflow's engine, `continueOnFail`, paired items, retries and error wrapping
 * (NodeApiError/NodeOperationError) are n8n-core's.
 *
 * Stubbed (see additional-data.ts and credentials-helper.ts): the database (credentials live
 * in a CredentialsStore, unencrypted; executions are not saved), credential overwrites and
 * external secrets (none), webhooks/forms/waiting (URLs only), sub-workflows, task runners,
 * push to the editor, and the execution lifecycle hooks the CLI adds (saving, events).
 */

export interface ExecuteNodeOptions {
	nodeType: INodeType | IVersionedNodeType;
	parameters?: INodeParameters;
	/** `{ [credentialType]: { id, name } }`, ids of credentials saved in `credentialsStore`. */
	credentials?: INodeCredentials;
	inputItems?: IDataObject[];
	/** Node setting "On Error: Continue" (`onError: 'continueRegularOutput'`). */
	continueOnFail?: boolean;
	credentialsStore: CredentialsStore;
	typeVersion?: number;
	nodeName?: string;
	mode?: WorkflowExecuteMode;
}

export interface ExecuteNodeResult {
	/** Output 0 of the node under test (empty when it failed). */
	items: INodeExecutionData[];
	/** All outputs of the node under test. */
	outputs: INodeExecutionData[][];
	/** The execution's error, when the node failed (and did not continue on fail). */
	error?: ExecutionError;
	run: IRun;
	node: INode;
}

const INPUT_NODE_NAME = 'Test Input';

function latestVersion(nodeType: INodeType | IVersionedNodeType): number {
	const { version, defaultVersion } = nodeType.description as {
		version?: number | number[];
		defaultVersion?: number;
	};
	if (defaultVersion !== undefined) return defaultVersion;
	if (Array.isArray(version)) return version[version.length - 1];
	return version ?? 1;
}

export async function executeNode(options: ExecuteNodeOptions): Promise<ExecuteNodeResult> {
	const { nodeType, credentialsStore } = options;
	const mode = options.mode ?? 'manual';
	const credentialsHelper = credentialsHelperFor(credentialsStore);
	const nodeTypes = new NodeTypes([nodeType]);
	const typeName = nodeType.description.name;
	for (const credentialType of Object.keys(options.credentials ?? {})) {
		credentialsHelper.credentialTypes.addSupportedNode(credentialType, typeName);
	}

	const defaults = (nodeType.description as { defaults?: { name?: string } }).defaults;
	const nodeName = options.nodeName ?? defaults?.name ?? 'Node';
	const inputNode: INode = {
		id: randomUUID(),
		name: INPUT_NODE_NAME,
		type: INPUT_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const node: INode = {
		id: randomUUID(),
		name: nodeName,
		type: typeName,
		typeVersion: options.typeVersion ?? latestVersion(nodeType),
		position: [200, 0],
		parameters: structuredClone(options.parameters ?? {}),
		credentials: options.credentials,
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const connections: IConnections = {
		[INPUT_NODE_NAME]: {
			[NodeConnectionTypes.Main]: [[{ node: nodeName, type: NodeConnectionTypes.Main, index: 0 }]],
		},
	};
	const pinData = {
		[INPUT_NODE_NAME]: (options.inputItems ?? [{}]).map((json) => ({ json })),
	};

	const workflowId = randomUUID();
	const executionId = randomUUID();
	const workflowData: IWorkflowBase = {
		id: workflowId,
		name: `Integration test: ${nodeName}`,
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: [inputNode, node],
		connections,
		settings: { executionOrder: 'v1' },
		pinData,
	};
	const workflow = new Workflow({
		id: workflowId,
		name: workflowData.name,
		nodes: workflowData.nodes,
		connections,
		active: false,
		nodeTypes,
		settings: workflowData.settings,
		pinData,
	});

	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const additionalData = buildAdditionalData({
		credentialsHelper,
		hooks,
		executionId,
		workflowId,
	});

	const workflowExecute = new WorkflowExecute(additionalData, mode);
	const run = await workflowExecute.run({
		workflow,
		startNode: workflow.getNode(INPUT_NODE_NAME) ?? undefined,
		pinData,
	});

	const taskData = run.data.resultData.runData[nodeName]?.[0];
	const outputs = (taskData?.data?.[NodeConnectionTypes.Main] ?? []).map((output) => output ?? []);
	return {
		items: outputs[0] ?? [],
		outputs,
		error: taskData?.error ?? run.data.resultData.error,
		run,
		node: workflow.getNode(nodeName) ?? node,
	};
}
