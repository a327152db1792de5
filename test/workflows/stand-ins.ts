// The stand-ins the shipped workflows run with. Third-party actions and steps that need the internet or a
// Docker daemon are replaced; everything else (our actions, other `run:` steps) runs for real.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Emulator } from '../emulator/index.ts';
import { repoRoot } from '../harness/action-definition.ts';
import type { StandIn, StandInCall, StandIns } from '../harness/stand-ins.ts';
import { buildOciImage } from '../support/local-registry.ts';
import { recordPush } from './record-push.ts';

const execFileAsync = promisify(execFile);

/** actions/checkout: the job's workspace holds this repository's files (links to this checkout). */
export const checkout: StandIn = {
  does: "links this checkout's files into the job's workspace",
  run({ job }) {
    for (const entry of readdirSync(repoRoot)) {
      if (entry === '.git' || existsSync(join(job.workspace, entry))) continue;
      symlinkSync(join(repoRoot, entry), join(job.workspace, entry));
    }
    return { outputs: { ref: 'refs/heads/main', commit: '3f786850e387550fdab836ed7e6dc881de23001b' } };
  },
};

/** actions/setup-node: Node 24 is already the one the tests run on. */
export const setupNode: StandIn = {
  does: 'nothing: the Node 24 the tests run on is first on PATH',
  run: () => ({ outputs: { 'node-version': process.version } }),
};

/** docker/setup-buildx-action: nothing to set up without a Docker daemon. */
export const setupBuildx: StandIn = {
  does: 'nothing: the build-push stand-in needs no builder',
  run: () => ({ outputs: { name: 'harness-builder', driver: 'docker-container', platforms: 'linux/amd64' } }),
};

/**
 * docker/build-push-action: builds a one-layer image from plain files and pushes each tag with skopeo,
 * authenticated by the job's docker config (DOCKER_CONFIG), through the test internet to docker-registry;
 * then the registry's API shows the tag, as SWR and CCR do after a push (a push into a namespace that does
 * not exist is refused, as both registries refuse it).
 */
export function buildPush(emu: Emulator): StandIn {
  return {
    does: 'builds a one-layer OCI image and pushes each tag with skopeo (job docker config) to docker-registry',
    async run(call) {
      if (call.with.push !== 'true') return { log: 'push is not true: built only' };
      const refs = call.with
        .tags!.split(/[\n,]/)
        .map((ref) => ref.trim())
        .filter(Boolean);
      const image = buildOciImage(`built by ${call.env.GITHUB_WORKFLOW} ${call.env.GITHUB_SHA}\n`);
      const log: string[] = [];
      for (const ref of refs) {
        const refused = recordPush(emu, ref, image.manifestDigest, image.size);
        if (refused) return { exitCode: 1, log: `${log.join('\n')}\nERROR: ${refused}` };
        // Digests preserved: the listing then names the manifest the registry holds.
        const pushed = await skopeo(
          ['copy', '--preserve-digests', `oci:${image.layout}:v1`, `docker://${ref}`],
          call,
        );
        log.push(pushed.output);
        if (pushed.code !== 0) return { exitCode: 1, log: log.join('\n') };
      }
      return {
        log: log.join('\n'),
        outputs: { digest: image.manifestDigest, imageid: image.configDigest, metadata: '{}' },
      };
    },
  };
}

/** Runs skopeo in the step's environment (proxy, CA, DOCKER_CONFIG) with a HOME in the job directory. */
export async function skopeo(
  args: readonly string[],
  call: StandInCall,
): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await execFileAsync('skopeo', ['--insecure-policy', ...args], {
      env: { HOME: join(call.job.dir, 'home'), ...call.env },
    });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : 1,
      output: `${failed.stdout}${failed.stderr}`,
    };
  }
}

/** The stand-ins every shipped workflow may use, against one emulator. */
export function shippedStandIns(emu: Emulator): StandIns {
  return {
    actions: {
      'actions/checkout': checkout,
      'actions/setup-node': setupNode,
      'docker/setup-buildx-action': setupBuildx,
      'docker/build-push-action': buildPush(emu),
    },
    runSteps: {
      'bash .ci/run': {
        does: 'nothing: this test suite is part of the .ci/run that is running it',
        run: () => ({ log: 'the running .ci/run stands in for itself' }),
      },
      'npm ci': {
        does: "nothing: the checkout's node_modules were installed by npm ci before the tests",
        run: () => ({ log: 'node_modules present' }),
      },
    },
  };
}
