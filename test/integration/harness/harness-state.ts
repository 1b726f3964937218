import { CredentialTypes } from './credential-types';
import { InMemoryCredentialsHelper } from './credentials-helper';
import { CredentialsStore } from './credentials-store';

const helpers = new WeakMap<CredentialsStore, InMemoryCredentialsHelper>();

/**
 * The credentials helper bound to a store: one per store, so its counters add up over every
 * execution and credential test that uses the store (like n8n's single `CredentialsHelper`).
 */
export function credentialsHelperFor(store: CredentialsStore): InMemoryCredentialsHelper {
	let helper = helpers.get(store);
	if (!helper) {
		helper = new InMemoryCredentialsHelper(new CredentialTypes(), store);
		helpers.set(store, helper);
	}
	return helper;
}

/** A fresh store and its helper. */
export function createCredentialsStore(): {
	store: CredentialsStore;
	credentialsHelper: InMemoryCredentialsHelper;
} {
	const store = new CredentialsStore();
	return { store, credentialsHelper: credentialsHelperFor(store) };
}
