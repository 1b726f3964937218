/**
 * n8n 2.41 evaluates expressions (a credential's `authenticate` header, `={{$credentials…}}`) in
 * an isolate that must be acquired first (N8N_EXPRESSION_ENGINE=vm, the default). n8n acquires
 * it while it activates a trigger and around its closeFunction, but not when a long-lived
 * trigger makes an authenticated request later (a token renewal, a recovery): without it,
 * httpRequestWithAuthentication fails with "No bridge acquired for this context". This runs
 * such work inside the isolate of the trigger's workflow, as n8n does for closeFunction
 * (TriggersAndPollers.wrapCloseFunctionInIsolate). On an n8n without isolates it just runs.
 */
import type { ITriggerFunctions } from 'n8n-workflow';

interface WithIsolate {
	withIsolate?: <T>(fn: () => Promise<T>) => Promise<T>;
}

export async function inExpressionIsolate<T>(
	ctx: ITriggerFunctions,
	fn: () => Promise<T>,
): Promise<T> {
	const expression = (ctx as unknown as { workflow?: { expression?: WithIsolate } }).workflow
		?.expression;
	if (typeof expression?.withIsolate === 'function') return await expression.withIsolate(fn);
	return await fn();
}
