import { Status, type Client } from 'discord.js';
import type { IndexStatus } from '../types.js';

/** The `/healthz` document. */
export interface Health {
  /** Logged in, gateway ready, and an index loaded: the bot can answer. */
  ready: boolean;
  index: {
    mode: string;
    /** Why the bot is in keyword mode (model missing, index without vectors), when it is. */
    modeReason?: string;
    model: string | null;
    passages: number;
    articles: number;
    builtAt: string;
    ageSeconds: number;
  } | null;
  gateway: {
    /** discord.js `Status` name: Ready, Connecting, Reconnecting, Resuming, Disconnected… */
    status: string;
    /** Heartbeat round trip in ms; -1 until the first heartbeat is acknowledged. */
    ping: number;
  };
}

/** The index part of the health document. */
export function indexHealth(status: IndexStatus, now: number = Date.now()): NonNullable<Health['index']> {
  return {
    mode: status.mode,
    ...(status.modeReason ? { modeReason: status.modeReason } : {}),
    model: status.model,
    passages: status.passages,
    articles: status.articles.length,
    builtAt: status.builtAt,
    ageSeconds: Math.max(0, Math.round((now - Date.parse(status.builtAt)) / 1000)),
  };
}

/** The gateway part of the health document, read from the client's websocket manager. */
export function gatewayHealth(client: Client): Health['gateway'] {
  return { status: Status[client.ws.status] ?? String(client.ws.status), ping: client.ws.ping };
}

/** Builds the health document from the live client and the engine in use. */
export function botHealth(client: Client, indexStatus: () => IndexStatus | null): Health {
  let index: Health['index'] = null;
  try {
    const status = indexStatus();
    index = status ? indexHealth(status) : null;
  } catch {
    // No engine yet (still opening): report not ready rather than failing the health check.
  }
  const gateway = gatewayHealth(client);
  return { ready: client.isReady() && gateway.status === 'Ready' && index !== null, index, gateway };
}
