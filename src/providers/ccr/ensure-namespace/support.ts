// ensure-namespace on CCR: an enterprise project (instance-id set) or a personal namespace. The declaration
// is read here, with the inputs; the session that reads and changes the namespace (./session.ts) is loaded
// once they are valid.
import type { InputReader } from '../../../core/action/input-reader.ts';
import { InputError } from '../../../core/errors/errors.ts';
import type { ApiClient } from '../../../core/http/types.ts';
import type { ConnectOptions } from '../../seam/connection.ts';
import type {
  NamespaceCommon,
  NamespaceSession,
  NamespaceSupport,
  NamespaceTarget,
} from '../../seam/namespaces.ts';
import { type CcrConnection, connectCcrWhenNeeded, readCcrConnection } from '../connection.ts';
import { ccrNamespaceProblems } from '../name-rules.ts';
import type { CcrNamespaceWish } from './plan.ts';

/** A CCR namespace to ensure, as read from the inputs. */
class CcrNamespaceTarget implements NamespaceTarget {
  readonly connection: CcrConnection;
  /** `public`: the namespace's visibility; undefined = private on create, not compared afterwards. */
  readonly isPublic: boolean | undefined;
  readonly #namespace: string;
  readonly #wish: CcrNamespaceWish;

  constructor(connection: CcrConnection, isPublic: boolean | undefined, common: NamespaceCommon) {
    this.connection = connection;
    this.isPublic = isPublic;
    this.#namespace = common.namespace;
    this.#wish = { state: common.state, isPublic, force: common.force };
  }

  connect(options?: ConnectOptions): Promise<ApiClient> {
    return connectCcrWhenNeeded(this.connection, options);
  }

  async open(api: ApiClient): Promise<NamespaceSession> {
    const { ccrSession } = await import('./session.ts');
    return ccrSession(api, this.connection, this.#namespace, this.#wish);
  }
}

export const ccrNamespaces: NamespaceSupport = {
  nameKind: 'a CCR namespace name',
  nameProblems: ccrNamespaceProblems,
  inputs: ['public'],
  declaredInputs: (reader) => (readPublic(reader) === undefined ? [] : ['public']),
  read(reader: InputReader, common: NamespaceCommon): CcrNamespaceTarget {
    const connection = readCcrConnection(reader);
    const isPublic = readPublic(reader);
    if (common.state === 'absent' && connection.instanceId !== undefined) {
      throw new InputError(
        ['state', 'instance-id'],
        "Input 'state' is absent, which is supported for SWR and CCR personal namespaces only (no 'instance-id'); " +
          'delete CCR enterprise namespaces in the console.',
      );
    }
    return new CcrNamespaceTarget(connection, isPublic, common);
  },
};

function readPublic(reader: InputReader): boolean | undefined {
  return reader.optional('public') === undefined ? undefined : reader.boolean('public', { default: false });
}
