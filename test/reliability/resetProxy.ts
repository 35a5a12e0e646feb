import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ResetProxy {
  /** Base URL to give the client instead of the target's (same path layout). */
  readonly url: string;
  /** The next `times` requests whose `METHOD path` matches get their connection destroyed before any answer. */
  resetNext(pattern: RegExp, times?: number): void;
  /** How many connections were reset so far. */
  readonly resets: () => number;
  close(): Promise<void>;
}

/**
 * An HTTP proxy on 127.0.0.1 that forwards everything to `target` (scheme, host and port; paths kept) and
 * can cut chosen requests with a TCP reset: a fault the fake servers do not inject themselves.
 */
export async function startResetProxy(target: string): Promise<ResetProxy> {
  const upstream = new URL(target);
  const rules: { pattern: RegExp; remaining: number }[] = [];
  let resets = 0;
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const line = `${req.method ?? 'GET'} ${req.url ?? '/'}`;
    const rule = rules.find((r) => r.pattern.test(line));
    if (rule) {
      rule.remaining -= 1;
      if (rule.remaining <= 0) rules.splice(rules.indexOf(rule), 1);
      resets += 1;
      req.socket.resetAndDestroy();
      return;
    }
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    resetNext(pattern, times = 1) {
      rules.push({ pattern, remaining: times });
    },
    resets: () => resets,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
