/** Registrant status actions and what each leaves the registrant as (pure). */

export const REGISTRANT_ACTIONS = ['approve', 'deny', 'cancel'] as const;
export type RegistrantAction = (typeof REGISTRANT_ACTIONS)[number];

/**
 * The registrant list a registrant appears in after an action: Zoom lists cancelled
 * registrations with the denied ones ("Denied/Blocked" in the web portal).
 */
export function statusAfter(action: RegistrantAction): 'approved' | 'denied' {
	return action === 'approve' ? 'approved' : 'denied';
}

/** Zoom's `registrants[]` entry for a registrant given by ID or by email. */
export function registrantReference(value: string): { id: string } | { email: string } {
	return value.includes('@') ? { email: value } : { id: value };
}
