// login main step: credentials from each provider, into the job's Docker config, outputs and summary.
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendJobSummary } from '../../core/action/job-summary.ts';
import { exportJobVariable, setStepOutput } from '../../core/action/step-outputs.ts';
import { addDockerLogin } from '../../core/docker/docker-login.ts';
import { stepHost } from '../../core/host/step-host.ts';
import { logInfo, logNotice, logWarning } from '../../core/output/log.ts';
import { codeCell, Markdown, md, summaryHeading } from '../../core/output/markdown.ts';
import { shown } from '../../core/output/shown.ts';
import { mapInOrder, type NonEmpty } from '../../core/types/non-empty.ts';
import type { ProviderTable } from '../../providers/index.ts';
import type { LoginTarget, RegistryLogin } from '../../providers/seam/login.ts';
import { type LoginInputs, readLoginInputs } from './inputs.ts';
import { expiryWarning, formatRemaining } from './plan.ts';
import { emptiedJobDir, keptLoginNote, type SavedLogin, saveLoginState } from './state.ts';

export interface LoginDependencies {
  now?: () => Date;
  env?: NodeJS.ProcessEnv;
  /** The providers the `provider` input chooses from (default: the shipped ones). */
  providers?: ProviderTable;
}

/** One target's login, as obtained. */
interface Obtained {
  target: LoginTarget;
  credential: RegistryLogin;
}

/**
 * The main step: every login is obtained before the first is written (a failing registry leaves the
 * config as it was), then each is written and recorded for post, then reported.
 */
export async function login(
  deps: LoginDependencies = {},
  inputs: LoginInputs = readLoginInputs(undefined, deps.providers),
): Promise<void> {
  const now = deps.now ?? (() => new Date());
  const env = deps.env ?? process.env;
  const obtained = await mapInOrder(inputs.targets, async (target) => ({
    target,
    credential: await target.obtain(now),
  }));
  const configDir = await writeLogins(inputs, obtained, env);
  setOutputs(inputs, obtained, configDir);
  for (const entry of obtained) report(inputs, entry, configDir, env, now());
  await appendJobSummary(summaryMarkdown(inputs, obtained, configDir));
}

/** Writes each login into the first one's Docker config, recording each for post; returns that config's folder. */
async function writeLogins(
  inputs: LoginInputs,
  [first, ...others]: NonEmpty<Obtained>,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const saved: SavedLogin[] = [];
  const jobTempDir = stepHost().job.tempDir(env);
  const write = async ({ credential }: Obtained, loginEnv: NodeJS.ProcessEnv): Promise<string> => {
    const { record, notes } = await addDockerLogin(credential, {
      env: loginEnv,
      homeDir: homedir(),
      jobTempDir,
      backupDir: jobTempDir ?? tmpdir(),
    });
    // Saved before anything else can fail, so post always knows what to undo.
    saved.push({ registry: credential.registry, record });
    saveLoginState({ logins: saved, logout: inputs.logout });
    if (record.exportDockerConfig) exportJobVariable('DOCKER_CONFIG', record.configDir);
    for (const note of notes) logInfo(shown`${note}`);
    return record.configDir;
  };
  const configDir = await write(first, env);
  // The other registries go into the same config.
  for (const entry of others) await write(entry, { ...env, DOCKER_CONFIG: configDir });
  return configDir;
}

function setOutputs(inputs: LoginInputs, obtained: NonEmpty<Obtained>, configDir: string): void {
  const first = obtained[0].credential;
  setStepOutput('registry', first.registry);
  setStepOutput('username', first.username);
  setStepOutput('docker-config', configDir);
  setStepOutput('expires-at', first.expiresAt?.toISOString() ?? '');
  setStepOutput(
    'logins',
    JSON.stringify(
      obtained.map(({ credential }) => ({
        registry: credential.registry,
        username: credential.username,
        'expires-at': credential.expiresAt?.toISOString() ?? '',
      })),
    ),
  );
  if (inputs.outputPassword) setStepOutput('password', first.password);
}

function report(
  inputs: LoginInputs,
  { target, credential }: Obtained,
  configDir: string,
  env: NodeJS.ProcessEnv,
  now: Date,
): void {
  logInfo(
    shown`${
      `Logged in to ${credential.registry} as ${credential.username}. Later steps of this job read the ` +
      `login from ${join(configDir, 'config.json')} (DOCKER_CONFIG).`
    }`,
  );
  if (credential.expiresAt) {
    logInfo(
      shown`${
        `The login expires at ${credential.expiresAt.toISOString()} (in ${formatRemaining(credential.expiresAt, now)}, ` +
        `from ${credential.expirySource}).`
      }`,
    );
  }
  const warning = expiryWarning(credential, now, target.renewHint);
  if (warning) logWarning(shown`${warning}`);
  for (const note of target.notes) logInfo(shown`${note}`);
  if (!inputs.logout) {
    logNotice(shown`logout is false: ${keptLoginNote(credential.registry, configDir, emptiedJobDir(env))}`);
  }
}

/** The job summary, in the style every action shares: `## login: <registry>` and one row per registry. */
function summaryMarkdown(inputs: LoginInputs, obtained: NonEmpty<Obtained>, configDir: string): Markdown {
  const subject = obtained.length === 1 ? obtained[0].credential.registry : `${obtained.length} registries`;
  const rows = obtained.map(({ credential }) => {
    const expires = credential.expiresAt?.toISOString() ?? 'long-lived';
    return md`| ${codeCell(credential.registry)} | ${codeCell(credential.username)} | ${expires} |`;
  });
  return Markdown.join(
    [
      summaryHeading('login', subject),
      md``,
      md`Later steps of this job read the logins from ${codeCell(configDir)} (DOCKER_CONFIG); ${
        inputs.logout ? 'the post step removes them at the end of the job' : 'logout is false: they are kept'
      }.`,
      md``,
      md`| registry | user | expires at |`,
      md`|---|---|---|`,
      ...rows,
      md``,
    ],
    '\n',
  );
}
