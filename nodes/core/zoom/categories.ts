/** Zoom's rate-limit categories. */
export type RateLimitCategory = 'light' | 'medium' | 'heavy';

/** Per-second limits of a Pro account: the lowest paid plan, so a safe start before Zoom tells us more. */
export const PRO_PLAN_LIMITS: Record<RateLimitCategory, number> = {
	light: 30,
	medium: 20,
	heavy: 10,
};

/** Reads Zoom's X-RateLimit-Category header ("Light", "Medium", "Heavy"). */
export function parseCategory(value: string | undefined): RateLimitCategory | undefined {
	const lower = value?.toLowerCase();
	return lower === 'light' || lower === 'medium' || lower === 'heavy' ? lower : undefined;
}
