// Generated from actions/login/action.yml by scripts/action-metadata.ts: do not edit.
import type { ActionMetadata } from '../../core/action/action-metadata.ts';

export const actionMetadata: ActionMetadata = {
  name: 'login',
  description:
    'Temporary docker login to Huawei Cloud SWR or Baidu Cloud CCR for the rest of the job, daemon-free (docker, buildx, podman, buildah, skopeo, crane, kaniko), isolated per job, removed again in the post step.',
  inputs: {
    registry: {
      description:
        "Registry host to log in to. An SWR host swr.<region>.myhuaweicloud.com, a CCR enterprise instance's domain ccr-<instance>-pub.cnc.<region>.baidubce.com (or -vpc for its VPC domain) or CCR personal's registry.baidubce.com says provider, region and instance itself, so those inputs can stay empty (given as well, they must agree with it). Any other host (a custom domain) needs provider and region. Host and optional port only. An SWR login secret for any other host is refused.",
      required: false,
      default: '',
    },
    registries: {
      description:
        "Several registry hosts to log in to in this step, one per line (or comma-separated), any mix of SWR regions and CCR instances (each host as in registry, recognized: it says its provider, region and instance). Each provider takes its credentials from its inputs or its vendor's environment variables; with both providers, give the keys as HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK and BCE_ACCESS_KEY_ID / BCE_SECRET_ACCESS_KEY. Not with registry, provider, region, instance-id or registry-access. The post step removes every login this step added.",
      required: false,
      default: '',
    },
    provider: {
      description:
        'Registry provider: swr (Huawei Cloud SWR) or ccr (Baidu Cloud CCR). Empty: the one registry (or registries) names.',
      required: false,
      default: '',
    },
    region: {
      description:
        'Region of the registry, e.g. cn-north-4 (SWR) or bj (CCR enterprise). Empty: the one registry names. Not needed for CCR personal.',
      required: false,
      default: '',
    },
    'instance-id': {
      description:
        'CCR enterprise instance id (ccr-xxxxxxxx): the action gets a temporary password for it. Empty: the one registry names; leave it empty for the CCR personal edition (then set username and password).',
      required: false,
      default: '',
    },
    'registry-access': {
      description:
        'CCR enterprise only. Which instance domain to use when registry is empty: public or private (VPC). Empty: public.',
      required: false,
      default: '',
    },
    duration: {
      description:
        'CCR enterprise only. Lifetime of the temporary password, whole hours from 1 to 24: a number of hours or a duration (w weeks, d days, h hours, m minutes), e.g. 2, 2h, 1d. Empty: 2. It cannot be revoked, only expire, so keep it short; a warning appears when less than an hour is left.',
      required: false,
      default: '',
    },
    username: {
      description:
        'CCR only. Docker user name. Enterprise: optional, read from the user profile when empty. Personal: required.',
      required: false,
      default: '',
    },
    'user-id': {
      description:
        'CCR enterprise only. Baidu Cloud user id whose profile names the docker user (GET /v1/users/profile?userId=); needed when username is empty.',
      required: false,
      default: '',
    },
    password: {
      description:
        'CCR personal edition only: the registry password (a long-lived credential; pass it from a secret).',
      required: false,
      default: '',
    },
    logout: {
      description:
        'Remove the login in the post step at the end of the job (restoring any login it replaced).',
      required: false,
      default: 'true',
    },
    'output-password': {
      description: 'Also set the password output (masked in logs). Off by default.',
      required: false,
      default: 'false',
    },
    endpoint: {
      description:
        "API endpoint override (private endpoints, other partitions, tests). With registries, every registry's API calls go to it.",
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
    registry: {
      description: 'The registry host logged in to (use it in image references).',
    },
    username: {
      description: 'The docker user name (not secret).',
    },
    'docker-config': {
      description:
        'The DOCKER_CONFIG directory holding config.json with the login (also exported to later steps).',
    },
    'expires-at': {
      description: 'When the login stops working (ISO 8601), empty for long-lived CCR personal logins.',
    },
    logins: {
      description:
        "JSON list of every login this step wrote, in order: {registry, username, expires-at} (expires-at empty for a long-lived login). registry, username and expires-at hold the first one's.",
    },
    password: {
      description: 'The registry password, only with output-password true (masked in logs).',
    },
  },
};
