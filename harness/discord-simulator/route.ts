import type { RecordedRequest, SimulatorState } from './state.js';

/** What a route answers. */
export interface RouteResult {
  status: number;
  data?: unknown;
}

/** What a route handler gets: the recorded request, its path parameters and the shared state. */
export interface RouteContext {
  request: RecordedRequest;
  params: Record<string, string>;
  state: SimulatorState;
}

/** One REST endpoint of the simulated API. */
export interface Route {
  name: string;
  method: string;
  /** Whether Discord requires `Authorization: Bot <token>` here (webhook-token routes do not). */
  auth: boolean;
  match(path: string): Record<string, string> | undefined;
  handle(ctx: RouteContext): RouteResult | Promise<RouteResult>;
}

/** Declares a route from a Discord-style template such as `/webhooks/:appId/:token`. */
export function route(method: string, template: string, name: string, auth: boolean, handle: Route['handle']): Route {
  const keys: string[] = [];
  const source = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_, key: string) => {
    keys.push(key);
    return '([^/]+)';
  });
  const pattern = new RegExp(`^${source}$`);
  return {
    name,
    method,
    auth,
    handle,
    match(path) {
      const m = pattern.exec(path);
      if (!m) return undefined;
      return Object.fromEntries(keys.map((k, i) => [k, m[i + 1] ?? '']));
    },
  };
}

/** A successful JSON answer. */
export function ok(data: unknown, status = 200): RouteResult {
  return { status, data };
}

/** A Discord-style JSON error. */
export function fail(status: number, code: number, message: string): RouteResult {
  return { status, data: { message, code } };
}
