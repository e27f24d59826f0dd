import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLogger, type Logger } from '../logger.js';
import type { Health } from './health-status.js';
import type { BotMetrics } from './metrics.js';

export interface HealthServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** Loopback by default: health and metrics are for the host's supervisor and scraper, not the internet. */
  host?: string;
  health: () => Health;
  metrics: BotMetrics;
  logger?: Logger;
}

export interface HealthServer {
  /** The port actually bound. */
  port: number;
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `GET /healthz` (JSON, 200 when ready, 503 otherwise) and `GET /metrics` (Prometheus text).
 * Read-only and without request bodies, so there is nothing for a caller to inject.
 */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const logger = options.logger ?? silentLogger;
  const server = createServer((req, res) => {
    handle(req, res, options).catch((error: unknown) => {
      logger.error('health endpoint failed', { path: req.url, error });
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else res.destroy();
    });
  });
  // Idle scrapers' keep-alive connections must not hold shutdown up.
  server.keepAliveTimeout = 5000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.unref();
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  logger.info('health endpoint listening', { url });
  return {
    port,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: HealthServerOptions): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', { allow: 'GET, HEAD' });
  if (path === '/healthz') {
    const health = options.health();
    return send(res, health.ready ? 200 : 503, 'application/json; charset=utf-8', JSON.stringify(health) + '\n');
  }
  if (path === '/metrics') return send(res, 200, options.metrics.contentType, await options.metrics.text());
  return send(res, 404, 'text/plain; charset=utf-8', 'not found: try /healthz or /metrics\n');
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}
