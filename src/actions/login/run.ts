// login main step: credential from the provider, into the job's Docker config, outputs and summary.
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendJobSummary } from '../../core/action/job-summary.ts';
import { exportJobVariable, setStepOutput } from '../../core/action/step-outputs.ts';
import { addDockerLogin } from '../../core/docker/docker-login.ts';
import { logInfo, logNotice, logWarning } from '../../core/output/log.ts';
import { codeCell, Markdown, md } from '../../core/output/markdown.ts';
import { shown } from '../../core/output/shown.ts';
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
  const hint =
    inputs.target.kind === 'ccr-enterprise'
      ? 'Raise duration if later steps need the registry longer.'
      : 'Log in again before the steps that need it.';
  const warning = expiryWarning(credential, now, hint);
  if (warning) logWarning(shown`${warning}`);
  if (inputs.target.kind === 'ccr-personal') {
    logInfo(
      shown`${
        'CCR personal edition has no temporary credentials: this is a long-lived login that works until the ' +
        'password is changed. The post step removes it from the runner.'
      }`,
    );
  }
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
