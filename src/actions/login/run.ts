// login main step: credential from the provider, into the job's Docker config, outputs and summary.
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { addDockerLogin } from '../../core/docker/docker-login.ts';
import { type LoginInputs, readLoginInputs } from './inputs.ts';
import { obtainLogin } from './obtain-login.ts';
import { expiryWarning, formatRemaining, type RegistryLogin } from './plan.ts';
import { keptLoginNote, saveLoginState } from './state.ts';

export interface LoginDependencies {
  now?: () => Date;
  env?: NodeJS.ProcessEnv;
}

/** The main step: log in, record what changed for post, report. */
export async function login(deps: LoginDependencies = {}): Promise<void> {
  const now = deps.now ?? (() => new Date());
  const env = deps.env ?? process.env;
  const inputs = readLoginInputs();
  const credential = await obtainLogin(inputs.target, now);
  const { record, notes } = await addDockerLogin(credential, {
    env,
    homeDir: homedir(),
    backupDir: env.RUNNER_TEMP?.trim() || tmpdir(),
  });
  // Saved before anything else can fail, so post always knows what to undo.
  saveLoginState({ registry: credential.registry, logout: inputs.logout, record });
  if (record.exportDockerConfig) core.exportVariable('DOCKER_CONFIG', record.configDir);
  for (const note of notes) core.info(note);
  setOutputs(inputs, credential, record.configDir);
  report(inputs, credential, record.configDir, env, now());
  await writeSummary(inputs, credential, record.configDir);
}

function setOutputs(inputs: LoginInputs, credential: RegistryLogin, configDir: string): void {
  core.setOutput('registry', credential.registry);
  core.setOutput('username', credential.username);
  core.setOutput('docker-config', configDir);
  core.setOutput('expires-at', credential.expiresAt?.toISOString() ?? '');
  if (inputs.outputPassword) core.setOutput('password', credential.password);
}

function report(
  inputs: LoginInputs,
  credential: RegistryLogin,
  configDir: string,
  env: NodeJS.ProcessEnv,
  now: Date,
): void {
  core.info(
    `Logged in to ${credential.registry} as ${credential.username}. Later steps of this job read the ` +
      `login from ${join(configDir, 'config.json')} (DOCKER_CONFIG).`,
  );
  if (credential.expiresAt) {
    core.info(
      `The login expires at ${credential.expiresAt.toISOString()} (in ${formatRemaining(credential.expiresAt, now)}, ` +
        `from ${credential.expirySource}).`,
    );
  }
  const hint =
    inputs.target.kind === 'ccr-enterprise'
      ? 'Raise duration if later steps need the registry longer.'
      : 'Log in again before the steps that need it.';
  const warning = expiryWarning(credential, now, hint);
  if (warning) core.warning(warning);
  if (inputs.target.kind === 'ccr-personal') {
    core.info(
      'CCR personal edition has no temporary credentials: this is a long-lived login that works until the ' +
        'password is changed. The post step removes it from the runner.',
    );
  }
  if (!inputs.logout) {
    core.notice(`logout is false: ${keptLoginNote(credential.registry, configDir, env.RUNNER_TEMP?.trim())}`);
  }
}

async function writeSummary(
  inputs: LoginInputs,
  credential: RegistryLogin,
  configDir: string,
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary
    .addHeading('Registry login', 3)
    .addTable([
      [
        { data: 'registry', header: true },
        { data: 'user', header: true },
        { data: 'expires at', header: true },
        { data: 'DOCKER_CONFIG', header: true },
        { data: 'logout at job end', header: true },
      ],
      [
        credential.registry,
        credential.username,
        credential.expiresAt?.toISOString() ?? 'long-lived',
        configDir,
        inputs.logout ? 'yes' : 'no',
      ],
    ])
    .write();
}
