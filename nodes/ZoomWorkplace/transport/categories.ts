import type { RateLimitCategory } from './rateLimiter';

/**
 * Rate-limit category of each endpoint, from Zoom's rate-limit documentation. Used before the
 * first answer; afterwards the X-RateLimit-Category header of Zoom's answers takes precedence.
 */
const MEDIUM_ROUTES: Array<[string, RegExp]> = [
	['GET', /^\/users\/[^/]+\/meetings$/],
	['POST', /^\/users\/[^/]+\/meetings$/],
	['GET', /^\/users$/],
	['GET', /^\/users\/[^/]+\/settings$/],
	['PATCH', /^\/users\/[^/]+\/settings$/],
];

export function defaultCategory(method: string, path: string): RateLimitCategory {
	const upper = method.toUpperCase();
	return MEDIUM_ROUTES.some(([m, pattern]) => m === upper && pattern.test(path))
		? 'medium'
		: 'light';
}

/** A route's shape with IDs replaced, so answers teach the category of the route, not one URL. */
export function routeKey(method: string, path: string): string {
	const shape = path
		.split('/')
		.map((segment, index, all) =>
			index > 0 && all[index - 1] !== '' && /[0-9%]|^me$/.test(segment) ? ':id' : segment,
		)
		.join('/');
	return `${method.toUpperCase()} ${shape}`;
}

export function parseCategory(value: string | undefined): RateLimitCategory | undefined {
	const lower = value?.toLowerCase();
	return lower === 'light' || lower === 'medium' || lower === 'heavy' ? lower : undefined;
}
