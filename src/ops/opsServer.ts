import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log/logger.ts';
import { BaseError } from '../vocabulary/baseError.ts';
import type { HealthReport } from './health.ts';

/** The operations endpoint could not start (port taken, host not on this machine). */
export class OpsServerError extends BaseError {
  override name = 'OpsServerError';
}

/** One more path served beside /healthz and /metrics (Telegram's webhook); it answers every method itself. */
export interface OpsRoute {
  readonly path: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export interface OpsServerOptions {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly health: () => HealthReport;
  readonly metrics: () => Promise<{ contentType: string; body: string }>;
  readonly logger: Logger;
  readonly routes?: readonly OpsRoute[];
}

export interface OpsServer {
  /** `http://host:port`, with the port actually bound. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, contentType: string, body: string, head: boolean): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(head ? undefined : body);
}

/**
 * The operations endpoint: `GET /healthz` (200 ok or degraded, 503 unhealthy; a JSON body with the reason)
 * and `GET /metrics` (Prometheus text), which change nothing and read only memory; and the `routes` given.
 * @throws OpsServerError when it cannot listen.
 */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const { logger } = options;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = options.routes?.find((r) => r.path === path);
    if (route) return route.handle(req, res);
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.setHeader('allow', 'GET, HEAD');
      send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', false);
      return;
    }
    if (path === '/healthz') {
      const report = options.health();
      send(res, report.status === 'unhealthy' ? 503 : 200, 'application/json; charset=utf-8', `${JSON.stringify(report)}\n`, head);
    } else if (path === '/metrics') {
      const { contentType, body } = await options.metrics();
      send(res, 200, contentType, body, head);
    } else {
      send(res, 404, 'text/plain; charset=utf-8', 'not found: try /healthz or /metrics\n', head);
    }
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error('ops endpoint failed', { path: req.url, error });
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n', false);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'EADDRINUSE' ? 'the port is in use' : error.code === 'EADDRNOTAVAIL' ? 'that address is not on this machine' : error.code === 'EACCES' ? 'permission denied' : error.message;
      reject(new OpsServerError(`cannot serve /healthz and /metrics on ${options.host}:${options.port}: ${why} (http.host and http.port in the config)`, { cause: error }));
    });
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  logger.info('ops endpoint listening', { url: `http://${host}:${port}`, paths: ['/healthz', '/metrics', ...(options.routes ?? []).map((r) => r.path)] });
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}
