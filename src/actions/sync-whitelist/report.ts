// Pure text for the log, the outputs and the job summary.
import { parseNetwork } from '../../core/net/ip-network.ts';
import { code, codeCell, Markdown, md, summaryHeading } from '../../core/output/markdown.ts';
import type { PublicAccessAction, WhitelistItem } from '../../providers/seam/allowlist.ts';
import type { WhitelistChange } from './plan.ts';
import { type PrivateLinkChange, privateLinkName } from './plan-private-links.ts';

export interface RunReport {
  instanceId: string;
  mode: string;
  dryRun: boolean;
  runnerIp?: string;
  publicAccess: { before: string; action?: PublicAccessAction };
  changes: WhitelistChange[];
  /** The runner lease: what happened to it, in one sentence. */
  lease?: { address: string; held: boolean; outcome: string };
  privateLinks: PrivateLinkChange[];
  /** The allowlist after the run (planned, in a dry run). */
  entries: WhitelistItem[];
  added: string[];
  removed: string[];
}

const VERBS = { add: 'add', delete: 'delete', replace: 'rewrite', keep: 'keep', skip: 'skip' } as const;

/** One log line per decision: `add 203.0.113.0/24 "office (…)": declared, missing`. */
export function changeLine(change: WhitelistChange): string {
  if (change.kind === 'skip') return `${VERBS.skip} ${change.ipAddr}: ${change.reason}`;
  return `${VERBS[change.kind]} ${change.item.ipAddr} "${change.item.description}": ${change.reason}`;
}

/** `added` / `removed`: addresses this run lets in or shuts out (normalised), from the changes and lease. */
export function addressesChanged(
  changes: readonly WhitelistChange[],
  lease: { address: string; created: boolean; deleted: boolean } | undefined,
): { added: string[]; removed: string[] } {
  const normal = (ipAddr: string) => {
    const parsed = parseNetwork(ipAddr, { rejectHostBits: false });
    return parsed.ok ? parsed.network.text : ipAddr;
  };
  const added = changes.filter((c) => c.kind === 'add').map((c) => normal(c.item.ipAddr));
  const removed = changes.filter((c) => c.kind === 'delete').map((c) => normal(c.item.ipAddr));
  if (lease?.created) added.push(lease.address);
  if (lease?.deleted) removed.push(lease.address);
  return { added: [...new Set(added)], removed: [...new Set(removed)] };
}

/** Markdown of the job summary; every address, description and reason in it is escaped. */
export function summaryMarkdown(report: RunReport): Markdown {
  const lines = [summaryHeading('sync-whitelist', report.instanceId), md``];
  lines.push(md`Mode ${code(report.mode)}${report.dryRun ? ' (dry run: nothing was changed)' : ''}.`, md``);
  lines.push(md`- Public access: ${publicAccessLine(report)}`);
  if (report.runnerIp) lines.push(md`- Runner address: ${code(report.runnerIp)}`);
  if (report.lease) lines.push(md`- Runner lease: ${report.lease.outcome}`);
  lines.push(
    report.dryRun
      ? md`- Would add: ${list(report.added)}; would remove: ${list(report.removed)}`
      : md`- Added: ${list(report.added)}; removed: ${list(report.removed)}`,
    md``,
  );
  const decisions = report.changes.filter((change) => change.kind !== 'keep' || report.changes.length <= 50);
  if (decisions.length > 0) {
    lines.push(md`| decision | address | description | reason |`, md`|---|---|---|---|`);
    for (const change of decisions) {
      const item = change.kind === 'skip' ? { ipAddr: change.ipAddr, description: '' } : change.item;
      lines.push(
        md`| ${VERBS[change.kind]} | ${codeCell(item.ipAddr)} | ${item.description} | ${change.reason} |`,
      );
    }
    lines.push(md``);
  }
  if (report.privateLinks.length > 0) {
    lines.push(md`| private link | decision | reason |`, md`|---|---|---|`);
    for (const change of report.privateLinks) {
      lines.push(md`| ${codeCell(privateLinkName(change.link))} | ${change.kind} | ${change.reason} |`);
    }
    lines.push(md``);
  }
  lines.push(md`<details><summary>Allowlist after the run (${report.entries.length})</summary>`, md``);
  lines.push(md`| address | description |`, md`|---|---|`);
  for (const entry of report.entries) lines.push(md`| ${codeCell(entry.ipAddr)} | ${entry.description} |`);
  lines.push(md``, md`</details>`, md``);
  return Markdown.join(lines, '\n');
}

/** `closed by this run (it was opened)`, `would be opened by this run (it is closed)` or `opened (unchanged)`. */
function publicAccessLine({ publicAccess, dryRun }: RunReport): string {
  const before = publicAccess.before || 'unknown';
  if (!publicAccess.action) return `${before} (unchanged)`;
  const after = publicAccess.action === 'open' ? 'opened' : 'closed';
  return dryRun
    ? `would be ${after} by this run (it is ${before})`
    : `${after} by this run (it was ${before})`;
}

function list(addresses: readonly string[]): Markdown {
  return addresses.length === 0
    ? md`none`
    : Markdown.join(
        addresses.map((address) => code(address)),
        ', ',
      );
}
