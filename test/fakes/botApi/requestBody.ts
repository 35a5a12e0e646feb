import type { Json, UploadedFile } from './types.ts';

/** Request bodies as the Bot API takes them: JSON, urlencoded, query strings and multipart uploads. */

const NUMERIC_FIELDS = new Set([
  'chat_id', 'message_id', 'user_id', 'offset', 'limit', 'timeout', 'reply_to_message_id',
  'message_thread_id', 'from_chat_id', 'cache_time', 'duration', 'width', 'height',
]);
const BOOLEAN_FIELDS = new Set([
  'disable_notification', 'protect_content', 'has_spoiler', 'show_caption_above_media',
  'drop_pending_updates', 'show_alert', 'allow_sending_without_reply', 'disable_web_page_preview',
]);
const JSON_FIELDS = new Set([
  'reply_markup', 'reply_parameters', 'entities', 'caption_entities', 'allowed_updates', 'commands',
  'scope', 'link_preview_options', 'media', 'results',
]);

/** A form or query field as a JSON value: numbers, booleans and JSON-encoded fields decoded. */
export function coerceField(key: string, v: string): unknown {
  if (NUMERIC_FIELDS.has(key) && /^-?\d+$/.test(v)) return Number(v);
  if (BOOLEAN_FIELDS.has(key)) return v === 'true' ? true : v === 'false' ? false : v;
  if (JSON_FIELDS.has(key)) {
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  }
  return v;
}

export function parseMultipart(body: Buffer, boundary: string): { fields: Json; files: Record<string, UploadedFile> } {
  const fields: Json = {};
  const files: Record<string, UploadedFile> = {};
  const delim = Buffer.from(`--${boundary}`);
  const sep = Buffer.from(`\r\n--${boundary}`);
  let pos = body.indexOf(delim);
  if (pos < 0) throw new Error('multipart boundary not found');
  pos += delim.length;
  for (;;) {
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // closing --boundary--
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    const next = body.indexOf(sep, pos);
    if (next < 0) throw new Error('unterminated multipart body');
    const part = body.subarray(pos, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) throw new Error('multipart part without headers');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    let name: string | undefined;
    let filename: string | undefined;
    let contentType: string | undefined;
    for (const line of headers.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const key = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (key === 'content-disposition') {
        // grammY writes `content-disposition:form-data;name="x";filename=photo.jpg` (no spaces, unquoted filename)
        const n = /(?:^|[;\s])name=(?:"([^"]*)"|([^;\s]*))/i.exec(value);
        name = n?.[1] ?? n?.[2];
        const f = /(?:^|[;\s])filename=(?:"([^"]*)"|([^;]*))/i.exec(value);
        if (f) filename = (f[1] ?? f[2] ?? '').trim();
      } else if (key === 'content-type') {
        contentType = value;
      }
    }
    if (name === undefined) throw new Error('multipart part without a name');
    if (filename !== undefined) {
      files[name] = { field: name, filename, contentType, data: Buffer.from(content) };
    } else {
      fields[name] = coerceField(name, content.toString('utf8'));
    }
    pos = next + sep.length;
  }
  return { fields, files };
}
