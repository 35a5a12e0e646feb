import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { httpPost, MAX_ANSWER_BYTES } from '../../src/rpc/httpPost.ts';
import { AnswerTooLargeError, TimeoutError } from '../../src/rpc/rpcErrors.ts';

const servers: Server[] = [];

/** A server on 127.0.0.1; records each request's body and the port it came from (to see connection reuse). */
async function serve(handle: (body: string, res: ServerResponse) => void): Promise<{ url: string; seen: { body: string; port: number }[] }> {
  const seen: { body: string; port: number }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ body, port: req.socket.remotePort ?? 0 });
      handle(body, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/key`, seen };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => { s.closeAllConnections(); s.close(resolve); })));
});

describe('httpPost', () => {
  it('GIVEN two posts THEN each answers with status and body, over one kept-alive connection', async () => {
    const s = await serve((body, res) => res.end(`echo ${body}`));
    expect(await httpPost(s.url, '{"a":1}', 1_000)).toEqual({ status: 200, body: 'echo {"a":1}' });
    expect(await httpPost(s.url, '{"b":2}', 1_000)).toEqual({ status: 200, body: 'echo {"b":2}' });
    expect(s.seen.map((r) => r.body)).toEqual(['{"a":1}', '{"b":2}']);
    expect(s.seen[0]!.port).toBe(s.seen[1]!.port);
  });

  it('GIVEN an error status THEN it is an answer, not a rejection (the caller decides)', async () => {
    const s = await serve((_b, res) => {
      res.statusCode = 503;
      res.end('busy');
    });
    expect(await httpPost(s.url, '{}', 1_000)).toEqual({ status: 503, body: 'busy' });
  });

  it('GIVEN no answer THEN it rejects with a TimeoutError after the time given', async () => {
    const s = await serve(() => {});
    const error = (await httpPost(s.url, '{}', 100).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.name).toBe('TimeoutError');
    expect(error.message).toBe('timed out after 100 ms');
  });

  it('GIVEN an answer over the size limit THEN it rejects instead of buffering it', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    const s = await serve((_b, res) => {
      let sent = 0;
      const more = () => {
        while (sent <= MAX_ANSWER_BYTES && res.write(chunk)) sent += chunk.length;
        if (sent <= MAX_ANSWER_BYTES) res.once('drain', more);
        else res.end();
      };
      res.on('error', () => {});
      more();
    });
    await expect(httpPost(s.url, '{}', 10_000)).rejects.toThrow('answer larger than 64 MB');
    await expect(httpPost(s.url, '{}', 10_000)).rejects.toBeInstanceOf(AnswerTooLargeError);
  });

  it('GIVEN a closed port or another protocol THEN it rejects with the reason', async () => {
    const s = await serve(() => {});
    const url = s.url;
    await new Promise((resolve) => servers.pop()!.close(resolve));
    await expect(httpPost(url, '{}', 1_000)).rejects.toThrow(/ECONNREFUSED/);
    await expect(httpPost('ftp://127.0.0.1/', '{}', 1_000)).rejects.toThrow('unsupported protocol ftp:');
  });
});
