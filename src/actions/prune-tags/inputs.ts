// The only place prune-tags reads inputs: one typed, validated object, or an InputError before any call.

import { InputReader } from '../../core/action/input-reader.ts';
import { checkDeclaredInputs } from '../../core/action/undeclared-inputs.ts';
import { InputError } from '../../core/errors/errors.ts';
import { ccrNamespaceProblems } from '../../providers/ccr/name-rules.ts';
import { type Connection, readConnection } from '../../providers/index.ts';
import { swrNamespaceProblems } from '../../providers/swr/name-rules.ts';
import { actionMetadata } from './action-metadata.ts';
import { type Duration, parseDuration } from './duration.ts';
import { type KeepGithubInputs, readKeepGithub } from './keep-github-inputs.ts';
import { isGlob } from './patterns.ts';
import type { PruneRules } from './plan.ts';
import { type RetentionTarget, retentionPolicyFor } from './retention-policy.ts';
import { compileTagPatterns, everyTagWarnings, type PatternSyntax } from './tag-patterns.ts';

export type PruneMode = 'delete' | 'retention-policy';

export interface PruneInputs {
  connection: Connection;
  /** SWR organization, or CCR enterprise project. */
  namespace: string;
  /** Repository names or glob patterns (`*` = every repository of the namespace). */
  repositories: string[];
  rules: PruneRules;
  /** keep-github: what to read from GitHub before planning; absent = off. */
  keepGithub?: KeepGithubInputs;
  /** Warnings the inputs alone justify (a pattern that matches every tag), shown before any call. */
  warnings: string[];
  mode: PruneMode;
  /** Set in mode retention-policy: the policy to store. */
  retention?: RetentionTarget;
  maxDeletions: number;
  concurrency: number;
  /** Client-side cap in requests per second; 0 = none (429 Retry-After still honoured). */
  rateLimit: number;
  dryRun: boolean;
}

const REPOSITORY_PATTERN = /^[A-Za-z0-9*?](?:[A-Za-z0-9._/*?-]*[A-Za-z0-9*?])?$/;

/** Reads and checks every input of prune-tags. */
export function readPruneInputs(reader: InputReader = new InputReader()): PruneInputs {
  checkDeclaredInputs(reader, actionMetadata, { refuse: true, because: 'prune-tags deletes tags' });
  const settings = readSettings(reader);
  const connection = readConnection(reader);
  return checkCombinations({ ...settings, connection });
}

/** Everything but the connection (which also resolves credentials). */
export function readSettings(reader: InputReader): Omit<PruneInputs, 'connection' | 'retention'> {
  const rules = readRules(reader);
  const keepGithub = readKeepGithub(reader);
  return {
    namespace: reader.string('namespace'),
    repositories: readRepositories(reader),
    rules,
    ...(keepGithub ? { keepGithub } : {}),
    warnings: (['exclude', 'keep'] as const).flatMap((input) => everyTagWarnings(input, rules[input])),
    mode: reader.oneOf('mode', ['delete', 'retention-policy'], { default: 'delete' }),
    maxDeletions: reader.integer('max-deletions', { min: 0, default: 1000 }),
    concurrency: reader.integer('concurrency', { min: 1, max: 32, default: 4 }),
    rateLimit: reader.integer('rate-limit', { min: 0, max: 1000, default: 20 }),
    dryRun: reader.boolean('dry-run', { default: false }),
  };
}

function readRepositories(reader: InputReader): string[] {
  const repositories = reader.list('repositories', { required: true });
  for (const name of repositories) {
    if (!REPOSITORY_PATTERN.test(name) || name.includes('..') || name.includes('//')) {
      throw new InputError(
        'repositories',
        `Input 'repositories' must hold repository names or glob patterns (letters, digits, . _ - / * ?), got "${name}".`,
      );
    }
  }
  return repositories;
}

function readRules(reader: InputReader): PruneRules {
  const olderThan = readOlderThan(reader);
  const syntax: PatternSyntax = reader.boolean('use-regex', { default: false }) ? 'regex' : 'glob';
  const rules: PruneRules = {
    include: compileTagPatterns('include', reader.lines('include'), syntax),
    exclude: compileTagPatterns('exclude', reader.lines('exclude'), syntax),
    keep: compileTagPatterns('keep', reader.lines('keep'), syntax),
    keepLast: reader.integer('keep-last', { min: 0, default: 0 }),
    keepSemver: reader.integer('keep-semver', { min: 0, default: 0 }),
  };
  if (olderThan) rules.olderThan = olderThan;
  return rules;
}

function readOlderThan(reader: InputReader): Duration | undefined {
  const text = reader.optional('older-than');
  if (text === undefined) return undefined;
  const duration = parseDuration(text);
  if (!duration) {
    throw new InputError(
      'older-than',
      `Input 'older-than' must be a duration in weeks, days or hours such as 30d, 12h, 2w or 1w3d, got "${text}".`,
    );
  }
  return duration;
}

/** The namespace goes into every request path: it must follow the provider's name rules. */
function checkNamespace(namespace: string, provider: Connection['provider']): void {
  const problems = provider === 'swr' ? swrNamespaceProblems(namespace) : ccrNamespaceProblems(namespace);
  if (problems.length === 0) return;
  const kind = provider === 'swr' ? 'an SWR organization' : 'a CCR namespace';
  throw new InputError(
    'namespace',
    `Input 'namespace' must be ${kind} name, but ${JSON.stringify(namespace)} ${problems.join('; ')}.`,
  );
}

/** Rules that involve several inputs; pure. */
export function checkCombinations(inputs: Omit<PruneInputs, 'retention'>): PruneInputs {
  const { connection, rules } = inputs;
  checkNamespace(inputs.namespace, connection.provider);
  if (rules.keepLast === 0 && !rules.olderThan && rules.include.length === 0) {
    throw new InputError(
      ['keep-last', 'older-than', 'include'],
      "Input 'keep-last' is 0 and 'older-than' is empty, so every tag not matched by 'keep' would be deleted. " +
        "Set 'include' to the tags to delete, or set 'keep-last' or 'older-than'.",
    );
  }
  if (connection.provider === 'ccr') {
    if (!connection.instanceId) {
      throw new InputError(
        'instance-id',
        "Input 'instance-id' is required for prune-tags on CCR: only the enterprise edition has a tag API.",
      );
    }
    const glob = inputs.repositories.find(isGlob);
    if (glob) {
      throw new InputError(
        'repositories',
        `Input 'repositories' must name CCR repositories exactly ("${glob}" is a pattern): CCR enterprise has no repository listing to match it against.`,
      );
    }
  }
  if (inputs.mode === 'retention-policy') {
    if (connection.provider !== 'swr') {
      throw new InputError(
        ['mode', 'provider'],
        "Input 'mode' is retention-policy, an SWR feature; set 'provider' to swr or use mode: delete.",
      );
    }
    if (inputs.keepGithub) {
      throw new InputError(
        ['mode', 'keep-github'],
        "Input 'mode' is retention-policy, whose SWR policy cannot keep the tags GitHub points at; leave " +
          "'keep-github' empty or use mode: delete.",
      );
    }
    return { ...inputs, retention: retentionPolicyFor(rules) };
  }
  return inputs;
}
