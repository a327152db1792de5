// Text ready for the log: the project's own words, with every value put in through `visible`.
import { fillTemplate } from './template.ts';
import { visible } from './visible.ts';

let make: (text: string) => Shown;

/** A log line (or lines) whose values were all escaped; only `shown` and `Shown.join` make one. */
export class Shown {
  readonly text: string;

  private constructor(text: string) {
    this.text = text;
  }

  static {
    make = (text) => new Shown(text);
  }

  /** Joins shown parts with a separator the project wrote. */
  static join(parts: readonly Shown[], separator: string): Shown {
    return make(parts.map((part) => part.text).join(separator));
  }

  toString(): string {
    return this.text;
  }
}

/** What may stand in a `shown` template: text (escaped), numbers, or text already shown. */
export type ShownValue = string | number | bigint | boolean | Shown;

/** Tag for log text: shown`delete ${tag} in ${repository}`; each string value goes through `visible`. */
export function shown(parts: TemplateStringsArray, ...values: readonly ShownValue[]): Shown {
  return make(fillTemplate('shown', parts, values, showValue));
}

function showValue(value: ShownValue): string {
  if (value instanceof Shown) return value.text;
  return typeof value === 'string' ? visible(value) : String(value);
}
