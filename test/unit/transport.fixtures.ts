/* Shared set-up of the transport tests: failures as n8n's request helpers throw them, and a
   fake n8n context whose HTTP helper answers from a script. */
import type { IDataObject } from 'n8n-workflow';

import { ZoomClient } from '../../nodes/core/transport';
import { fakeContext as sharedFakeContext } from '../fixtures/fakeContext';

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

/**
 * A ZoomClient on the shared fake context: every request is answered from `answers` in order
 * (an Error is thrown as n8n's helper would), and recorded in `sent`.
 */
export function fakeContext(answers: Answer[], signal?: AbortSignal) {
	const fake = sharedFakeContext({
		// A credential of its own (the fixture gives each context one), so every test starts
		// with a fresh shared rate limiter.
		credentialType: 'zoomWorkplaceAccessTokenApi',
		apiBaseUrl: 'http://127.0.0.1:9/v2',
		signal,
		zoom: () => {
			const answer = answers.shift() ?? new Error('no answer scripted');
			if (answer instanceof Error) return answer;
			return { status: answer.statusCode, body: answer.body, headers: answer.headers };
		},
	});
	const client = new ZoomClient(fake.ctx, {
		credentialType: 'zoomWorkplaceAccessTokenApi',
		retry: { initialBackoffMs: 1, maxBackoffMs: 5 },
	});
	return { client, sent: fake.sent };
}
