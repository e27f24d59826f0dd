import type { InteractionState } from './interaction-registry.js';
import type { InteractionPayload } from './interactions.js';
import type { RecordedRequest } from './state.js';
import type { WaitableLog, WaitOptions } from './waitable-log.js';

/** Waiting for the nth matching request (1 = the first). */
export interface NthOptions extends WaitOptions {
  nth?: number;
}

/**
 * What `dispatchInteraction` returns: the dispatched payload plus ways to await the bot's
 * answers to it. Waits resolve with requests the simulator's routes answered (a request answered
 * by an injected fault is skipped), whatever the status: check `status` to tell success from
 * Discord errors such as 10062 (too late) or 40060 (already acknowledged).
 */
export class InteractionHandle {
  constructor(
    readonly payload: InteractionPayload,
    /** `Date.now()` just before INTERACTION_CREATE was sent. */
    readonly dispatchedAt: number,
    /** The dispatch's gateway sequence number. */
    readonly sequence: number,
    private readonly state: InteractionState,
    private readonly applicationId: string,
    private readonly log: WaitableLog<RecordedRequest>,
  ) {}

  get id(): string {
    return this.payload.id;
  }

  get token(): string {
    return this.payload.token;
  }

  /** The message `@original` currently is (after the reply and any edits), if any. */
  get original(): Record<string, unknown> | undefined {
    return this.state.original;
  }

  /** Follow-up messages, in the order they were sent. */
  get followUps(): Array<Record<string, unknown>> {
    return [...this.state.followUps.values()];
  }

  /** The initial response (`POST /interactions/:id/:token/callback`). */
  waitForCallback(options: NthOptions = {}): Promise<RecordedRequest> {
    return this.#waitNth((r) => r.route === 'interactionCallback' && r.path.startsWith(`/interactions/${this.id}/`), 'callback', options);
  }

  /** An edit of the original response (`PATCH /webhooks/:app/:token/messages/@original`). */
  waitForOriginalEdit(options: NthOptions = {}): Promise<RecordedRequest> {
    return this.#waitNth((r) => r.route === 'editWebhookMessage' && this.#isOriginal(r.path), 'edit of @original', options);
  }

  /** A follow-up message (`POST /webhooks/:app/:token`). */
  waitForFollowUp(options: NthOptions = {}): Promise<RecordedRequest> {
    return this.#waitNth((r) => r.route === 'followUp' && r.path === this.#webhookPath, 'follow-up', options);
  }

  /** Every request about this interaction so far (callback and webhook), faults included. */
  requests(): RecordedRequest[] {
    return this.log.items.filter((r) => r.path.startsWith(`/interactions/${this.id}/`) || r.path.startsWith(this.#webhookPath));
  }

  get #webhookPath(): string {
    return `/webhooks/${this.applicationId}/${this.token}`;
  }

  #isOriginal(path: string): boolean {
    const prefix = `${this.#webhookPath}/messages/`;
    if (!path.startsWith(prefix)) return false;
    const messageId = path.slice(prefix.length);
    return messageId === '@original' || messageId === this.state.original?.id;
  }

  #waitNth(match: (r: RecordedRequest) => boolean, what: string, options: NthOptions): Promise<RecordedRequest> {
    const nth = options.nth ?? 1;
    let seen = 0;
    const predicate = (r: RecordedRequest) => !r.fault && match(r) && ++seen === nth;
    return this.log.waitFor(predicate, `${what} #${nth} of interaction ${this.id}`, options);
  }
}
