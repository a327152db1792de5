// The only place prune-tags reads inputs: one typed, validated object, or an InputError before any call.
import { DURATION_UNITS, type Duration, parseDuration } from '../../core/action/duration.ts';
import { InputReader } from '../../core/action/input-reader.ts';
import { checkDeclaredInputs } from '../../core/action/undeclared-inputs.ts';
import { InputError } from '../../core/errors/errors.ts';
import { eitherOf } from '../../core/text/either-of.ts';
import { chooseProvider, PROVIDERS, type ProviderTable } from '../../providers/index.ts';
import type { ProviderWith } from '../../providers/seam/provider.ts';
import type { PatternSyntax, RetentionPolicy, TagSupport, TagTarget } from '../../providers/seam/tags.ts';
import { actionMetadata } from './action-metadata.ts';
import { type KeepGithubInputs, readKeepGithub } from './keep-github-inputs.ts';
import { isGlob } from './patterns.ts';
import type { PruneRules } from './plan.ts';
import { compileTagPatterns, everyTagWarnings } from './tag-patterns.ts';

type PruneMode = 'delete' | 'retention-policy';

/** The inputs of a delete run, or of a retention-policy run with the policy to store. */
export type PruneInputs = PruneCommon &
  ({ mode: 'delete'; retention?: undefined } | { mode: 'retention-policy'; retention: RetentionPolicy });

interface PruneCommon {
  /** The `provider` input, and how messages name the registry (SWR, CCR). */
  provider: { name: string; label: string };
  /** The provider's connection inputs as read. */
  connection: TagTarget['connection'];
  /** The registry to connect to, read by the provider. */
  target: TagTarget;
  /** SWR organization, or CCR enterprise project. */
  namespace: string;
  /** Repository names or glob patterns (`*` = every repository of the namespace). */
  repositories: string[];
  rules: PruneRules;
  /** keep-github: what to read from GitHub before planning; absent = off. */
  keepGithub?: KeepGithubInputs;
  /** Warnings the inputs alone justify (a pattern that matches every tag), shown before any call. */
  warnings: string[];
  maxDeletions: number;
  /** Upper bound on requests in flight; the throttle finds how many the registry takes. */
  concurrency: number;
  /** Upper bound in requests per second; 0 = none (the throttle finds the registry's limit). */
  rateLimit: number;
  dryRun: boolean;
  /** Read each repository again right before deleting in it, skipping tags that changed since the plan. */
  recheck: boolean;
}

/** The settings every provider shares, before the mode's own checks. */
type PruneSettings = Omit<PruneCommon, 'provider' | 'connection' | 'target'> & { mode: PruneMode };

const MIN_OLDER_THAN_MS = 3_600_000;

const REPOSITORY_PATTERN = /^[A-Za-z0-9*?](?:[A-Za-z0-9._/*?-]*[A-Za-z0-9*?])?$/;

/** Reads and checks every input of prune-tags. */
export function readPruneInputs(
  reader: InputReader = new InputReader(),
  providers: ProviderTable = PROVIDERS,
): PruneInputs {
  checkDeclaredInputs(reader, actionMetadata, { refuse: true, because: 'prune-tags deletes tags' });
  const settings = readSettings(reader);
  const provider = chooseProvider(reader, 'tags', { action: 'prune-tags', table: providers });
  const target = provider.tags.read(reader);
  return checkCombinations(settings, provider, target, providers);
}

/** Everything but the provider and its connection (which also resolves credentials). */
function readSettings(reader: InputReader): PruneSettings {
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
    concurrency: reader.integer('concurrency', { min: 1, max: 256, default: 256 }),
    rateLimit: reader.integer('rate-limit', { min: 0, max: 100_000, default: 0 }),
    dryRun: reader.boolean('dry-run', { default: false }),
    recheck: reader.boolean('recheck', { default: true }),
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
      `Input 'older-than' must be a duration such as 30d, 12h, 2w or 1w3d (${DURATION_UNITS}), got "${text}".`,
    );
  }
  // Below an hour is no age rule anyone means: most likely `3m` written for months, which would delete
  // nearly everything selected.
  if (duration.ms < MIN_OLDER_THAN_MS) {
    throw new InputError(
      'older-than',
      `Input 'older-than' must be at least 1h, got "${text}": m means minutes; there is no unit for months, so write days (e.g. 90d).`,
    );
  }
  return duration;
}

/** The namespace goes into every request path: it must follow the provider's name rules. */
function checkNamespace(namespace: string, tags: TagSupport): void {
  const problems = tags.namespaceProblems(namespace);
  if (problems.length === 0) return;
  throw new InputError(
    'namespace',
    `Input 'namespace' must be ${tags.namespaceKind} name, but ${JSON.stringify(namespace)} ${problems.join('; ')}.`,
  );
}

/** Rules that involve several inputs, or what the chosen registry can do; pure. */
function checkCombinations(
  settings: PruneSettings,
  provider: ProviderWith<'tags'>,
  target: TagTarget,
  providers: ProviderTable,
): PruneInputs {
  const { rules } = settings;
  checkNamespace(settings.namespace, provider.tags);
  if (rules.keepLast === 0 && !rules.olderThan && rules.include.length === 0) {
    throw new InputError(
      ['keep-last', 'older-than', 'include'],
      "Input 'keep-last' is 0 and 'older-than' is empty, so every tag not matched by 'keep' would be deleted. " +
        "Set 'include' to the tags to delete, or set 'keep-last' or 'older-than'.",
    );
  }
  const glob = settings.repositories.find(isGlob);
  if (glob && target.unlistedRepositories) {
    throw new InputError(
      'repositories',
      `Input 'repositories' must name ${provider.label} repositories exactly ("${glob}" is a pattern): ${target.unlistedRepositories}.`,
    );
  }
  const common = {
    ...settings,
    provider: { name: provider.name, label: provider.label },
    connection: target.connection,
    target,
  };
  if (settings.mode === 'delete') return { ...common, mode: 'delete' };
  const retention = provider.tags.retention;
  if (!retention) {
    const able = providers.filter((other) => other.tags?.retention);
    throw new InputError(
      ['mode', 'provider'],
      `Input 'mode' is retention-policy, an ${able.map((p) => p.label).join(' or ')} feature; set 'provider' to ` +
        `${eitherOf(able.map((p) => p.name))} or use mode: delete.`,
    );
  }
  if (settings.keepGithub) {
    throw new InputError(
      ['mode', 'keep-github'],
      `Input 'mode' is retention-policy, whose ${provider.label} policy cannot keep the tags GitHub points at; leave ` +
        "'keep-github' empty or use mode: delete.",
    );
  }
  return { ...common, mode: 'retention-policy', retention: retention.policyFor(rules) };
}
