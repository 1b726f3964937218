import { createHash, randomBytes, randomInt } from 'node:crypto';

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function randomAlnum(length: number): string {
	let out = '';
	for (let i = 0; i < length; i++) out += ALNUM[randomInt(ALNUM.length)];
	return out;
}

/** Zoom user ids look like base64url of 16 bytes: 22 chars, e.g. 'KDcuGIm1QgePTO8WbOqwIQ'. */
export function randomUserId(): string {
	return randomBytes(16).toString('base64url');
}

/** Stable ids for seeded data, so tests and docs can name them. */
export function stableUserId(seed: string): string {
	return createHash('sha256').update(seed).digest().subarray(0, 16).toString('base64url');
}

/** Meeting UUIDs are standard base64 of 16 bytes and may contain '/' and '+'. */
export function randomMeetingUuid(): string {
	return randomBytes(16).toString('base64');
}

/** 11-digit meeting ids, still inside Number.MAX_SAFE_INTEGER. */
export function randomMeetingNumber(): number {
	return randomInt(81_000_000_000, 99_999_999_999);
}

/** Opaque and unguessable, like Zoom's (which are JWT-shaped but must be treated as opaque). */
export function randomAccessToken(): string {
	return randomBytes(48).toString('base64url');
}

export function randomDigits(length: number): string {
	let out = '';
	for (let i = 0; i < length; i++) out += String(randomInt(10));
	return out;
}
