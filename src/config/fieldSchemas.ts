import { getAddress, type Address } from 'viem';
import { z } from 'zod';
import { parseDuration } from '../core/duration.ts';
import { VALUE } from './showValue.ts';

/** The field schemas every config section builds on: addresses, ids, durations, RPC URLs, view names. */

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const VIEW_CALL = /^[A-Za-z_][A-Za-z0-9_]*(\(\))?$/;

/**
 * The offending value in a message. It is not written here: the loader fills it in where it may be shown and
 * describes it where it could be a secret (an RPC URL, a pasted token); see `showValue`.
 */
export const show = (_input: unknown): string => VALUE;

/** An EVM address, normalised to its checksum form (any case accepted: lists of addresses rarely agree on it). */
export const address = z
  .string()
  .regex(ADDRESS, { error: (i) => `${show(i.input)} is not an address (0x and 40 hex digits)` })
  .transform((value): Address => getAddress(value.toLowerCase()));

/** An id of a chain entry, source, token or protocol: letters, digits, '.', '_', '-'. */
export const identifier = z
  .string()
  .regex(ID, { error: (i) => `${show(i.input)} is not a valid id (letters, digits, '.', '_', '-')` });

/** Seconds, written as a number of seconds or as `90s`, `15m`, `2h`, `7d`. */
export const duration = z.union([z.string(), z.number()], { error: (i) => `${show(i.input)} is not a duration (for example 90s, 15m, 2h, 7d)` }).transform((value, ctx): number => {
  const seconds = parseDuration(value);
  if (seconds === undefined || seconds <= 0) {
    ctx.addIssue({ code: 'custom', message: `${show(value)} is not a duration (for example 90s, 15m, 2h, 7d)` });
    return z.NEVER;
  }
  return seconds;
});

/** Whether a text is an http(s) URL `new URL` can read, with a host. */
function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s]+$/i.test(value)) return false;
  try {
    return new URL(value).hostname !== '';
  } catch {
    return false;
  }
}

/** An http(s) URL with a host, saying what is missing when it is not one. */
export const rpcUrl = z.string().refine(isHttpUrl, {
  error: (i) =>
    i.input === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(String(i.input))
      ? `${show(i.input)} is not an http(s) URL`
      : `${show(i.input)} is not an http(s) URL (it needs http:// or https:// in front)`,
});

/** A no-argument view returning one uint256, such as `totalDeposits()`. */
export const viewCall = z
  .string()
  .regex(VIEW_CALL, { error: (i) => `${show(i.input)} is not a view name such as totalSupply()` })
  .transform((value) => value.replace(/\(\)$/, ''));
