// SWR retention policies for prune-tags' `mode: retention-policy`: one stored policy per repository.
import type { ApiClient } from '../../../core/http/types.ts';
import type { Markdown } from '../../../core/output/markdown.ts';
import type { PolicyResult, RetentionPolicy, RetentionSupport, TagRules } from '../../seam/tags.ts';
import { type RetentionTarget, retentionPolicyFor } from './retention-policy.ts';

/** One SWR retention policy, stored in each repository by apply. */
class SwrPolicyToStore implements RetentionPolicy {
  readonly settings: RetentionTarget['settings'];
  readonly description: Markdown;
  readonly notes: readonly string[];
  readonly #target: RetentionTarget;

  constructor(target: RetentionTarget) {
    this.#target = target;
    this.settings = target.settings;
    this.description = target.description;
    this.notes = target.notes;
  }

  /** The code that reads and stores policies (./retention-apply.ts) is loaded here, after the inputs. */
  async apply(api: ApiClient, namespace: string, repository: string, dryRun: boolean): Promise<PolicyResult> {
    const { applyRetention } = await import('./retention-apply.ts');
    return applyRetention(api, { namespace, repository, dryRun }, this.#target);
  }
}

export const swrRetention: RetentionSupport = {
  policyFor: (rules: TagRules) => new SwrPolicyToStore(retentionPolicyFor(rules)),
};
