/*
 * Figures over several rounds, as every benchmark here reports them: the median, and the spread
 * (min–max) that says how noisy the machine was. Never the best round.
 */

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	if (sorted.length === 0) return NaN;
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** "median (min–max)" with `digits` decimals; one round: just the value. */
export function spread(values: number[], digits = 2): string {
	if (values.length === 0) return '–';
	const format = (n: number) => n.toFixed(digits);
	if (values.length === 1) return format(values[0]);
	return `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
}

/** Rounds from BENCH_ROUNDS or a benchmark's own variable; at least 1. */
export function roundsFrom(name: string, fallback: number): number {
	const raw = process.env[name] ?? process.env.BENCH_ROUNDS;
	const value = raw === undefined || raw === '' ? fallback : Number(raw);
	if (!Number.isInteger(value) || value < 1)
		throw new Error(`${name} (or BENCH_ROUNDS) must be a whole number ≥ 1, got "${raw}"`);
	return value;
}

/** A plain-text table: the first `leftColumns` columns left-aligned, the others right-aligned. */
export function textTable(header: string[], rows: string[][], leftColumns = 1): string {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) =>
		cells
			.map((cell, i) => (i < leftColumns ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
			.join('  ')
			.trimEnd();
	return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
