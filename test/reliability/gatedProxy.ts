import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

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
  const sockets = new Set<Socket>();
  const forward = (body: Buffer, res: ServerResponse) =>
    fetch(upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      .then(async (answer) => {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(Buffer.from(await answer.arrayBuffer()));
      })
      .catch(() => res.destroy());
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
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
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
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
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
