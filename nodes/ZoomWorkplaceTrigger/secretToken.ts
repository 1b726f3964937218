import type { INodeCredentialTestResult } from 'n8n-workflow';

/**
 * The only check possible for a Secret Token: Zoom has no API that accepts or returns it, so
 * "Test" looks at its shape and says that the real proof is Zoom's URL validation.
 */
export function checkSecretTokenFormat(value: unknown): INodeCredentialTestResult {
	if (typeof value !== 'string' || value === '')
		return { status: 'Error', message: 'Paste the Secret Token from the Zoom app' };
	if (value.trim() !== value)
		return {
			status: 'Error',
			message: 'The Secret Token starts or ends with spaces: paste it again without them',
		};
	if (/\s/.test(value) || value.length < 8 || value.length > 256)
		return {
			status: 'Error',
			message:
				"This does not look like a Zoom Secret Token (8 to 256 characters, no spaces): copy it from the app's Features → Access page",
		};
	return {
		status: 'OK',
		message:
			"The Secret Token is well-formed. Zoom offers no API to check it: validating the endpoint URL in the Zoom app proves it's right.",
	};
}
