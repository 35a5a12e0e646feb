import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readBody, serveOnLoopback } from '../loopbackHttp.ts';
import type { BotApiState } from './botApiState.ts';
import { errorBody, writeJson } from './jsonResponse.ts';
import type { createLongPolling } from './longPolling.ts';
import { coerceField, parseMultipart } from './requestBody.ts';
import { FakeBotApiError, isObject, type FakeCall, type Json, type MethodHandler, type UploadedFile } from './types.ts';

/**
 * The HTTP side of the fake Bot API: routes /bot<token>/<method>, parses the body, checks the token, applies
 * injected faults, hands getUpdates to long polling and every other method to its handler.
 */
export async function startBotApiServer(
  state: BotApiState,
  handlers: ReadonlyMap<string, { name: string; fn: MethodHandler }>,
  polling: ReturnType<typeof createLongPolling>,
  closing: () => boolean,
) {
  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = state.clock();
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = /^\/bot([^/]*)\/(?:test\/)?([^/]+)\/?$/.exec(url.pathname);
    if (!route) {
      await writeJson(res, 404, errorBody(404, 'Not Found'), closing());
      return;
    }
    const [, reqToken = '', rawMethod = ''] = route;
    const known = handlers.get(rawMethod.toLowerCase());
    const method = rawMethod.toLowerCase() === 'getupdates' ? 'getUpdates' : (known?.name ?? rawMethod);

    let payload: Json = {};
    let files: Record<string, UploadedFile> = {};
    for (const [k, v] of url.searchParams) payload[k] = coerceField(k, v);
    const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
    try {
      if (body.length > 0) {
        if (contentType.startsWith('application/json')) {
          const parsed = JSON.parse(body.toString('utf8')) as unknown;
          if (isObject(parsed)) payload = { ...payload, ...parsed };
        } else if (contentType.startsWith('multipart/form-data')) {
          const b = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(String(req.headers['content-type']));
          const boundary = b?.[1] ?? b?.[2];
          if (boundary === undefined) throw new Error('no boundary');
          const parsed = parseMultipart(body, boundary);
          payload = { ...payload, ...parsed.fields };
          files = parsed.files;
        } else if (contentType.startsWith('application/x-www-form-urlencoded')) {
          for (const [k, v] of new URLSearchParams(body.toString('utf8'))) payload[k] = coerceField(k, v);
        }
      }
    } catch (err) {
      const call: FakeCall = { index: -1, method, payload, at, status: 400, description: `Bad Request: can't parse request body: ${String(err)}` };
      state.recordCall(call);
      await writeJson(res, 400, errorBody(400, call.description ?? 'Bad Request'), closing());
      return;
    }

    const call: FakeCall = { index: -1, method, payload, at, status: 0 };
    if (Object.keys(files).length > 0) call.files = files;

    if (reqToken !== state.token) {
      call.status = 401;
      call.description = 'Unauthorized';
      state.recordCall(call);
      await writeJson(res, 401, errorBody(401, 'Unauthorized'), closing());
      return;
    }

    const fault = state.takeFault(method, payload);
    if (fault) {
      if ('kind' in fault && fault.kind === 'hang') {
        call.status = 0;
        call.description = 'no answer (injected)';
        state.recordCall(call);
        return;
      }
      if ('kind' in fault) {
        call.status = 0;
        call.description = 'connection reset (injected)';
        state.recordCall(call);
        req.socket.destroy();
        return;
      }
      const parameters = fault.retryAfter !== undefined ? { retry_after: fault.retryAfter } : undefined;
      call.status = fault.status;
      call.description = fault.description;
      state.recordCall(call);
      await writeJson(res, fault.status, errorBody(fault.status, fault.description, parameters), closing());
      return;
    }

    if (method === 'getUpdates') {
      polling.handleGetUpdates(payload, res, call);
      return;
    }
    if (!known) {
      call.status = 404;
      call.description = 'Not Found: method not found';
      state.recordCall(call);
      await writeJson(res, 404, errorBody(404, 'Not Found: method not found'), closing());
      return;
    }
    let status = 200;
    let out: Json;
    try {
      const result = known.fn(payload, files);
      out = { ok: true, result };
      call.result = result;
    } catch (err) {
      if (err instanceof FakeBotApiError) {
        status = err.status;
        out = errorBody(err.status, err.description, err.parameters);
      } else {
        status = 500;
        out = errorBody(500, `Internal Server Error: ${err instanceof Error ? err.message : String(err)}`);
      }
      call.description = out.description as string;
    }
    call.status = status;
    state.recordCall(call);
    await writeJson(res, status, out, closing());
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((err: unknown) => {
      void writeJson(res, 500, errorBody(500, `Internal Server Error: ${String(err)}`), closing());
    });
  });
  return serveOnLoopback(server);
}
