/** One benchmark result line: a measured value, its unit, and the target it is judged against. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

/** Formats a figure as one line of `npm run bench` output. */
export function formatFigure(figure: BenchFigure): string {
  const value = Number.isInteger(figure.value) ? String(figure.value) : figure.value.toFixed(3);
  const target = figure.target ? `  (target ${figure.target})` : '';
  return `${figure.name.padEnd(58)} ${value} ${figure.unit}${target}`;
}
