/*
 * The harness without test-runner hooks, for programs that are not tests (bench/): importing
 * node:test (as index.ts does, to fail tests on spec violations) enables async hooks that make
 * every promise of the process slower, which would skew a benchmark against the node.
 */
import './environment';

export { buildAdditionalData } from './additional-data';
export { CredentialTypes, packageCredentialTypes } from './credential-types';
export { testCredential } from './credential-tester';
export type { TestCredentialOptions, TestCredentialResult } from './credential-tester';
export { InMemoryCredentialsHelper } from './credentials-helper';
export type { CredentialsHelperCounters } from './credentials-helper';
export { CredentialsStore, StoredCredentials } from './credentials-store';
export type { CredentialWrite, StoredCredential } from './credentials-store';
export { executeNode } from './execute-node';
export type { ExecuteNodeOptions, ExecuteNodeResult } from './execute-node';
export {
	activeExpressionEngine,
	disposeExpressionEngine,
	useExpressionEngine,
} from './expression-engine';
export type { ExpressionEngine } from './expression-engine';
export { createCredentialsStore, credentialsHelperFor } from './harness-state';
export { INPUT_NODE_TYPE, NodeTypes, inputNodeType, noOpNodeType } from './node-types';
export { N8N_OAUTH2_REDIRECT_URI, connectOAuth2 } from './oauth2';
export type { ConnectOAuth2Options, ConnectOAuth2Result } from './oauth2';
export { OAuth2Api } from './oauth2-api.credentials';
export { PROBE_NODE_TYPE, ZoomProbe } from './probe-node';
