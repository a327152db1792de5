// Generated from actions/ensure-namespace/action.yml by scripts/action-metadata.ts: do not edit.
import type { ActionMetadata } from '../../core/action/action-metadata.ts';

export const actionMetadata: ActionMetadata = {
  name: 'ensure-namespace',
  description:
    'Makes sure a Huawei Cloud SWR organization or Baidu Cloud CCR namespace exists as declared (with its repositories and permissions), or is gone; idempotent and safe for parallel jobs, with a check-only gate.',
  inputs: {
    provider: {
      description: 'Registry provider: swr (Huawei Cloud SWR) or ccr (Baidu Cloud CCR).',
      required: true,
    },
    region: {
      description: 'Region of the registry, e.g. cn-north-4 (SWR) or bj (CCR).',
      required: true,
    },
    namespace: {
      description:
        'Namespace (SWR organization) to ensure. SWR: 1-64 characters, lowercase letters, digits, ".", "_", "-", starting with a letter and ending with a letter or digit, no adjacent separators except "__". CCR: lowercase letters, digits, ".", "_", "-", no separator at either end, not all digits.',
      required: true,
    },
    state: {
      description:
        'present (create when missing, then match repositories and permissions) or absent (delete).',
      required: false,
      default: 'present',
    },
    repositories: {
      description:
        'SWR only. Repositories the namespace must hold, one per line: `name [visibility=private|public] [category=<type>] [description="text"]`. Missing ones are created; declared attributes that differ are updated. Category is one of app_server, linux, framework_app, database, lang, arm, other. Lines starting with # are ignored.',
      required: false,
      default: '',
    },
    permissions: {
      description:
        'SWR only. Namespace permissions, one user per line: `user-name manage|edit|read [id=<IAM user id>]` (SWR levels 7, 3, 1). Users are matched by id when given, else by name; granting a user who has no permission yet needs the id.',
      required: false,
      default: '',
    },
    'prune-permissions': {
      description:
        "SWR only. Remove the permissions of users not listed in `permissions` (never the caller's own).",
      required: false,
      default: 'false',
    },
    public: {
      description:
        'CCR only. Visibility of the namespace: true for public. Used when creating an enterprise namespace and compared afterwards (a difference is reported; it cannot be changed through the API).',
      required: false,
      default: '',
    },
    force: {
      description:
        'With state absent: delete a namespace that still holds repositories (SWR: their images and the repositories go first). Combine with dry-run to see what would be deleted.',
      required: false,
      default: 'false',
    },
    'dry-run': {
      description: 'Show the plan in the log and job summary without changing anything.',
      required: false,
      default: 'false',
    },
    'check-only': {
      description:
        'Gate mode: change nothing, and fail the step when the registry differs from the declaration, listing every difference in the log and job summary.',
      required: false,
      default: 'false',
    },
    registry: {
      description:
        "Registry host for the registry-path output when the default does not fit (SWR swr.<region>.myhuaweicloud.com, CCR personal registry.baidubce.com, CCR enterprise the instance's public domain).",
      required: false,
      default: '',
    },
    'instance-id': {
      description: 'CCR enterprise instance id (ccr-xxxxxxxx). Leave empty for the CCR personal edition.',
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
    created: {
      description:
        'true when this run created the namespace, false otherwise (it existed, or dry-run / check-only).',
    },
    namespace: {
      description: 'The namespace name.',
    },
    'registry-path': {
      description: 'Where images of the namespace go: <registry host>/<namespace>.',
    },
    changes: {
      description:
        'JSON list of the changes made (or, in dry-run and check-only, that would be made), each {action, target, detail}.',
    },
  },
};
