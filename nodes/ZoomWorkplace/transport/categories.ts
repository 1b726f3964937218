import type { RateLimitCategory } from './rateLimiter';

/** Reads Zoom's X-RateLimit-Category header ("Light", "Medium", "Heavy"). */
export function parseCategory(value: string | undefined): RateLimitCategory | undefined {
	const lower = value?.toLowerCase();
	return lower === 'light' || lower === 'medium' || lower === 'heavy' ? lower : undefined;
}
