import type { IncomingMessage, ServerResponse } from 'node:http';
import { forwardRequest, listenLocal } from './localProxy.ts';

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
  const server = await listenLocal((req: IncomingMessage, res: ServerResponse) => {
    const line = `${req.method ?? 'GET'} ${req.url ?? '/'}`;
    const rule = rules.find((r) => r.pattern.test(line));
    if (rule) {
      rule.remaining -= 1;
      if (rule.remaining <= 0) rules.splice(rules.indexOf(rule), 1);
      resets += 1;
      req.socket.resetAndDestroy();
      return;
    }
    forwardRequest(upstream, req, res);
  });
  return {
    url: server.url,
    resetNext(pattern, times = 1) {
      rules.push({ pattern, remaining: times });
    },
    resets: () => resets,
    close: () => server.close(),
  };
}
