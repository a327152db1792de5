// keep-github and github-token: which GitHub sources to read, with which token, for which repository.
import type { InputReader } from '../../core/action/input-reader.ts';
import { InputError } from '../../core/errors/errors.ts';
import {
  GITHUB_SOURCES,
  type GithubSource,
  type RepositoryCoordinates,
  repositoryCoordinates,
} from '../../core/github/github-refs.ts';

export interface KeepGithubInputs {
  sources: GithubSource[];
  token: string;
  repository: RepositoryCoordinates;
  /** GITHUB_API_URL, e.g. https://api.github.com or https://ghe.example.com/api/v3. */
  apiUrl: string;
}

/** Undefined when keep-github is empty; otherwise every source checked and the token masked. */
export function readKeepGithub(reader: InputReader): KeepGithubInputs | undefined {
  const items = reader.list('keep-github').map((item) => item.toLowerCase());
  if (items.length === 0) return undefined;
  const wrong = items.find((item) => item !== 'all' && !GITHUB_SOURCES.includes(item as GithubSource));
  if (wrong !== undefined) {
    throw new InputError(
      'keep-github',
      `Input 'keep-github' takes ${GITHUB_SOURCES.join(', ')} or all, got "${wrong}".`,
    );
  }
  const sources = items.includes('all')
    ? [...GITHUB_SOURCES]
    : GITHUB_SOURCES.filter((s) => items.includes(s));
  const token = reader.secret('github-token', ['GITHUB_TOKEN']);
  if (!token) {
    throw new InputError(
      'github-token',
      "Input 'github-token' is empty: keep-github reads the repository's releases, deployments and pull " +
        'requests with it. Leave it at its default, the job token (github.token), or give a token that may read them.',
    );
  }
  const repositoryText = reader.environment('GITHUB_REPOSITORY') ?? '';
  const repository = repositoryCoordinates(repositoryText);
  if (!repository) {
    throw new InputError(
      'keep-github',
      `Input 'keep-github' needs GITHUB_REPOSITORY (owner/name, set by the runner), got "${repositoryText}".`,
    );
  }
  return {
    sources,
    token,
    repository,
    apiUrl: reader.environment('GITHUB_API_URL') ?? 'https://api.github.com',
  };
}
