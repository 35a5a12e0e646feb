import type { ServerResponse } from 'node:http';
import type { Json } from './types.ts';

/** Writes a JSON answer; resolves when it is sent or the connection is gone. */
export function writeJson(res: ServerResponse, status: number, body: Json, closing = false): Promise<void> {
  return new Promise((resolve) => {
    if (res.writableEnded || res.destroyed) {
      resolve();
      return;
    }
    const data = JSON.stringify(body);
    const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) };
    if (closing) headers.connection = 'close';
    res.writeHead(status, headers);
    res.end(data, () => resolve());
    res.once('close', () => resolve());
  });
}

/** The Bot API's error envelope. */
export const errorBody = (status: number, description: string, parameters?: Json): Json => {
  const body: Json = { ok: false, error_code: status, description };
  if (parameters) body.parameters = parameters;
  return body;
};
