/**
 * One HTTP header's value, whatever the case of its name (n8n passes headers as the server sent
 * them, or lower-cased). A repeated header gives its first value; an absent header, `null`,
 * `undefined` or an empty list gives `undefined`, never the text "null".
 */
export function headerValue(
	headers: Record<string, unknown> | undefined,
	name: string,
): string | undefined {
	if (!headers) return undefined;
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted) continue;
		const first: unknown = Array.isArray(value) ? value[0] : value;
		return first === undefined || first === null ? undefined : String(first);
	}
	return undefined;
}
