import { afterEach } from 'node:test';

import { describeViolations, takePendingViolations } from './violations';

/*
 * Imported (for this side effect) by the integration and end-to-end harnesses: after every test,
 * any request a simulator received that broke Zoom's OpenAPI spec fails that test, and the
 * message names each rule broken. A test that sends an invalid request on purpose claims its
 * violations first with `sim.takeSpecViolations()`.
 */
afterEach(() => {
	const violations = takePendingViolations();
	if (violations.length > 0) throw new Error(describeViolations(violations));
});
