import type { PageTokens } from './pagination';
import type { RateLimiter } from './rateLimit';
import type { EndpointScopes } from './scopes';
import type { AccessTokenRecord, SimulatorState } from './state';
import type { RateCategory } from './types';

export interface ApiResult {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export interface ApiContext {
	state: SimulatorState;
	pages: PageTokens;
	limiter: RateLimiter;
	token: AccessTokenRecord;
	/** Path parameters as they arrived (still percent-encoded). */
	rawParams: Record<string, string>;
	query: URLSearchParams;
	/** Parsed JSON body; {} when the request had none. */
	body: Record<string, unknown>;
	category: RateCategory;
}

export interface RouteDef {
	method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
	/** Below /v2, e.g. '/users/{userId}/meetings'. */
	template: string;
	category: RateCategory;
	scopes: EndpointScopes;
	handler: (ctx: ApiContext) => ApiResult | Promise<ApiResult>;
}

export interface RouteMatch {
	route: RouteDef;
	rawParams: Record<string, string>;
}

export class Router {
	private readonly routes: Array<{ def: RouteDef; segments: string[]; params: number }> = [];

	constructor(defs: RouteDef[]) {
		for (const def of defs) {
			const segments = def.template.split('/').filter(Boolean);
			this.routes.push({ def, segments, params: segments.filter((s) => s.startsWith('{')).length });
		}
		// Literal segments win over parameters: /users/email before /users/{userId}.
		this.routes.sort((a, b) => a.params - b.params);
	}

	/** `path` is below /v2 and still percent-encoded, so an encoded '/' stays inside its segment. */
	match(method: string, path: string): RouteMatch | undefined {
		const parts = path.split('/').filter(Boolean);
		for (const { def, segments } of this.routes) {
			if (def.method !== method || segments.length !== parts.length) continue;
			const rawParams: Record<string, string> = {};
			let ok = true;
			for (let i = 0; i < segments.length && ok; i++) {
				if (segments[i].startsWith('{')) rawParams[segments[i].slice(1, -1)] = parts[i];
				else ok = segments[i] === parts[i];
			}
			if (ok) return { route: def, rawParams };
		}
		return undefined;
	}
}
