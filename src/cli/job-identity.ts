// Which job the CLI runs in, from the CI system's own variables: GitLab CI (CI_JOB_ID), Jenkins
// (BUILD_TAG, BUILD_NUMBER), or a plain shell. Pure: the environment is a parameter.

export interface JobIdentity {
  /** Part of the default state file name: the same in a job's main and post (after_script, post {}). */
  key: string;
  /** This run in allowlist markers: letters, digits, `.`, `_`, `-`, starting with a letter or digit. */
  runId: string;
  /** How an allowlist lease entry names the machine. */
  runnerName: string;
}

/** Letters, digits, `.`, `_` and `-` kept; anything else becomes `_`; at most 64 characters. */
function token(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 64);
}

/** The job the CLI runs in. */
export function jobIdentity(env: NodeJS.ProcessEnv, pid: number = process.pid): JobIdentity {
  const gitlabJob = env.CI_JOB_ID?.trim();
  if (gitlabJob) {
    return {
      key: `gitlab-${token(gitlabJob)}`,
      runId: `gitlab-${token(gitlabJob)}`,
      runnerName: 'GitLab CI job',
    };
  }
  const buildTag = env.BUILD_TAG?.trim();
  if (buildTag) {
    const build = token(env.BUILD_NUMBER?.trim() || buildTag);
    return { key: token(buildTag), runId: `jenkins-${build}`, runnerName: 'Jenkins build' };
  }
  return { key: 'shell', runId: `shell-${pid}`, runnerName: 'registry-actions CLI' };
}
