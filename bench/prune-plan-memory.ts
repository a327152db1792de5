// Child process of bench/prune.ts: reads N tags as the action does (SWR list pages parsed from JSON and
// converted page by page), plans them, renders outputs and summary, and prints its peak RSS.
// `node prune-plan-memory.js N [read-only]` (bundled by bench/prune.ts, as dist/ is); read-only stops
// before planning, to show what planning itself adds.

import { pruneOutputs } from '../src/actions/prune-tags/outcome.ts';
import { type PruneRules, planPrune } from '../src/actions/prune-tags/plan.ts';
import { summaryMarkdown } from '../src/actions/prune-tags/summary.ts';
import { compileTagPatterns } from '../src/actions/prune-tags/tag-patterns.ts';
import type { TagInfo } from '../src/providers/seam/tag-info.ts';
import { fromSwrTag } from '../src/providers/swr/prune-tags/tag-registry.ts';
import type { SwrTag } from '../src/providers/swr/tags.ts';

const count = Number(process.argv[2] ?? 100_000);
const start = new Date('2026-01-01T00:00:00Z');
const HOUR = 3_600_000;

// Every 50th tag is a manifest list holding the next image; every 10th re-tags the image before it.
const hex = (n: number) => `sha256:${n.toString(16).padStart(64, '0')}`;
const digestOf = (i: number) => hex(i % 10 === 0 ? i - 1 : i);
const nameOf = (i: number) => (i % 1000 === 0 ? `v${i / 1000}.0.0` : `build-${i}`);
const timeOf = (i: number) => new Date(start.getTime() - i * HOUR).toISOString();

/** SWR's record of tag i, with every field the API returns (spec table 4-35). */
function recordAt(i: number): SwrTag {
  const digest = digestOf(i);
  const isList = i % 50 === 0;
  return {
    id: i,
    repo_id: 1,
    Tag: nameOf(i),
    image_id: digest.slice(7),
    manifest: isList
      ? JSON.stringify({
          manifests: [{ digest: hex(i + 1), platform: { architecture: 'amd64', os: 'linux' } }],
        })
      : JSON.stringify({ schemaVersion: 2, config: { digest }, layers: [{ digest, size: 1000 }] }),
    digest,
    schema: 2,
    path: `swr.example.com/team/big:${nameOf(i)}`,
    internal_path: `10.0.0.1:20202/team/big:${nameOf(i)}`,
    size: 1_000_000 + i,
    is_trusted: false,
    created: timeOf(i),
    updated: timeOf(i),
    deleted: null,
    domain_id: '0503dda878000fed0f75c0096d70a960',
    tag_type: isList ? 1 : 0,
  };
}

// Each page goes through JSON text and JSON.parse, as an API response does, then is shrunk at once.
const tags: TagInfo[] = [];
for (let from = 0; from < count; from += 100) {
  const indexes = Array.from({ length: Math.min(100, count - from) }, (_, k) => from + k);
  const body = JSON.stringify(indexes.map(recordAt));
  tags.push(...(JSON.parse(body) as SwrTag[]).map(fromSwrTag));
}

if (process.argv[3] === 'read-only') {
  console.log(JSON.stringify({ tags: tags.length, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const rules: PruneRules = {
  include: [],
  exclude: [],
  keep: compileTagPatterns('keep', ['^latest$'], 'regex'),
  keepLast: 10,
  olderThan: { ms: 30 * 24 * HOUR, text: '30d' },
  keepSemver: 2,
};
const plans = [{ repository: 'big', plan: planPrune(tags, rules, start) }];
const outputs = pruneOutputs(plans, []);
const summary = summaryMarkdown({
  namespace: 'team',
  plans,
  results: [],
  status: 'Dry run.',
  dryRun: true,
  rules: [],
  notes: [],
});
console.log(
  JSON.stringify({
    tags: tags.length,
    planned: Number(outputs['planned-count']),
    summaryBytes: summary.text.length,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
