import type { IDataObject } from 'n8n-workflow';

import type { ZoomClient } from '../../../core/transport';
import { creationTime, findCreated } from '../../helpers/createdLookUp';

function isNotFound(error: unknown): boolean {
	const httpCode = (error as { httpCode?: unknown } | undefined)?.httpCode;
	return String(httpCode) === '404';
}

/**
 * After a create whose answer was lost (5xx, dropped connection), looks the user up by email.
 * A user created since the attempt began is ours and is returned in the shape POST /users
 * answers with; an older user is not (the retry will then meet Zoom's "email already used").
 */
export async function findCreatedUser(
	client: ZoomClient,
	email: string,
	attemptStartedAt: number,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	// The client's errors are already NodeApiErrors; only "no such user" means "not created".
	const response = await client
		.request<IDataObject>({
			endpoint: 'getUser',
			pathParameters: { userId: email },
			itemIndex,
		})
		.catch((error: unknown) => {
			if (isNotFound(error)) return undefined;
			throw error;
		});
	if (!response) return undefined;
	const user = findCreated([response.body], {
		sent: { email },
		// Looked up by its email: that user is the only candidate.
		compare: {},
		since: {
			attemptStartedAt,
			// Zoom keeps one user per email: one listed without a creation time is taken as the
			// attempt's (a retry could only meet "email already used").
			createdAt: (found) => {
				const at = creationTime(found.user_created_at ?? found.created_at);
				return Number.isNaN(at) ? attemptStartedAt : at;
			},
		},
	});
	if (!user) return undefined;
	return {
		id: user.id,
		first_name: user.first_name,
		last_name: user.last_name,
		email: user.email,
		type: user.type,
	};
}
