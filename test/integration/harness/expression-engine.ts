import { Expression } from 'n8n-workflow';

export type ExpressionEngine = 'legacy' | 'vm';

/**
 * n8n 2.x evaluates expressions in an isolated-vm sandbox by default (`N8N_EXPRESSION_ENGINE`,
 * default `vm` in @n8n/config's `ExpressionEngineConfig`); the CLI starts it at boot with
 * `Expression.initExpressionEngine(...)` (`packages/cli/src/commands/base-command.ts`). The
 * harness does the same, with the CLI's default settings, so credential and node expressions
 * are evaluated by the engine a real instance uses. `legacy` is the in-process Tournament
 * evaluator (`N8N_EXPRESSION_ENGINE=legacy`).
 */
export async function useExpressionEngine(
	engine: ExpressionEngine = (process.env.N8N_EXPRESSION_ENGINE as ExpressionEngine) || 'vm',
): Promise<void> {
	if (engine === 'legacy') {
		Expression.setExpressionEngine('legacy');
		return;
	}
	Expression.setExpressionEngine('vm');
	await Expression.initExpressionEngine({
		engine: 'vm',
		poolSize: 1,
		maxCodeCacheSize: 1024,
		bridgeTimeout: 5000,
		bridgeMemoryLimit: 128,
	});
}

/** Which engine evaluates expressions now (`legacy` until a VM engine was started). */
export function activeExpressionEngine(): string {
	return Expression.getActiveImplementation();
}

/** Stops the VM engine's isolates (call from `after()` so the test process can exit). */
export async function disposeExpressionEngine(): Promise<void> {
	await Expression.disposeExpressionEngine();
	Expression.setExpressionEngine('legacy');
}
