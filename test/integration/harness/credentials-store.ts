import { randomUUID } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsEncrypted,
	INodeCredentialsDetails,
} from 'n8n-workflow';
import { ICredentials } from 'n8n-workflow';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

export type CredentialWriteKind =
	| 'updateCredentials'
	| 'updateCredentialsOauthTokenData'
	| 'oauthCallback';

export interface CredentialWrite {
	kind: CredentialWriteKind;
	id: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

function clone<T>(value: T): T {
	return structuredClone(value);
}

/**
 * Stands in for n8n's `credentials_entity` table. Data is kept decrypted (n8n encrypts it
 * with the instance key; encryption is not what these tests are about), every write is
 * recorded in `writes`, and `dump()` gives everything stored as one string for leak checks.
 */
export class CredentialsStore {
	private readonly entries = new Map<string, StoredCredential>();

	readonly writes: CredentialWrite[] = [];

	/** Saves a credential, as n8n does when the user clicks "Save". Returns the node reference. */
	add(credential: {
		type: string;
		data: ICredentialDataDecryptedObject;
		id?: string;
		name?: string;
	}): INodeCredentialsDetails & { id: string } {
		const id = credential.id ?? randomUUID();
		const name = credential.name ?? `${credential.type} account`;
		this.entries.set(id, { id, name, type: credential.type, data: clone(credential.data) });
		return { id, name };
	}

	has(id: string): boolean {
		return this.entries.has(id);
	}

	/** A copy of the stored credential (throws when absent). */
	get(id: string): StoredCredential {
		const entry = this.entries.get(id);
		if (!entry) throw new Error(`No credential with ID "${id}" in the store`);
		return clone(entry);
	}

	/** A copy of the stored data (throws when absent). */
	data(id: string): ICredentialDataDecryptedObject {
		return this.get(id).data;
	}

	/** The live entry, for the credentials helper (type checked like n8n's repository lookup). */
	find(id: string, type: string): StoredCredential | undefined {
		const entry = this.entries.get(id);
		return entry && entry.type === type ? entry : undefined;
	}

	write(kind: CredentialWriteKind, id: string, data: ICredentialDataDecryptedObject): void {
		const entry = this.entries.get(id);
		if (!entry) throw new Error(`No credential with ID "${id}" in the store`);
		entry.data = clone(data);
		this.writes.push({ kind, id, type: entry.type, data: clone(data) });
	}

	/** Everything stored and every write, serialized (for "no secret in X" style assertions). */
	dump(): string {
		return JSON.stringify({ entries: [...this.entries.values()], writes: this.writes });
	}
}

/**
 * `ICredentials` over the store: what n8n-core's `Credentials` is over the database row,
 * minus the cipher.
 */
export class StoredCredentials extends ICredentials {
	constructor(nodeCredentials: INodeCredentialsDetails, type: string, store: CredentialsStore) {
		super(nodeCredentials, type, JSON.stringify(store.data(nodeCredentials.id ?? '')));
	}

	async getData(): Promise<ICredentialDataDecryptedObject> {
		return JSON.parse(this.data ?? '{}') as ICredentialDataDecryptedObject;
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: this.data };
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.data = JSON.stringify(data);
	}

	async updateData(
		toUpdate: Partial<ICredentialDataDecryptedObject>,
		toDelete: string[] = [],
	): Promise<void> {
		const data = { ...(await this.getData()), ...toUpdate } as ICredentialDataDecryptedObject;
		for (const key of toDelete) delete data[key];
		await this.setData(data);
	}
}
