import type { ICredentialType, ICredentialTypes } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import { ZoomWorkplaceAccessTokenApi } from '../../../credentials/ZoomWorkplaceAccessTokenApi.credentials';
import { ZoomWorkplaceOAuth2Api } from '../../../credentials/ZoomWorkplaceOAuth2Api.credentials';
import { ZoomWorkplaceServerToServerOAuthApi } from '../../../credentials/ZoomWorkplaceServerToServerOAuthApi.credentials';
import { OAuth2Api } from './oauth2-api.credentials';

/** The credential types n8n would load for this package, plus the `oAuth2Api` parent. */
export function packageCredentialTypes(): ICredentialType[] {
	return [
		new OAuth2Api(),
		new ZoomWorkplaceServerToServerOAuthApi(),
		new ZoomWorkplaceOAuth2Api(),
		new ZoomWorkplaceAccessTokenApi(),
	];
}

/**
 * Registry of credential types, behaving like n8n CLI's `CredentialTypes`
 * (`packages/cli/src/credential-types.ts`): by name, with `extends` followed transitively for
 * `getParentTypes`, and `supportedNodes` for nodes that declare the credential.
 */
export class CredentialTypes implements ICredentialTypes {
	private readonly types = new Map<string, ICredentialType>();

	private readonly supportedNodes = new Map<string, Set<string>>();

	constructor(types: ICredentialType[] = packageCredentialTypes()) {
		for (const type of types) this.register(type);
	}

	register(type: ICredentialType): void {
		this.types.set(type.name, type);
	}

	/** Records that `nodeType` (full name) declares `credentialType`, as n8n's loader does. */
	addSupportedNode(credentialType: string, nodeType: string): void {
		const nodes = this.supportedNodes.get(credentialType) ?? new Set<string>();
		nodes.add(nodeType);
		this.supportedNodes.set(credentialType, nodes);
	}

	recognizes(credentialType: string): boolean {
		return this.types.has(credentialType);
	}

	getByName(credentialType: string): ICredentialType {
		const type = this.types.get(credentialType);
		if (!type) {
			throw new UnexpectedError('Unknown credential type', { tags: { credentialType } });
		}
		return type;
	}

	getSupportedNodes(type: string): string[] {
		return [...(this.supportedNodes.get(type) ?? [])];
	}

	getParentTypes(typeName: string): string[] {
		const parents: string[] = [];
		for (const parent of this.types.get(typeName)?.extends ?? []) {
			parents.push(parent, ...this.getParentTypes(parent));
		}
		return parents;
	}
}
