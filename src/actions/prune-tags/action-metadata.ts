// Generated from actions/prune-tags/action.yml by scripts/action-metadata.ts: do not edit.
import type { ActionMetadata } from '../../core/action/action-metadata.ts';

export const actionMetadata: ActionMetadata = {
  name: 'prune-tags',
  description:
    'Deletes old image tags of Huawei Cloud SWR or Baidu Cloud CCR enterprise repositories by composable rules, never an image a kept tag still needs; shows the plan with a reason per tag, with dry-run and a deletion guard. Can also store the rules as an SWR server-side retention policy.',
  inputs: {
    provider: {
      description: 'Registry provider: swr (Huawei Cloud SWR) or ccr (Baidu Cloud CCR enterprise).',
      required: true,
    },
    region: {
      description: 'Region of the registry, e.g. cn-north-4 (SWR) or bj (CCR).',
      required: true,
    },
    namespace: {
      description: 'SWR organization, or CCR enterprise namespace (project), holding the repositories.',
      required: true,
    },
    repositories: {
      description:
        'Repositories to prune, separated by commas or new lines. SWR also takes glob patterns: `*` (any characters, also `/`) and `?` (one character); `*` alone means every repository of the namespace. CCR needs exact names.',
      required: true,
    },
    include: {
      description:
        'Tag patterns, one per line: only tags matching one of them are considered for deletion. Empty: every tag. Patterns are globs matched against the whole tag (`pr-*`, `ci-????`) unless use-regex is true. A pattern that selects no tag is warned about.',
      required: false,
      default: '',
    },
    exclude: {
      description:
        'Tag patterns, one per line; matching tags are never considered (and never counted by keep-last).',
      required: false,
      default: '',
    },
    keep: {
      description:
        'Tag patterns, one per line; matching tags are always kept, e.g. `latest` and `v*`. In include, exclude and keep, a comment after whitespace (`latest  # release`) is ignored; whitespace left in a pattern is an error, as tag names never hold any.',
      required: false,
      default: '',
    },
    'use-regex': {
      description:
        'false: include, exclude and keep are globs matched against the whole tag (`*` any characters, `?` one). true: they are JavaScript regular expressions, matched anywhere in the tag unless anchored (`^v\\d+\\.\\d+\\.\\d+$`).',
      required: false,
      default: 'false',
    },
    'keep-last': {
      description:
        'Keep the N most recently updated of the considered tags (equal times by tag name). 0 (the default, as in similar actions) turns the count rule off; with no older-than either, include must then name the tags to delete. The summary lists every rule in effect.',
      required: false,
      default: '0',
    },
    'older-than': {
      description:
        "Delete only considered tags last updated longer ago than this, counted from the run's start, at least 1h: a duration (w weeks, d days, h hours, m minutes; no months, write days), e.g. 30d, 12h, 2w, 1w3d. Empty: no age rule.",
      required: false,
      default: '',
    },
    'keep-github': {
      description:
        "Also keep tags GitHub still points at in this repository, read with github-token (read-only): releases (a release's tag, also without its leading v), deployments (the commit SHA or ref of an active, queued or in-progress deployment), pull-requests (the head commit SHA of an open pull request, and pr-<number>), or all. A commit counts as named by its full SHA or a prefix of 7 or more hex digits, optionally after sha-. Comma or newline separated; empty: off. A source the token may not read is skipped with a notice.",
      required: false,
      default: '',
    },
    'github-token': {
      description:
        "Token for keep-github; the job's token by default. Needs contents: read (releases), deployments: read and pull-requests: read.",
      required: false,
      default: '${{ github.token }}',
    },
    'keep-semver': {
      description:
        'Keep the N highest release versions (1.2.3 or v1.2.3, no pre-releases) of each major version. 0: off.',
      required: false,
      default: '0',
    },
    mode: {
      description:
        "delete (list, plan and delete tags now) or retention-policy (SWR only: create or update each repository's server-side retention policy to the same rules, where SWR can express them).",
      required: false,
      default: 'delete',
    },
    'max-deletions': {
      description:
        'Fail before deleting anything when the plan deletes more tags than this (over all repositories).',
      required: false,
      default: '1000',
    },
    concurrency: {
      description:
        'Upper bound on requests in flight (1-256). Below it the action finds how many the registry takes by itself; lower it only to stay under a quota.',
      required: false,
      default: '256',
    },
    'rate-limit': {
      description:
        "Upper bound on API requests per second (listing and deleting together); 0 for none. Below it the action finds the registry's limit by itself (slow start, then a cubic climb, slowing down on 429 and on rising latency); set it to stay under a quota. The summary reports the rate found.",
      required: false,
      default: '0',
    },
    'dry-run': {
      description: 'Print the full plan and write the summary, but delete (or change) nothing.',
      required: false,
      default: 'false',
    },
    recheck: {
      description:
        "Read each repository's tags again right before deleting in it, and skip (and report) every tag re-pushed since the plan or whose image a kept tag now needs. false saves that one listing per repository and deletes by the plan alone.",
      required: false,
      default: 'true',
    },
    'instance-id': {
      description: 'CCR enterprise instance id (ccr-xxxxxxxx); required with provider ccr.',
      required: false,
      default: '',
    },
    username: {
      description:
        "CCR only. Docker user name for the temporary login (a 1-hour password, which cannot be revoked) that reads the manifests of kept tags from the instance's registry, since CCR's tag API does not tell manifest lists from images. With provider ccr, username or user-id is required.",
      required: false,
      default: '',
    },
    'user-id': {
      description:
        'CCR only. Baidu Cloud user id whose profile names the docker user (GET /v1/users/profile?userId=); needed when username is empty.',
      required: false,
      default: '',
    },
    'registry-access': {
      description:
        "CCR only. The instance domain the manifests of kept tags are read from: public, or private for a runner inside the instance's VPC (for example when public access is closed). Empty: public.",
      required: false,
      default: '',
    },
    endpoint: {
      description: 'API endpoint override (private endpoints, other partitions, tests).',
      required: false,
      default: '',
    },
    'iam-endpoint': {
      description: 'Huawei IAM endpoint override.',
      required: false,
      default: '',
    },
    auth: {
      description: 'Huawei sign-in method: auto, aksk, password or oidc.',
      required: false,
      default: 'auto',
    },
    'access-key-id': {
      description:
        "Access key id (Huawei AK or Baidu AK). Falls back to the vendors' usual environment variables.",
      required: false,
      default: '',
    },
    'secret-access-key': {
      description: 'Secret access key (Huawei SK or Baidu SK).',
      required: false,
      default: '',
    },
    'security-token': {
      description: 'Security token of temporary credentials (Huawei temporary AK/SK, Baidu STS).',
      required: false,
      default: '',
    },
    'iam-username': {
      description: 'Huawei IAM user name, for password sign-in.',
      required: false,
      default: '',
    },
    'iam-password': {
      description: 'Huawei IAM password, for password sign-in.',
      required: false,
      default: '',
    },
    'iam-domain': {
      description: 'Huawei account (domain) name, for password sign-in.',
      required: false,
      default: '',
    },
    'idp-id': {
      description: 'Huawei IAM identity provider id, for keyless sign-in with the GitHub OIDC token.',
      required: false,
      default: '',
    },
    'oidc-audience': {
      description: 'Audience of the GitHub OIDC token for keyless sign-in.',
      required: false,
      default: '',
    },
  },
  outputs: {
    deleted: {
      description:
        'JSON list of the `repository:tag` this run deleted (including tags found already gone). Empty on a dry run.',
    },
    'deleted-count': {
      description: 'Number of tags in `deleted`.',
    },
    'kept-count': {
      description: 'Tags kept by a rule (not counting protected ones).',
    },
    'protected-count': {
      description: 'Tags the rules would delete but that were kept because a kept tag needs their image.',
    },
    'planned-count': {
      description: 'Tags the plan deletes (on a dry run, what would be deleted).',
    },
    failed: {
      description: 'JSON list of the `repository:tag` whose deletion failed.',
    },
    skipped: {
      description:
        'JSON list of the `repository:tag` not deleted because the tag changed between the plan and its deletion (see recheck).',
    },
    'reclaimed-bytes': {
      description:
        'Size of the distinct images this run deleted, in bytes (an upper bound; shared layers stay).',
    },
    'retention-policies': {
      description:
        'mode retention-policy: JSON list of {repository, action, id} (created, updated, unchanged, would create, would update, conflict).',
    },
  },
};
