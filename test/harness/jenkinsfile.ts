// A Jenkinsfile's shell steps run as a Jenkins agent runs them, without Jenkins: the declarative
// pipeline's `environment` (credentials('id') bound to the secret text the test gives), then each
// `sh '…'` of `stages` in order with `sh -xe` in the workspace until one fails, then the `sh` steps of
// `post { always { … } }`, which run whatever the stages did. Only what the examples use is understood
// (single-quoted `sh` and environment values); anything else is refused rather than skipped.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Jenkinsfile {
  /** `environment { NAME = 'value' }`; a credential as `{ credential: id }`. */
  environment: Record<string, string | { credential: string }>;
  /** The `sh` scripts of `stages`, in order. */
  stages: string[];
  /** The `sh` scripts of `post { always { … } }`. */
  postAlways: string[];
}

const SINGLE_QUOTED = "'([^'\\\\]*)'";

/** Reads the declarative pipeline; throws on a line it does not understand inside the blocks it reads. */
export function parseJenkinsfile(path: string): Jenkinsfile {
  const parsed: Jenkinsfile = { environment: {}, stages: [], postAlways: [] };
  const blocks: string[] = [];
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('//')) continue;
    const opened = line.match(/^(\w+)(?:\s*\(.*\))?\s*\{$/);
    if (opened) {
      blocks.push(opened[1]!);
      continue;
    }
    if (line === '}') {
      blocks.pop();
      continue;
    }
    const inside = blocks.join(' ');
    if (inside === 'pipeline environment') {
      const value = line.match(new RegExp(`^(\\w+)\\s*=\\s*${SINGLE_QUOTED}$`));
      const credential = line.match(new RegExp(`^(\\w+)\\s*=\\s*credentials\\(${SINGLE_QUOTED}\\)$`));
      if (value) parsed.environment[value[1]!] = value[2]!;
      else if (credential) parsed.environment[credential[1]!] = { credential: credential[2]! };
      else throw new Error(`environment line not understood: ${line}`);
      continue;
    }
    const sh = line.match(new RegExp(`^sh\\s+${SINGLE_QUOTED}$`));
    if (inside === 'pipeline stages stage steps') {
      if (!sh) throw new Error(`step not understood: ${line}`);
      parsed.stages.push(sh[1]!);
    } else if (inside === 'pipeline post always') {
      if (!sh) throw new Error(`post step not understood: ${line}`);
      parsed.postAlways.push(sh[1]!);
    } else if (sh) {
      throw new Error(`sh step outside stages and post { always }: ${line}`);
    }
  }
  if (blocks.length > 0) throw new Error(`unclosed blocks: ${blocks.join(' ')}`);
  return parsed;
}

export interface ShStep {
  script: string;
  exitCode: number;
  /** stdout and stderr, as the console log shows them (with sh -x's `+ command` lines). */
  log: string;
}

export interface BuildRun {
  /** SUCCESS, or FAILURE when a stage step or a post step failed. */
  result: 'SUCCESS' | 'FAILURE';
  stages: ShStep[];
  postAlways: ShStep[];
  log: string;
}

export interface BuildOptions {
  workspace: string;
  /** The agent's environment (PATH, HOME, TMPDIR, proxy…). */
  agentEnv: Record<string, string>;
  /** Secret text of each credential id. */
  credentials: Record<string, string>;
  jobName: string;
  buildNumber: number;
}

/** Runs the build: stages until a step fails, then post { always }. */
export async function runBuild(file: Jenkinsfile, options: BuildOptions): Promise<BuildRun> {
  const env: Record<string, string> = {
    ...options.agentEnv,
    JENKINS_URL: 'http://127.0.0.1:8080/',
    JOB_NAME: options.jobName,
    BUILD_NUMBER: String(options.buildNumber),
    BUILD_ID: String(options.buildNumber),
    BUILD_TAG: `jenkins-${options.jobName}-${options.buildNumber}`,
    WORKSPACE: options.workspace,
  };
  for (const [name, value] of Object.entries(file.environment)) {
    if (typeof value === 'string') {
      env[name] = value;
      continue;
    }
    const secret = options.credentials[value.credential];
    if (secret === undefined) throw new Error(`no credential '${value.credential}'`);
    env[name] = secret;
  }
  // Asynchronous: the stand-ins the steps call (emulator, registry proxy) may live in this process.
  const run = (script: string): Promise<ShStep> =>
    new Promise((resolve, reject) => {
      const child = spawn('sh', ['-xe', '-c', script], { cwd: options.workspace, env, timeout: 120_000 });
      let log = '';
      const collect = (chunk: Buffer) => {
        log += chunk.toString();
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.on('error', reject);
      child.on('close', (code) => resolve({ script, exitCode: code ?? 1, log }));
    });
  const stages: ShStep[] = [];
  for (const script of file.stages) {
    const step = await run(script);
    stages.push(step);
    if (step.exitCode !== 0) break;
  }
  const postAlways: ShStep[] = [];
  for (const script of file.postAlways) {
    const step = await run(script);
    postAlways.push(step);
    if (step.exitCode !== 0) break;
  }
  const failed = [...stages, ...postAlways].some((step) => step.exitCode !== 0);
  return {
    result: failed ? 'FAILURE' : 'SUCCESS',
    stages,
    postAlways,
    log: [...stages, ...postAlways].map((step) => step.log).join(''),
  };
}
