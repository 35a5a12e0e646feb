import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CountingProxy {
  /** URL to give the bot instead of the upstream one. */
  readonly url: string;
  /** JSON-RPC methods seen, in order (a batch counts each of its requests). */
  readonly methods: string[];
  /** HTTP requests seen. */
  readonly httpRequests: () => number;
  reset(): void;
  /** Answers the next `times` requests with this instead of forwarding them (a fault on the wire). */
  fail(times: number, fault: { status: number; body: string } | 'hang'): void;
  /** Drops faults not yet used. */
  heal(): void;
  close(): Promise<void>;
}

/**
 * An HTTP proxy on 127.0.0.1 in front of a JSON-RPC node that counts what crosses the wire, so request
 * counts are measured where the network is, not inside the code under test.
 */
export async function startCountingProxy(upstream: string): Promise<CountingProxy> {
  const methods: string[] = [];
  let http = 0;
  const faults: ({ status: number; body: string } | 'hang')[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      http++;
      const body = Buffer.concat(chunks);
      try {
        const parsed = JSON.parse(body.toString()) as { method: string } | { method: string }[];
        for (const entry of Array.isArray(parsed) ? parsed : [parsed]) methods.push(entry.method);
      } catch {
        methods.push('(unparseable)');
      }
      const fault = faults.shift();
      if (fault === 'hang') return;
      if (fault) {
        res.statusCode = fault.status;
        res.end(fault.body);
        return;
      }
      fetch(upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
        .then(async (upstreamResponse) => {
          res.statusCode = upstreamResponse.status;
          res.setHeader('content-type', 'application/json');
          res.end(Buffer.from(await upstreamResponse.arrayBuffer()));
        })
        .catch(() => {
          res.statusCode = 502;
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    methods,
    httpRequests: () => http,
    reset() {
      methods.length = 0;
      http = 0;
    },
    fail(times, fault) {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    heal() {
      faults.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
