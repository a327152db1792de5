// keep-github at run time: read what GitHub points at before listing the registry, and turn it into the
// planner's keep rule. A source the token may not read is skipped with a notice naming the permission.
import {
  type GithubSource,
  githubClient,
  readGithubRefs,
  SOURCE_PERMISSION,
  type SourceRefs,
} from '../../core/github/github-refs.ts';
import { logInfo, logNotice } from '../../core/output/log.ts';
import { shown } from '../../core/output/shown.ts';
import { type NamedTagKeeper, namedTagKeeper } from './github-keep.ts';
import type { KeepGithubInputs } from './keep-github-inputs.ts';

export interface GithubKeep {
  keeper: NamedTagKeeper;
  /** One notice per skipped source, also shown in the summary. */
  notes: string[];
}

/** Reads the sources and logs what each gave; throws on any failure other than a refusal. */
export async function readGithubKeep(inputs: KeepGithubInputs): Promise<GithubKeep> {
  const octokit = await githubClient(inputs.token, inputs.apiUrl);
  const results = await readGithubRefs(octokit, inputs.repository, inputs.sources);
  const { owner, repo } = inputs.repository;
  const notes: string[] = [];
  for (const result of results) {
    if ('skipped' in result) {
      const note =
        `keep-github: skipped ${result.source} of ${owner}/${repo}: the token may not read them ` +
        `(${result.skipped}), so tags named only by them are not kept this run. Give the job ` +
        `permissions: ${SOURCE_PERMISSION[result.source]}, or pass a github-token that may.`;
      logNotice(shown`${note}`);
      notes.push(note);
    } else {
      logInfo(shown`keep-github: ${describe(result)} of ${owner}/${repo}.`);
    }
  }
  const refs = results.flatMap((result) => ('refs' in result ? result.refs : []));
  return { keeper: namedTagKeeper(refs), notes };
}

const NOUNS: Record<GithubSource, [string, string]> = {
  releases: ['release', 'releases'],
  deployments: ['live deployment', 'live deployments'],
  'pull-requests': ['open pull request', 'open pull requests'],
};

function describe(result: Extract<SourceRefs, { refs: unknown }>): string {
  // Releases name one tag each; deployments and pull requests one commit each (plus names).
  const count =
    result.source === 'releases' ? result.refs.length : result.refs.filter((ref) => 'sha' in ref).length;
  const [one, many] = NOUNS[result.source];
  return `${count} ${count === 1 ? one : many}`;
}
