import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** HTTP plumbing the fake services share: reading a body, tracking connections, listening on a free loopback port. */

/** The whole body of a request. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The server's open connections, kept up to date, so close() can destroy the ones a client keeps alive. */
export function trackSockets(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return sockets;
}

/** Listens on a free 127.0.0.1 port and resolves with it; rejects if the server cannot listen. */
export async function listenOnLoopback(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/** A fake service's server listening on loopback: its port, and a close that ends every connection. */
export interface LoopbackServer {
  readonly port: number;
  /** Closes the server and every connection a client keeps alive. */
  close(): Promise<void>;
}

/**
 * Serves `server` on a free loopback port without server-side idle timeouts (they race with a client reusing
 * a keep-alive socket: spurious ECONNRESET), and closes it by destroying whatever connections clients keep.
 */
export async function serveOnLoopback(server: Server): Promise<LoopbackServer> {
  server.keepAliveTimeout = 0;
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  const sockets = trackSockets(server);
  const port = await listenOnLoopback(server);
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // A response being written finishes first; then every socket goes (a held long poll included).
        setImmediate(() => {
          server.closeAllConnections();
          for (const s of sockets) s.destroy();
        });
      }),
  };
}
