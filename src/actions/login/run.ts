// login main step: credential from the provider, into the job's Docker config, outputs and summary.
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendJobSummary } from '../../core/action/job-summary.ts';
import { exportJobVariable, setStepOutput } from '../../core/action/step-outputs.ts';
import { addDockerLogin } from '../../core/docker/docker-login.ts';
import { logInfo, logNotice, logWarning } from '../../core/output/log.ts';
import { codeCell, Markdown, md } from '../../core/output/markdown.ts';
import { shown } from '../../core/output/shown.ts';
import type { ProviderTable } from '../../providers/index.ts';
import type { RegistryLogin } from '../../providers/seam/login.ts';
import { type LoginInputs, readLoginInputs } from './inputs.ts';
import { expiryWarning, formatRemaining } from './plan.ts';
import { keptLoginNote, saveLoginState } from './state.ts';

export interface LoginDependencies {
  now?: () => Date;
  env?: NodeJS.ProcessEnv;
  /** The providers the `provider` input chooses from (default: the shipped ones). */
  providers?: ProviderTable;
}

/** The main step: log in, record what changed for post, report. */
export async function login(deps: LoginDependencies = {}): Promise<void> {
  const now = deps.now ?? (() => new Date());
  const env = deps.env ?? process.env;
  const inputs = readLoginInputs(undefined, deps.providers);
  const credential = await inputs.target.obtain(now);
  const { record, notes } = await addDockerLogin(credential, {
    env,
    homeDir: homedir(),
    backupDir: env.RUNNER_TEMP?.trim() || tmpdir(),
  });
  // Saved before anything else can fail, so post always knows what to undo.
  saveLoginState({ registry: credential.registry, logout: inputs.logout, record });
  if (record.exportDockerConfig) exportJobVariable('DOCKER_CONFIG', record.configDir);
  for (const note of notes) logInfo(shown`${note}`);
  setOutputs(inputs, credential, record.configDir);
  report(inputs, credential, record.configDir, env, now());
  await writeSummary(inputs, credential, record.configDir);
}

function setOutputs(inputs: LoginInputs, credential: RegistryLogin, configDir: string): void {
  setStepOutput('registry', credential.registry);
  setStepOutput('username', credential.username);
  setStepOutput('docker-config', configDir);
  setStepOutput('expires-at', credential.expiresAt?.toISOString() ?? '');
  if (inputs.outputPassword) setStepOutput('password', credential.password);
}

function report(
  inputs: LoginInputs,
  credential: RegistryLogin,
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
  const warning = expiryWarning(credential, now, inputs.target.renewHint);
  if (warning) logWarning(shown`${warning}`);
  for (const note of inputs.target.notes) logInfo(shown`${note}`);
  if (!inputs.logout) {
    logNotice(
      shown`logout is false: ${keptLoginNote(credential.registry, configDir, env.RUNNER_TEMP?.trim())}`,
    );
  }
}

async function writeSummary(
  inputs: LoginInputs,
  credential: RegistryLogin,
  configDir: string,
): Promise<void> {
  const expires = credential.expiresAt?.toISOString() ?? 'long-lived';
  await appendJobSummary(
    Markdown.join(
      [
        md`### Registry login`,
        md``,
        md`| registry | user | expires at | DOCKER_CONFIG | logout at job end |`,
        md`|---|---|---|---|---|`,
        md`| ${codeCell(credential.registry)} | ${codeCell(credential.username)} | ${expires} | ${codeCell(configDir)} | ${inputs.logout ? 'yes' : 'no'} |`,
        md``,
      ],
      '\n',
    ),
  );
}
