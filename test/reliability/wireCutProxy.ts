import type { IncomingMessage, ServerResponse } from 'node:http';
import { forwardRequest, listenLocal } from './localProxy.ts';

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
  const server = await listenLocal((req: IncomingMessage, res: ServerResponse) => {
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
    forwardRequest(upstream, req, res);
  });

  return {
    url: server.url,
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
    close: () => server.close(),
  };
}
