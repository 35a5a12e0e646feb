import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { forwardRequest } from './localProxy.ts';

export interface SwitchableProxy {
  /** Base URL (fixed port); while down, connections to it are refused (ECONNREFUSED). */
  readonly url: string;
  /** Listens on the port and forwards everything to the target. */
  up(): Promise<void>;
  /** Stops listening and cuts open connections: the port refuses again. */
  down(): Promise<void>;
  close(): Promise<void>;
}

/**
 * An HTTP proxy on a fixed 127.0.0.1 port that forwards to `target` while up and refuses connections
 * while down: a platform API that is unreachable, then comes back. Starts down.
 */
export async function startSwitchableProxy(target: string): Promise<SwitchableProxy> {
  const upstream = new URL(target);
  // Take a free port, then let it go: nothing listens there until up().
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));

  let server: Server | undefined;
  const sockets = new Set<Socket>();
  const down = async () => {
    const closing = server;
    server = undefined;
    if (!closing) return;
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => closing.close(() => resolve()));
  };
  return {
    url: `http://127.0.0.1:${port}`,
    async up() {
      if (server) return;
      const listening = createServer((req, res) => forwardRequest(upstream, req, res));
      listening.on('connection', (socket: Socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(port, '127.0.0.1', () => resolve());
      });
      server = listening;
    },
    down,
    close: down,
  };
}
