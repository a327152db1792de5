/** One benchmark result line: a measured value, its unit, and the target it is judged against. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  target?: string;
  /** Whether the value meets the target: printed as ok / short. */
  met?: boolean;
}

/** Formats a figure as one line of `npm run bench` output. */
export function formatFigure(figure: BenchFigure): string {
  const value = Number.isInteger(figure.value) ? String(figure.value) : figure.value.toFixed(3);
  const target = figure.target ? `  (target ${figure.target})` : '';
  const verdict = figure.met === undefined ? '' : figure.met ? 'ok     ' : 'short  ';
  return `${verdict}${figure.name.padEnd(58)} ${value} ${figure.unit}${target}`;
}

/** The middle value (the lower middle of an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}
