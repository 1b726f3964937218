/**
 * The webhook exists only with Connection "Webhook". n8n evaluates a webhook description's
 * `httpMethod` per node: an empty method means no webhook for that node, so with "WebSocket"
 * n8n registers no production webhook, "Execute step" does not wait for a test webhook (it runs
 * trigger() instead), and the editor shows no URL (ndvHideUrl).
 *
 * n8n 2.41 resolves such fields without its expression engine when the description carries
 * native resolvers (webhookDescriptionFields/fromFunction, as its own Webhook node does); on an
 * n8n without them, the same templates are evaluated as expressions.
 */
import * as workflow from 'n8n-workflow';

/** Self-contained (inlined into an n8n expression): no outer references. */
const httpMethodOf = (parameters: Record<string, unknown>) =>
	parameters.connection === 'webSocket' ? '' : 'POST';
const hideUrlOf = (parameters: Record<string, unknown>) => parameters.connection === 'webSocket';

interface FieldEntry {
	template: string;
	resolve: (parameters: Record<string, unknown>) => unknown;
}

type Fields = { httpMethod: string; ndvHideUrl: string };

export function webhookDescriptionFieldsByConnection(): Fields {
	const api = workflow as unknown as {
		fromFunction?: (fn: (parameters: Record<string, unknown>) => unknown) => FieldEntry;
		webhookDescriptionFields?: (fields: Record<string, FieldEntry>) => Fields;
	};
	if (typeof api.fromFunction === 'function' && typeof api.webhookDescriptionFields === 'function')
		return api.webhookDescriptionFields({
			httpMethod: api.fromFunction(httpMethodOf),
			ndvHideUrl: api.fromFunction(hideUrlOf),
		});
	return {
		httpMethod: `={{(${String(httpMethodOf)})($parameter)}}`,
		ndvHideUrl: `={{(${String(hideUrlOf)})($parameter)}}`,
	};
}
