import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { rateLimitResponse, type AppliedFault } from './faults.js';
import { flattenHeaders, parseRequestBody, readRequestBody, sendJson } from './http-io.js';
import type { Route, RouteResult } from './route.js';
import { applicationRoutes } from './routes-application.js';
import { interactionRoutes } from './routes-interactions.js';
import type { RecordedRequest, SimulatorState } from './state.js';

const API_PREFIX = /^\/api\/v10(?=\/)/;
const routes: Route[] = [...applicationRoutes, ...interactionRoutes];

/**
 * The simulated REST API: records every request, applies planned faults, checks the bot token
 * where Discord does, then lets the matching route answer (404 for anything unknown).
 */
export function createRestHandler(state: SimulatorState): (req: IncomingMessage, res: ServerResponse) => void {
  let seq = 0;
  return (req, res) => {
    const receivedAt = Date.now();
    const requestSeq = ++seq;
    void serve(state, req, res, requestSeq, receivedAt).catch((error: unknown) => {
      // A broken simulator must fail the test loudly, not hang the bot's request.
      if (!res.headersSent) sendJson(res, 500, { message: `simulator error: ${String(error)}`, code: 0 });
    });
  };
}

async function serve(state: SimulatorState, req: IncomingMessage, res: ServerResponse, seq: number, receivedAt: number): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = (req.method ?? 'GET').toUpperCase();
  const path = safeDecode(url.pathname.replace(API_PREFIX, ''));
  const headers = flattenHeaders(req);
  const raw = await readRequestBody(req);
  const request: RecordedRequest = {
    seq,
    method,
    path,
    url: `${url.pathname}${url.search}`,
    query: Object.fromEntries(url.searchParams),
    body: undefined,
    files: [],
    headers,
    receivedAt,
    status: 0,
    route: undefined,
    fault: undefined,
  };
  let result: RouteResult;
  let extraHeaders: Record<string, string> = {};
  try {
    Object.assign(request, await parseRequestBody(raw, headers['content-type']));
  } catch {
    request.body = raw.toString('utf8');
    finish(state, res, request, { status: 400, data: { message: 'The request body contains invalid JSON.', code: 50109 } });
    return;
  }

  const found = API_PREFIX.test(url.pathname) ? findRoute(method, path) : undefined;
  request.route = found?.route.name;
  const fault = state.faults.take(method, path);
  if (fault) {
    request.fault = fault;
    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.status === 'reset') {
      req.socket.destroy();
      state.requests.push(request);
      return;
    }
    if (fault.status !== undefined) {
      ({ result, extraHeaders } = faultResult(fault, request.route ?? path));
      finish(state, res, request, result, extraHeaders);
      return;
    }
  }

  if (!found) {
    finish(state, res, request, { status: 404, data: { message: '404: Not Found', code: 0 } });
    return;
  }
  if (found.route.auth && headers.authorization !== `Bot ${state.token}`) {
    finish(state, res, request, { status: 401, data: { message: '401: Unauthorized', code: 0 } });
    return;
  }
  result = await found.route.handle({ request, params: found.params, state });
  finish(state, res, request, result, result.status < 300 ? okRateLimitHeaders(found.route.name) : {});
}

/** `@original` arrives as `%40original`; tests and routes read the decoded path. */
function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function findRoute(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = route.match(path);
    if (params) return { route, params };
  }
  return undefined;
}

function faultResult(fault: AppliedFault, bucketKey: string): { result: RouteResult; extraHeaders: Record<string, string> } {
  if (fault.status === 429) {
    const { data, headers } = rateLimitResponse(fault.retryAfter ?? 0.2, fault.global ?? false, bucketFor(bucketKey));
    return { result: { status: 429, data }, extraHeaders: headers };
  }
  return { result: { status: Number(fault.status), data: { message: 'Internal Server Error', code: 0 } }, extraHeaders: {} };
}

/** Generous, static rate-limit headers: present like Discord's, but never making the bot wait. */
function okRateLimitHeaders(routeName: string): Record<string, string> {
  return {
    'x-ratelimit-limit': '50',
    'x-ratelimit-remaining': '49',
    'x-ratelimit-reset': (Date.now() / 1000 + 1).toFixed(3),
    'x-ratelimit-reset-after': '1.000',
    'x-ratelimit-bucket': bucketFor(routeName),
  };
}

function bucketFor(key: string): string {
  return Buffer.from(key.replace(/\d{5,}/g, ':id'))
    .toString('hex')
    .slice(0, 32);
}

function finish(
  state: SimulatorState,
  res: ServerResponse,
  request: RecordedRequest,
  result: RouteResult,
  headers: Record<string, string> = {},
): void {
  request.status = result.status;
  sendJson(res, result.status, result.data, headers);
  state.requests.push(request);
}
