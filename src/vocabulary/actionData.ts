import type { Action } from './reply.ts';

/**
 * What a button carries to the platform and back (Telegram's callback_data, Discord's custom_id or select
 * value): a version, whether the answer edits the message, and the command line. `1e/chart seMetis 30d`.
 * The version lets a later format tell its own data from a button sent before it; the command line is read by
 * the same parser as typed text, so data that was tampered with can only be a command anyone could type.
 */
export const ACTION_DATA_VERSION = '1';

/** Telegram allows 64 bytes of callback data (Discord 100 characters): the smaller bounds every button. */
export const MAX_ACTION_DATA_BYTES = 64;

/** A button's data, or undefined when its command line does not fit (the button is then left out). */
export function encodeAction(action: Pick<Action, 'command' | 'edit'>): string | undefined {
  if (!isCommandLine(action.command)) return undefined;
  const data = `${ACTION_DATA_VERSION}${action.edit ? 'e' : 'n'}${action.command}`;
  return Buffer.byteLength(data, 'utf8') <= MAX_ACTION_DATA_BYTES ? data : undefined;
}

export type DecodedAction =
  | { readonly ok: true; readonly command: string; readonly edit: boolean }
  /** 'stale': written by another version of the bot; 'invalid': not data the bot writes. */
  | { readonly ok: false; readonly reason: 'stale' | 'invalid' };

/** Reads a pressed button's data; never throws, whatever arrives. */
export function decodeAction(data: unknown): DecodedAction {
  if (typeof data !== 'string' || data.length < 3 || Buffer.byteLength(data, 'utf8') > 100) return { ok: false, reason: 'invalid' };
  const mode = data[1];
  const command = data.slice(2);
  if (data[0] !== ACTION_DATA_VERSION) return /^\d$/.test(data[0]!) ? { ok: false, reason: 'stale' } : { ok: false, reason: 'invalid' };
  if ((mode !== 'e' && mode !== 'n') || !isCommandLine(command)) return { ok: false, reason: 'invalid' };
  return { ok: true, command, edit: mode === 'e' };
}

/** One line starting with `/`, no control characters. */
const isCommandLine = (text: string) => text.startsWith('/') && text.length > 1 && !/[\u0000-\u001f\u007f]/.test(text);
