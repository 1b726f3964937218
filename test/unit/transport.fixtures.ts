/* Shared set-up of the transport tests: failures as n8n's request helpers throw them, and a
   fake n8n context whose HTTP helper answers from a script. */
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { ZoomClient } from '../../nodes/core/transport';

/** What n8n's request helpers throw for an HTTP error answer. */
export function httpError(
	status: number,
	body: IDataObject = {},
	headers: Record<string, string> = {},
): Error {
	const cause = Object.assign(new Error(`Request failed with status code ${status}`), {
		response: { status, data: body, headers },
	});
	return Object.assign(new Error('wrapped'), { cause });
}

export function networkError(code: string): Error {
	return Object.assign(new Error('wrapped'), {
		cause: Object.assign(new Error('socket hang up'), { code }),
	});
}

export type Answer =
	| Error
	| { statusCode?: number; body?: IDataObject; headers?: Record<string, string> };

let fakeCredentialSequence = 0;

/**
 * Just enough of IExecuteFunctions for the client: every request is answered from `answers`
 * in order (an Error is thrown as n8n's helper would), and recorded in `sent`.
 */
export function fakeContext(answers: Answer[], signal?: AbortSignal) {
	const sent: IHttpRequestOptions[] = [];
	const node: INode = {
		id: 'n',
		name: 'Zoom Workplace',
		type: 'zoomWorkplace',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		// A credential of its own, so every test starts with a fresh shared rate limiter.
		credentials: {
			zoomWorkplaceAccessTokenApi: { id: `fake-${++fakeCredentialSequence}`, name: 'x' },
		},
	};
	const ctx = {
		getNode: () => node,
		getCredentials: async () => ({ cloud: 'custom', apiBaseUrl: 'http://127.0.0.1:9/v2' }),
		getExecutionCancelSignal: () => signal,
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				sent.push(options);
				const answer = answers.shift() ?? new Error('no answer scripted');
				if (answer instanceof Error) throw answer;
				return {
					statusCode: answer.statusCode ?? 200,
					body: answer.body ?? {},
					headers: answer.headers ?? {},
				};
			},
		},
	} as unknown as IExecuteFunctions;
	const client = new ZoomClient(ctx, {
		credentialType: 'zoomWorkplaceAccessTokenApi',
		retry: { initialBackoffMs: 1, maxBackoffMs: 5 },
	});
	return { client, sent };
}
