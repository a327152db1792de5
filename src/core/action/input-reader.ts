import { InputError } from '../errors/errors.ts';
import { inputsInEnvironment } from '../host/github-host.ts';
import { stepHost } from '../host/step-host.ts';
import { maskSecret } from '../redact/secrets.ts';

/** Where raw input text comes from: the step's host (runner or CLI), a plain object in tests. */
export type RawInputSource = (name: string) => string;

const fromHost: RawInputSource = (name) => stepHost().input(name);

interface Required {
  required?: boolean;
}

/** Typed parsers over action inputs; every rule violation is an InputError naming the input. */
export class InputReader {
  readonly #raw: RawInputSource;
  readonly #env: NodeJS.ProcessEnv;
  readonly #given: (() => readonly string[]) | undefined;

  /**
   * `given` lists the input names the step was given: by default the host's when `raw` is the host's,
   * else the `INPUT_*` variables of `env`.
   */
  constructor(
    raw: RawInputSource = fromHost,
    env: NodeJS.ProcessEnv = process.env,
    given?: () => readonly string[],
  ) {
    this.#raw = raw;
    this.#env = env;
    this.#given = given ?? (raw === fromHost ? () => stepHost().givenInputs() : undefined);
  }

  /** Builds a reader over a plain object of inputs (kebab-case names), for tests and tools. */
  static fromRecord(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): InputReader {
    return new InputReader(
      (name) => (inputs[name] ?? '').trim(),
      env,
      () => Object.keys(inputs),
    );
  }

  /** The names of the inputs the step was given, declared or not. */
  givenInputs(): string[] {
    return this.#given ? [...this.#given()] : inputsInEnvironment(this.#env);
  }

  /**
   * A view of the same step for one part of it: `implied` answers the inputs the step left empty (what a
   * registry host says of region or instance), `hidden` inputs read as empty (another part's inputs).
   */
  view(options: { implied?: Readonly<Record<string, string>>; hidden?: readonly string[] }): InputReader {
    const implied = options.implied ?? {};
    const hidden = new Set(options.hidden ?? []);
    return new InputReader(
      (name) => (hidden.has(name) ? '' : (this.optional(name) ?? implied[name] ?? '')),
      this.#env,
      () => this.givenInputs().filter((name) => !hidden.has(name)),
    );
  }

  /** Trimmed text, or undefined when empty. */
  optional(name: string): string | undefined {
    const value = this.#raw(name).trim();
    return value === '' ? undefined : value;
  }

  string(name: string, options: Required & { default?: string } = {}): string {
    const value = this.optional(name) ?? options.default;
    if (value === undefined) {
      if (options.required !== false)
        throw new InputError(name, `Input '${name}' is required but was empty.`);
      return '';
    }
    return value;
  }

  /** A secret input (or environment fallback), masked as soon as it is read. */
  secret(name: string, envFallbacks: readonly string[] = []): string | undefined {
    const fromInput = this.optional(name);
    if (fromInput !== undefined) return maskSecret(fromInput);
    for (const variable of envFallbacks) {
      const value = this.#env[variable]?.trim();
      if (value) return maskSecret(value);
    }
    return undefined;
  }

  /** A variable the runner sets (GITHUB_REPOSITORY, GITHUB_API_URL…), trimmed; undefined when unset or empty. */
  environment(variable: string): string | undefined {
    return this.#env[variable]?.trim() || undefined;
  }

  /** A non-secret value from the input, else the first set environment variable. */
  withEnv(name: string, envFallbacks: readonly string[]): string | undefined {
    const fromInput = this.optional(name);
    if (fromInput !== undefined) return fromInput;
    for (const variable of envFallbacks) {
      const value = this.#env[variable]?.trim();
      if (value) return value;
    }
    return undefined;
  }

  boolean(name: string, options: { default: boolean }): boolean {
    const value = this.optional(name);
    if (value === undefined) return options.default;
    if (/^(true|yes|on|1)$/i.test(value)) return true;
    if (/^(false|no|off|0)$/i.test(value)) return false;
    throw new InputError(name, `Input '${name}' must be true or false, got "${value}".`);
  }

  integer(name: string, options: { min?: number; max?: number; default?: number } = {}): number {
    const value = this.optional(name);
    if (value === undefined) {
      if (options.default === undefined)
        throw new InputError(name, `Input '${name}' is required but was empty.`);
      return options.default;
    }
    const { min = 0, max = Number.MAX_SAFE_INTEGER } = options;
    const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
      throw new InputError(name, `Input '${name}' must be a whole number ${range}, got "${value}".`);
    }
    return parsed;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], options: { default?: T } = {}): T {
    const value = this.optional(name) ?? options.default;
    if (value === undefined) {
      throw new InputError(name, `Input '${name}' is required: one of ${allowed.join(', ')}.`);
    }
    const match = allowed.find((candidate) => candidate === value.toLowerCase());
    if (match === undefined) {
      throw new InputError(name, `Input '${name}' must be one of ${allowed.join(', ')}, got "${value}".`);
    }
    return match;
  }

  /** Lines of a multi-line input, trimmed, without blanks and `#` comment lines. */
  lines(name: string, options: Required = {}): string[] {
    const lines = this.#raw(name)
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    if (options.required && lines.length === 0) {
      throw new InputError(name, `Input '${name}' is required: give at least one line.`);
    }
    return lines;
  }

  /** Items of a list given one per line or separated by commas. */
  list(name: string, options: Required = {}): string[] {
    const items = this.lines(name).flatMap((line) =>
      line
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    );
    if (options.required && items.length === 0) {
      throw new InputError(name, `Input '${name}' is required: give at least one item.`);
    }
    return items;
  }
}
