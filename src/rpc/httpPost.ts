import http from 'node:http';
import https from 'node:https';
import { AnswerTooLargeError, TimeoutError } from './rpcErrors.ts';

/** An HTTP answer: its status and its body as text. */
export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
}

/** POSTs a JSON body; rejects on a network error, a timeout (TimeoutError) or an oversized answer (AnswerTooLargeError). */
export type HttpPost = (url: string, body: string, timeoutMs: number) => Promise<HttpAnswer>;

/** A JSON-RPC answer larger than this is refused (a broken or hostile endpoint must not exhaust memory). */
export const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

/**
 * POST over node:http(s) with keep-alive. Not the global fetch: Node's fetch loads undici's HTTP parser as
 * WebAssembly on its first request, about 20–30 MB of resident memory for a bot that makes a few calls a
 * minute (measured in `npm run bench -- memory`).
 */
export const httpPost: HttpPost = (url, body, timeoutMs) =>
  new Promise<HttpAnswer>((resolve, reject) => {
    const target = new URL(url);
    const agent = target.protocol === 'http:' || target.protocol === 'https:' ? agents[target.protocol] : undefined;
    if (!agent) return reject(new Error(`unsupported protocol ${target.protocol}`));
    const send = target.protocol === 'https:' ? https.request : http.request;
    const request = send(target, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) return request.destroy(new AnswerTooLargeError(`answer larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB`));
        chunks.push(chunk);
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    const timer = setTimeout(() => request.destroy(new TimeoutError(`timed out after ${timeoutMs} ms`)), timeoutMs);
    request.on('error', reject);
    request.on('close', () => clearTimeout(timer));
    request.end(body);
  });
