import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { readBody, serveOnLoopback } from '../loopbackHttp.ts';
import type { DiscordState } from './discordState.ts';
import { FakeDiscordError, type FakeAttachment, type Fault, type Route, type RouteResult } from './types.ts';

/** A REST request as the routes see it. */
interface RestRequest {
  method: string;
  /** after /api/v{n} */
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  body: unknown;
  files?: FakeAttachment[];
}

/** A JSON body, or the parts of a multipart one (discord.js sends attachments that way: payload_json, files[n]). */
async function parseBody(req: IncomingMessage, raw: Buffer): Promise<{ body: unknown; files?: FakeAttachment[] }> {
  const contentType = String(req.headers['content-type'] ?? '');
  if (raw.length === 0) return { body: undefined };
  if (contentType.startsWith('application/json')) {
    try {
      return { body: JSON.parse(raw.toString('utf8')) as unknown };
    } catch {
      return { body: raw.toString('utf8') };
    }
  }
  if (!contentType.startsWith('multipart/form-data')) return { body: undefined };
  const form = await new Request('http://fake.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body: raw }).formData();
  let body: unknown;
  const files: FakeAttachment[] = [];
  for (const [field, value] of form) {
    if (typeof value === 'string') {
      if (field === 'payload_json') body = JSON.parse(value) as unknown;
    } else files.push({ field, filename: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
  }
  return { body, files };
}

/** An injected fault as Discord answers it; a 429 with the rate-limit headers discord.js reads. */
function faultResponse(res: ServerResponse, fault: Fault, path: string): RouteResult {
  if (fault.status === 429) {
    const retryAfter = fault.retryAfter ?? 1;
    res.setHeader('Retry-After', String(retryAfter));
    res.setHeader('X-RateLimit-Limit', '5');
    res.setHeader('X-RateLimit-Remaining', '0');
    res.setHeader('X-RateLimit-Reset', String(Date.now() / 1000 + retryAfter));
    res.setHeader('X-RateLimit-Reset-After', String(retryAfter));
    res.setHeader('X-RateLimit-Bucket', `fake-${Buffer.from(path).toString('hex').slice(-16)}`);
    res.setHeader('X-RateLimit-Scope', 'user');
    return { status: 429, json: { message: fault.message ?? 'You are being rate limited.', retry_after: retryAfter, global: false, code: fault.code ?? 0 } };
  }
  return { status: fault.status, json: { message: fault.message ?? `${fault.status}: injected`, code: fault.code ?? 0 } };
}

/**
 * The HTTP side of the fake Discord: REST under /api/v{n} (route match, bot-token auth, injected faults, the
 * handler, Discord's error envelope), each request recorded in `calls`; upgrades go to the gateway.
 */
export async function startDiscordServer(
  state: DiscordState,
  routes: readonly Route[],
  onUpgrade: (req: IncomingMessage, socket: Socket, head: Buffer) => void,
) {
  /** Runs the route, then gives the messages it created the files uploaded with the request. */
  function handle(route: Route, request: RestRequest): RouteResult {
    const before = state.messages.length;
    const result = route.handle(route.pattern.exec(request.path)!, request.body, request.query);
    const files = request.files ?? [];
    for (const sent of files.length > 0 ? state.messages.slice(before) : []) {
      sent.files = files;
      sent.message.attachments = files.map((f) => {
        const url = `https://cdn.discordapp.invalid/attachments/${sent.channelId}/${f.filename}`;
        return { id: state.snowflake(), filename: f.filename, size: f.data.length, content_type: f.contentType, url, proxy_url: url };
      });
    }
    return result;
  }

  function answer(route: Route | undefined, request: RestRequest, res: ServerResponse): RouteResult {
    if (!route) return { status: 404, json: { message: '404: Not Found', code: 0 } };
    if (route.auth && request.authorization !== `Bot ${state.token}`) return { status: 401, json: { message: '401: Unauthorized', code: 0 } };
    const fault = state.takeFault(request.method, request.path);
    if (fault) return faultResponse(res, fault, request.path);
    try {
      return handle(route, request);
    } catch (error) {
      if (!(error instanceof FakeDiscordError)) throw error;
      return { status: error.status, json: { message: error.message, code: error.code, ...(error.errors ? { errors: error.errors } : {}) } };
    }
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const versioned = /^\/api\/v\d+(\/.*)$/.exec(url.pathname);
    const path = decodeURIComponent(versioned?.[1] ?? url.pathname);
    const request: RestRequest = { method, path, query: Object.fromEntries(url.searchParams), authorization: req.headers.authorization, ...(await parseBody(req, raw)) };
    const route = versioned ? routes.find((r) => r.method === method && r.pattern.test(path)) : undefined;
    const { status, json } = answer(route, request, res);
    const { files, body, authorization } = request;
    state.recordCall({ method, path, route: route?.name ?? 'unknown', body, authorization, status, ...(files ? { files } : {}) });
    if (json === undefined) {
      res.writeHead(status).end();
    } else {
      const payload = JSON.stringify(json);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }).end(payload);
    }
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: String(error), code: 0 }));
    });
  });
  server.on('upgrade', onUpgrade);
  return serveOnLoopback(server);
}
