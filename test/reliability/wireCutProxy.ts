import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface WireCutProxy {
  /** Base URL to give the bot as TELEGRAM_API_ROOT instead of the fake's (same path layout). */
  readonly url: string;
  /**
   * Forwards the next `count` calls of `method`, then cuts the wire: every later request (any method) is
   * held, never forwarded and never answered, as if lost before it reached Telegram.
   */
  passThenCut(method: string, count: number): void;
  /** Calls of the armed method forwarded since `passThenCut`. */
  passed(): number;
  /** Requests held since the cut, per Bot API method. */
  held(method?: string): number;
  /** Drops the held requests (their connections are destroyed, nothing is forwarded) and forwards everything again. */
  reconnect(): void;
  close(): Promise<void>;
}

const methodOf = (url: string | undefined) => /^\/bot[^/]*\/(?:test\/)?([^/?]+)/.exec(url ?? '')?.[1] ?? '';

/**
 * An HTTP proxy on 127.0.0.1 in front of the fake Bot API that can cut the wire after a chosen number of
 * calls: a deterministic "the rest was in flight" point to kill the bot at. Held requests never reach the
 * fake, so the fake records only what Telegram would have received.
 */
export async function startWireCutProxy(target: string): Promise<WireCutProxy> {
  const upstream = new URL(target);
  let armed: { method: string; count: number; passed: number } | undefined;
  let cut = false;
  let heldRequests: { method: string; req: IncomingMessage }[] = [];
  const sockets = new Set<Socket>();

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const out = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    // The bot went away (killed) mid-request: let the fake see it too (a held getUpdates is released).
    res.on('close', () => {
      if (!res.writableFinished) out.destroy();
    });
    req.pipe(out);
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const method = methodOf(req.url);
    if (cut) {
      heldRequests.push({ method, req });
      req.resume(); // read and discard the body: it goes nowhere
      return;
    }
    if (armed && method.toLowerCase() === armed.method.toLowerCase()) {
      armed.passed += 1;
      if (armed.passed >= armed.count) cut = true;
    }
    forward(req, res);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    passThenCut(method, count) {
      if (count < 1) throw new RangeError('pass at least one call before the cut');
      armed = { method, count, passed: 0 };
      cut = false;
    },
    passed: () => armed?.passed ?? 0,
    held: (method) => (method === undefined ? heldRequests.length : heldRequests.filter((h) => h.method.toLowerCase() === method.toLowerCase()).length),
    reconnect() {
      for (const { req } of heldRequests) req.socket.destroy();
      heldRequests = [];
      armed = undefined;
      cut = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
