import type { SpecViolation } from './validator';

/*
 * Every spec violation any simulator in this process has seen and no test has claimed yet. The
 * test harnesses drain it after each test (see ./failOnViolations.ts), so a request that breaks
 * Zoom's spec fails the test that sent it, whichever simulator it went to.
 */
const pending: SpecViolation[] = [];
/** A simulator nobody drains (`npm run dev`, the CLI) must not grow without bound. */
const MAX_PENDING = 1000;

export function recordViolations(violations: SpecViolation[]): void {
	pending.push(...violations);
	if (pending.length > MAX_PENDING) pending.splice(0, pending.length - MAX_PENDING);
}

/** Removes and returns the unclaimed violations (all, or those `owned` selects). */
export function takePendingViolations(
	owned: (violation: SpecViolation) => boolean = () => true,
): SpecViolation[] {
	const taken: SpecViolation[] = [];
	for (let i = 0; i < pending.length; ) {
		if (owned(pending[i])) taken.push(...pending.splice(i, 1));
		else i++;
	}
	return taken;
}

/** One failure message listing each broken rule once, with how often and an example request. */
export function describeViolations(violations: SpecViolation[]): string {
	const byRule = new Map<string, { count: number; first: SpecViolation }>();
	for (const violation of violations) {
		const key = `${violation.method} ${violation.template ?? violation.path} ${violation.rule}`;
		const entry = byRule.get(key);
		if (entry) entry.count++;
		else byRule.set(key, { count: 1, first: violation });
	}
	const lines = [...byRule.values()].map(
		({ count, first }) => `  - ${first.message}${count > 1 ? ` (x${count})` : ''}`,
	);
	return `${violations.length} request(s) broke Zoom's OpenAPI spec:\n${lines.join('\n')}`;
}
