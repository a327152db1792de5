// A deterministic world for the lease loop: an in-memory allowlist with the API's semantics, and a
// scheduler that decides, one event at a time, when each request reaches the allowlist, when its answer
// reaches the job, and when a sleeping job wakes. Every request can be held back while others pass it,
// so any interleaving (a delete arriving after others rewrote the entry, a read answered late) can be
// played, and the jobs run the real runLease.
import { ApiError } from '../../../../src/core/errors/errors.ts';
import type { ApiClient, ApiRequest, ApiResponse } from '../../../../src/core/http/types.ts';
import type { WhitelistItem } from '../../../../src/providers/seam/allowlist.ts';
import {
  DEFAULT_WHITELIST_RULES,
  isRefusedHostForm,
  namesEntry,
  type WhitelistRules,
} from '../../../emulator/whitelist-rules.ts';

/** How a request fares: as asked, answered 500 without effect, or applied with the answer lost. */
export type RequestFate = 'ok' | 'error' | 'lost-answer';

interface Pending {
  label: string;
  run: () => void;
}

export class LeaseWorld {
  allowlist: WhitelistItem[] = [];
  /** The jobs' clock. */
  now = new Date('2025-06-01T12:00:00Z');
  readonly pending: Pending[] = [];
  private readonly rules: WhitelistRules;
  private readonly fates: RequestFate[];

  constructor(options: { rules?: Partial<WhitelistRules>; fates?: RequestFate[] } = {}) {
    this.rules = { ...DEFAULT_WHITELIST_RULES, ...options.rules };
    this.fates = [...(options.fates ?? [])];
  }

  /** An ApiClient whose every request waits for the scheduler twice: to arrive, then to be answered. */
  client(job: string): ApiClient {
    return {
      provider: 'CCR',
      baseUrl: new URL('http://127.0.0.1:1'),
      request: <T>(request: ApiRequest) =>
        new Promise<ApiResponse<T>>((resolve, reject) => {
          const fate = this.fates.shift() ?? 'ok';
          this.pending.push({
            label: `${job} ${request.method} arrives`,
            run: () => {
              let answer: () => void;
              try {
                const body = fate === 'error' ? undefined : this.apply(request);
                answer =
                  fate === 'ok'
                    ? () => resolve({ status: 200, headers: {}, body: body as T })
                    : () => reject(failure(request, fate === 'error' ? 500 : 0));
              } catch (error) {
                answer = () => reject(error);
              }
              this.pending.push({ label: `${job} ${request.method} answered`, run: answer });
            },
          });
        }),
    };
  }

  /** A sleep that ends when the scheduler wakes the job; the clock has moved on by then. */
  sleep(job: string): (ms: number) => Promise<void> {
    return (ms) =>
      new Promise((resolve) =>
        this.pending.push({
          label: `${job} wakes`,
          run: () => {
            this.now = new Date(this.now.getTime() + ms);
            resolve();
          },
        }),
      );
  }

  /** Holds a job (e.g. while it runs) until the scheduler lets it go on. */
  gate(job: string): Promise<void> {
    return new Promise((resolve) => this.pending.push({ label: `${job} goes on`, run: resolve }));
  }

  /** Runs the pending event at `index`, then lets the jobs react; returns its label. */
  async step(index: number): Promise<string> {
    const [event] = this.pending.splice(index, 1);
    event!.run();
    await new Promise((resolve) => setImmediate(resolve));
    return event!.label;
  }

  /** Index of the oldest pending event of `job`, or -1. */
  next(job: string): number {
    return this.pending.findIndex((event) => event.label.startsWith(`${job} `));
  }

  private apply(request: ApiRequest): unknown {
    const body = request.body as { ipAddr?: string; description?: string; items?: string[] } | undefined;
    if (request.method === 'GET')
      return { status: 'opened', whitelist: this.allowlist.map((e) => ({ ...e })) };
    if (request.method === 'POST') {
      const ipAddr = body?.ipAddr ?? '';
      if (isRefusedHostForm(ipAddr, this.rules)) throw failure(request, 400);
      if (this.allowlist.some((entry) => namesEntry(entry.ipAddr, ipAddr, this.rules)))
        throw failure(request, 409);
      this.allowlist.push({ ipAddr, description: body?.description ?? '' });
      return undefined;
    }
    const items = body?.items ?? [];
    this.allowlist = this.allowlist.filter(
      (entry) => !items.some((item) => namesEntry(entry.ipAddr, item, this.rules)),
    );
    return undefined;
  }
}

function failure(request: ApiRequest, status: number): ApiError {
  return new ApiError({
    provider: 'CCR',
    operation: request.operation,
    method: request.method,
    path: request.path,
    status,
    providerMessage: status === 0 ? 'no response' : `status ${status}`,
  });
}
