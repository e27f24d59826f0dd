import type { SimMessage } from './messages.js';

/** What the simulator remembers about one dispatched interaction. */
export interface InteractionState {
  id: string;
  token: string;
  payload: Record<string, unknown>;
  /** `Date.now()` when INTERACTION_CREATE was handed to the gateway. */
  dispatchedAt: number;
  /** The callback type of the accepted initial response, once there is one. */
  callbackType: number | undefined;
  /** The message `@original` refers to (the reply, or the message a component sits on). */
  original: SimMessage | undefined;
  followUps: Map<string, SimMessage>;
}

/** Interactions by id and by token, as the callback and webhook routes look them up. */
export class InteractionRegistry {
  readonly #byId = new Map<string, InteractionState>();
  readonly #byToken = new Map<string, InteractionState>();

  register(payload: Record<string, unknown>, dispatchedAt: number): InteractionState {
    const id = String(payload.id);
    const token = String(payload.token);
    const message = payload.message as SimMessage | undefined;
    const state: InteractionState = { id, token, payload, dispatchedAt, callbackType: undefined, original: message, followUps: new Map() };
    this.#byId.set(id, state);
    this.#byToken.set(token, state);
    return state;
  }

  byId(id: string): InteractionState | undefined {
    return this.#byId.get(id);
  }

  byToken(token: string): InteractionState | undefined {
    return this.#byToken.get(token);
  }

  /** The message a webhook route names: `@original`, or a follow-up (or the original) by id. */
  message(state: InteractionState, messageId: string): SimMessage | undefined {
    if (messageId === '@original' || messageId === state.original?.id) return state.original;
    return state.followUps.get(messageId);
  }

  /** Stores an edited or new version of a message under the same id. */
  store(state: InteractionState, messageId: string, message: SimMessage | undefined): void {
    if (messageId === '@original' || messageId === state.original?.id) state.original = message;
    else if (message) state.followUps.set(messageId, message);
    else state.followUps.delete(messageId);
  }
}
