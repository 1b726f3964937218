import { ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteData,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	ITaskDataConnections,
} from 'n8n-workflow';
import { NodeHelpers, UnexpectedError, Workflow, createRunExecutionData } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import { CredentialsStore } from './credentials-store';
import { credentialsHelperFor } from './harness-state';
import { noOpNodeType } from './node-types';

/*
 * n8n's "Test" button for a credential whose type declares a `test` request: a line-by-line
 * port of `CredentialsTester.testCredentials` (n8n-io/n8n
 * `packages/cli/src/services/credentials-tester.service.ts`, commit
 * 029d8401f94351ef00b0dd78ca357c74593bdb5c) for the `testRequest` branch.
 *
 * - the credential data gets `applyDefaultsAndOverwrites` (defaults, `$self` expressions);
 * - a temporary node "Temp-Node" of type `n8n-nodes-base.noOp` is built with `parameters: {}`
 *   and a copy of the noOp type whose only property is `temp` (default '') carrying the test
 *   request as `routing.request`. n8n-workflow's `Workflow` constructor fills the default, so
 *   the node has `parameters.temp === ''` — the sign by which `preAuthentication` knows it is a
 *   credential test and always fetches a fresh token;
 * - n8n-core's `RoutingNode` runs it in an `ExecuteContext` (mode `internal`), with the
 *   decrypted credential passed in, i.e. `httpRequestWithAuthentication` with
 *   `credentialsDecrypted` (OAuth2 types read the stored credential instead);
 * - a thrown error maps to the result like the CLI: `error.cause.response` → the rule whose
 *   `responseCode` matches, else the status text or "Received HTTP status code: N";
 *   `error.cause.code` → that code; anything else → `error.message`.
 *
 * The one addition: the run is wrapped in `workflow.expression.withIsolate()`, which the VM
 * expression engine (n8n 2.x default) needs around evaluation outside `WorkflowExecute`.
 */

/** lodash `get` for the dotted keys of `responseSuccessBody` rules. */
function get(data: unknown, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], data);
}

export interface TestCredentialOptions {
	/** Where the credential is saved (a new store when absent). */
	store?: CredentialsStore;
	/** Test the saved credential with this ID, the given data laid over it (unsaved edits). */
	id?: string;
	name?: string;
}

export interface TestCredentialResult extends INodeCredentialTestResult {
	/** The credential's ID in the store. */
	id: string;
	store: CredentialsStore;
}

export async function testCredential(
	credentialType: string,
	data: ICredentialDataDecryptedObject,
	options: TestCredentialOptions = {},
): Promise<TestCredentialResult> {
	const store = options.store ?? new CredentialsStore();
	const credentialsHelper = credentialsHelperFor(store);

	let ref: { id: string; name: string };
	let rawData: ICredentialDataDecryptedObject;
	if (options.id && store.has(options.id)) {
		const saved = store.get(options.id);
		ref = { id: saved.id, name: saved.name };
		rawData = { ...saved.data, ...data };
	} else {
		ref = store.add({ type: credentialType, data, id: options.id, name: options.name });
		rawData = structuredClone(data);
	}
	const done = (result: INodeCredentialTestResult): TestCredentialResult => ({
		...result,
		id: ref.id,
		store,
	});

	const type = credentialsHelper.credentialTypes.getByName(credentialType);
	if (!type.test) {
		return done({ status: 'Error', message: 'No testing function found for this credential.' });
	}
	const testRequest = type.test;

	const credentialsDecrypted: ICredentialsDecrypted = {
		id: ref.id,
		name: ref.name,
		type: credentialType,
		data: rawData,
	};

	try {
		const additionalData = buildAdditionalData({ credentialsHelper });
		credentialsDecrypted.data = await credentialsHelper.applyDefaultsAndOverwrites(
			additionalData,
			credentialsDecrypted.data!,
			credentialType,
			'internal',
		);
	} catch (error) {
		return done({ status: 'Error', message: (error as Error).message.toString() });
	}

	const nodeType = noOpNodeType;
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: nodeType.description.name,
		typeVersion: Array.isArray(nodeType.description.version)
			? nodeType.description.version.slice(-1)[0]
			: nodeType.description.version,
		position: [0, 0],
		credentials: {
			[credentialType]: { id: credentialsDecrypted.id, name: credentialsDecrypted.name },
		},
	};

	const nodeTypeCopy: INodeType = {
		description: {
			...nodeType.description,
			credentials: [{ name: credentialType, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	};
	const mockNodeTypes: INodeTypes = {
		getKnownTypes: (): IDataObject => ({}),
		getByName: (name: string) => {
			if (name !== nodeTypeCopy.description.name) {
				throw new UnexpectedError('Unknown node type', { tags: { nodeType: name } });
			}
			return nodeTypeCopy;
		},
		getByNameAndVersion: (name: string, version?: number) =>
			NodeHelpers.getVersionedNodeType(mockNodeTypes.getByName(name), version),
	};

	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: mockNodeTypes,
	});

	const mode = 'internal';
	const runIndex = 0;
	const inputData: ITaskDataConnections = { main: [[{ json: {} }]] };
	const connectionInputData: INodeExecutionData[] = [];
	const runExecutionData = createRunExecutionData();
	const additionalData = buildAdditionalData({
		credentialsHelper,
		currentNodeParameters: node.parameters,
	});
	const executeData: IExecuteData = { node, data: {}, source: null };
	const executeFunctions = new ExecuteContext(
		workflow,
		node,
		additionalData,
		mode,
		runExecutionData,
		runIndex,
		connectionInputData,
		inputData,
		executeData,
		[],
	);
	const routingNode = new RoutingNode(executeFunctions, nodeTypeCopy, credentialsDecrypted);

	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await workflow.expression.withIsolate(async () => await routingNode.runNode());
	} catch (caught) {
		const error = caught as {
			message: string;
			cause?: { code?: string; response?: { status: number; statusText?: string } };
		};
		if (error.cause?.response) {
			const errorResponseData = {
				statusCode: error.cause.response.status,
				statusMessage: error.cause.response.statusText,
			};
			for (const rule of testRequest.rules ?? []) {
				if (
					rule.type === 'responseCode' &&
					errorResponseData.statusCode === rule.properties.value
				) {
					return done({ status: 'Error', message: rule.properties.message });
				}
			}
			if (errorResponseData.statusCode < 199 || errorResponseData.statusCode > 299) {
				return done({
					status: 'Error',
					message:
						errorResponseData.statusMessage ||
						`Received HTTP status code: ${errorResponseData.statusCode}`,
				});
			}
		} else if (error.cause?.code) {
			return done({ status: 'Error', message: error.cause.code });
		}
		return done({ status: 'Error', message: error.message.toString() });
	}

	for (const rule of testRequest.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const responseData = response![0][0].json;
			if (get(responseData, rule.properties.key) === rule.properties.value) {
				return done({ status: 'Error', message: rule.properties.message });
			}
		}
	}
	return done({ status: 'OK', message: 'Connection successful!' });
}
