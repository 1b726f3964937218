/**
 * Which request goes where. Zoom's `download_url` (on zoom.us or a regional web host) answers
 * with a redirect to a pre-signed storage URL; the credential goes with the `download_url` only,
 * never to where it redirects.
 */

/** How the download proves it may read the file. */
export type DownloadAuth =
	/**
	 * the webhook's `download_token` (valid 24 h), sent as `Authorization: Bearer` with the
	 * download_url only (Zoom's recommended form; a token in the query string stays in proxy and
	 * server logs)
	 */
	| { type: 'downloadToken'; token: string }
	/** the caller's requester authenticates (an API credential); asked for with the download_url only */
	| { type: 'credential' }
	| { type: 'none' };

export interface DownloadHttpRequest {
	url: string;
	headers: Record<string, string>;
	/** true: authenticate this request with the caller's credential (httpRequestWithAuthentication) */
	authenticate: boolean;
}

export const DEFAULT_MAX_REDIRECTS = 5;

/**
 * The request for one hop. Credentials go only with the `download_url` Zoom gave us (the first
 * hop, again on every resume); where it redirects (a pre-signed storage URL, on another host or
 * the same one) gets nothing of ours.
 */
export function planHop(
	downloadUrl: string,
	currentUrl: string,
	auth: DownloadAuth,
	offset: number,
): DownloadHttpRequest {
	const isDownloadUrl = currentUrl === downloadUrl;
	const headers: Record<string, string> = { Accept: '*/*' };
	if (offset > 0) headers.Range = `bytes=${offset}-`;
	if (isDownloadUrl && auth.type === 'downloadToken')
		headers.Authorization = `Bearer ${auth.token}`;
	return { url: currentUrl, headers, authenticate: isDownloadUrl && auth.type === 'credential' };
}

/** A URL safe to show in messages and logs: no query (tokens, signatures), no user info. */
export function redactUrl(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.origin}${parsed.pathname}`;
	} catch {
		return '(invalid URL)';
	}
}
