import type { ZoomSimulator } from '../../simulator';

/* Raw HTTP helpers for the simulator's own tests (no n8n involved). */

export interface Answer {
	status: number;
	headers: Headers;
	body: any;
}

export const basic = (id: string, secret: string) =>
	`Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

export async function read(res: Response): Promise<Answer> {
	const text = await res.text();
	let body: unknown = text;
	try {
		body = text ? JSON.parse(text) : undefined;
	} catch {
		// not JSON: keep the text
	}
	return { status: res.status, headers: res.headers, body };
}

export function client(getSim: () => ZoomSimulator, getToken: () => string) {
	return async (
		method: string,
		path: string,
		opts: { body?: unknown; token?: string | null; rawBody?: string } = {},
	): Promise<Answer> => {
		const headers: Record<string, string> = {};
		const token = opts.token === undefined ? getToken() : opts.token;
		if (token !== null) headers.Authorization = `Bearer ${token}`;
		let payload: string | undefined;
		if (opts.rawBody !== undefined || opts.body !== undefined) {
			headers['Content-Type'] = 'application/json';
			payload = opts.rawBody ?? JSON.stringify(opts.body);
		}
		return read(await fetch(`${getSim().apiBaseUrl}${path}`, { method, headers, body: payload }));
	};
}

export async function tokenRequest(
	sim: ZoomSimulator,
	form: Record<string, string>,
	authorization?: string,
	query = '',
): Promise<Answer> {
	const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
	if (authorization) headers.Authorization = authorization;
	return read(
		await fetch(`${sim.oauthBaseUrl}/oauth/token${query}`, {
			method: 'POST',
			headers,
			body: new URLSearchParams(form).toString(),
		}),
	);
}

/** Starts a burst at the beginning of a second so it cannot straddle two rate-limit windows. */
export async function startOfSecond(): Promise<void> {
	const ms = Date.now() % 1000;
	if (ms > 700) await new Promise((r) => setTimeout(r, 1005 - ms));
}

export const UNLIMITED = { light: 100_000, medium: 100_000, heavy: 100_000 };
