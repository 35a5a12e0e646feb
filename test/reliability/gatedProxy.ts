import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenLocal } from './localProxy.ts';

export interface GatedProxy {
  /** Base URL; any path and query are accepted (so a URL can carry a fake API key) and dropped upstream. */
  readonly url: string;
  /** Holds requests containing this JSON-RPC method until `release`. */
  hold(method: string): void;
  /** Resolves once a request is being held. */
  held(): Promise<void>;
  /** Forwards the held requests and stops holding. */
  release(): void;
  close(): Promise<void>;
}

/** A JSON-RPC proxy on 127.0.0.1 that can hold chosen requests, to catch the bot with a cycle in flight. */
export async function startGatedProxy(upstream: string): Promise<GatedProxy> {
  let holding: string | undefined;
  let waiting: (() => void)[] = [];
  let onHeld: (() => void)[] = [];
  const forward = (body: Buffer, res: ServerResponse) =>
    fetch(upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      .then(async (answer) => {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(Buffer.from(await answer.arrayBuffer()));
      })
      .catch(() => res.destroy());
  const server = await listenLocal((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (holding !== undefined && body.toString().includes(`"method":"${holding}"`)) {
        waiting.push(() => void forward(body, res));
        for (const notify of onHeld) notify();
        onHeld = [];
        return;
      }
      void forward(body, res);
    });
  });
  return {
    url: server.url,
    hold(method) {
      holding = method;
    },
    held: () => (waiting.length > 0 ? Promise.resolve() : new Promise<void>((resolve) => onHeld.push(resolve))),
    release() {
      holding = undefined;
      const go = waiting;
      waiting = [];
      for (const send of go) send();
    },
    close: () => server.close(),
  };
}
