import './environment';

import { ExternalSecretsProxy } from 'n8n-core';
import type { ExecutionLifecycleHooks } from 'n8n-core';
import type {
	ICredentialsHelper,
	INodeParameters,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

const BASE_URL = 'http://localhost:5678';

/**
 * `IWorkflowExecuteAdditionalData` shaped like n8n CLI's `WorkflowExecuteAdditionalData.getBase()`
 * (`packages/cli/src/workflow-execute-additional-data.ts`), with the default endpoint paths.
 * Real: the credentials helper passed in, n8n-core's `ExternalSecretsProxy` (no provider).
 * Stubbed: sub-workflow and agent execution, task runners (Code node), the executions table
 * (`getRunExecutionData` finds nothing), variables (none), AI event log, push to the editor,
 * SSRF protection (off, n8n's default) and module contexts (none).
 */
export function buildAdditionalData(options: {
	credentialsHelper: ICredentialsHelper;
	hooks?: ExecutionLifecycleHooks;
	executionId?: string;
	workflowId?: string;
	userId?: string;
	currentNodeParameters?: INodeParameters;
}): IWorkflowExecuteAdditionalData {
	const notAvailable = (what: string) => async () => {
		throw new UnexpectedError(`${what} is not available in the integration-test harness`);
	};
	return {
		currentNodeExecutionIndex: 0,
		credentialsHelper: options.credentialsHelper,
		hooks: options.hooks,
		executionId: options.executionId,
		workflowId: options.workflowId,
		userId: options.userId,
		currentNodeParameters: options.currentNodeParameters,
		executeWorkflow: notAvailable('Sub-workflow execution'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		restApiUrl: `${BASE_URL}/rest`,
		instanceBaseUrl: `${BASE_URL}/`,
		formWaitingBaseUrl: `${BASE_URL}/form-waiting`,
		formBaseUrl: `${BASE_URL}/form`,
		formTestBaseUrl: `${BASE_URL}/form-test`,
		webhookBaseUrl: `${BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}/webhook-test`,
		mcpBaseUrl: `${BASE_URL}/mcp`,
		mcpTestBaseUrl: `${BASE_URL}/mcp-test`,
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: notAvailable('Task runners'),
		externalSecretsProxy: new ExternalSecretsProxy(),
	};
}
