// Generated from actions/sync-whitelist/action.yml by scripts/action-metadata.ts: do not edit.
import type { ActionMetadata } from '../../core/action/action-metadata.ts';

export const actionMetadata: ActionMetadata = {
  name: 'sync-whitelist',
  description:
    "Leases the runner's public IP on the Baidu Cloud CCR enterprise public-access allowlist for the length of a job (removed in a post step, safe for parallel jobs behind one IP), or keeps a declared allowlist in sync; only entries it marked as its own are ever removed. Can also open/close public access and declare VPC private links.",
  inputs: {
    provider: {
      description: 'Registry provider; only ccr (Baidu Cloud CCR enterprise) is supported.',
      required: false,
      default: 'ccr',
    },
    region: {
      description: 'Baidu Cloud region of the instance, e.g. bj, gz or su.',
      required: true,
    },
    'instance-id': {
      description: 'CCR enterprise instance id (ccr-xxxxxxxx).',
      required: true,
    },
    entries: {
      description:
        'Allowlist entries, one per line: an IPv4/IPv6 address or CIDR, optionally followed by `# description` (at most 64 characters, no parentheses), e.g. `203.0.113.0/24 # office`. Addresses are normalised (`1.2.3.4/32` is `1.2.3.4`; IPv4-mapped IPv6 becomes IPv4); host bits after the prefix and duplicates are errors. Lines starting with # are ignored.',
      required: false,
      default: '',
    },
    mode: {
      description:
        "add: add declared entries that are missing. sync: also remove entries this action added earlier that are no longer declared. remove: remove the declared entries (only those carrying this action's marker). sweep: remove this action's runner leases whose expiry has passed, and nothing else (for a schedule).",
      required: false,
      default: 'add',
    },
    'runner-ip': {
      description:
        "true: lease this runner's public egress IP for the job (detected through ip-lookup-url; the post step releases it). An IP address: lease that address instead of detecting one. false: no lease. With mode remove, the runner's address is removed instead. Empty: true in mode add when entries, private-links and public-access are not set (the usual job lease), else false.",
      required: false,
      default: '',
    },
    'ip-version': {
      description: 'Address family to detect: 4, 6 or any.',
      required: false,
      default: '4',
    },
    'ip-lookup-url': {
      description:
        'Lookup services asked in order until one answers with an address (plain text, JSON {"ip": …} or an ip= line), one per line or comma-separated; https only (plain http for loopback addresses). Empty: public services for the chosen ip-version (ipify, icanhazip, checkip.amazonaws.com).',
      required: false,
      default: '',
    },
    'ip-lookup-timeout': {
      description: 'Seconds allowed for each lookup (1-60).',
      required: false,
      default: '5',
    },
    'lease-duration': {
      description:
        'How long a runner lease lasts if the post step never runs (cancelled run, lost runner): a duration (w weeks, d days, h hours, m minutes), e.g. 6h, 90m, 1d12h (5m to 7d). Make it longer than the job. Expired leases are removed by mode sweep.',
      required: false,
      default: '6h',
    },
    owner: {
      description:
        "Name in the marker this action writes into descriptions, e.g. `(registry-actions run 1001-1)`. Entries carrying another owner's marker, or none, are never changed. Use different owners for independent workflows that manage the same instance.",
      required: false,
      default: 'registry-actions',
    },
    'allow-any': {
      description: 'Accept 0.0.0.0/0 and ::/0 in entries (the whole internet).',
      required: false,
      default: 'false',
    },
    'public-access': {
      description: 'open or close the public endpoint of the instance, or keep it as it is.',
      required: false,
      default: 'keep',
    },
    'restore-public-access': {
      description:
        'With public-access open or close: the post step puts public access back the way it was, if this job changed it.',
      required: false,
      default: 'false',
    },
    'private-links': {
      description:
        'VPC private links to create when missing, one per line: `<vpc id> <subnet id> [ip=auto|<IPv4 address>] [dns=true|false]` (defaults ip=auto, dns=true), e.g. `vpc-9070rw5u03rs sbn-qeimde0m7wyp`.',
      required: false,
      default: '',
    },
    'prune-private-links': {
      description: 'Delete private links that are not listed in private-links.',
      required: false,
      default: 'false',
    },
    'dry-run': {
      description: 'Show the plan in the log and job summary without changing anything.',
      required: false,
      default: 'false',
    },
    endpoint: {
      description: 'CCR API endpoint; default https://ccr.{region}.baidubce.com.',
      required: false,
      default: '',
    },
    'access-key-id': {
      description: 'Baidu access key id. Falls back to BCE_ACCESS_KEY_ID.',
      required: false,
      default: '',
    },
    'secret-access-key': {
      description: 'Baidu secret access key. Falls back to BCE_SECRET_ACCESS_KEY.',
      required: false,
      default: '',
    },
    'security-token': {
      description: 'STS session token of temporary credentials. Falls back to BCE_SESSION_TOKEN.',
      required: false,
      default: '',
    },
    auth: {
      description: 'How to authenticate; auto or aksk (CCR signs every call with AK/SK).',
      required: false,
      default: 'auto',
    },
  },
  outputs: {
    added: {
      description:
        'JSON list of addresses this run let in (new entries, including a new runner lease); empty in a dry run, whose summary lists what it would add.',
    },
    removed: {
      description: 'JSON list of addresses this run removed; empty in a dry run.',
    },
    entries: {
      description:
        'JSON list of the allowlist after the run ([{"ipAddr", "description"}]); planned, in a dry run.',
    },
    'runner-ip': {
      description: "The runner's address (detected or given), when runner-ip is set.",
    },
    'public-access': {
      description: 'Public access status after the run (opened or closed); unchanged in a dry run.',
    },
  },
};
