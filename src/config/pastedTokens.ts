/** A Telegram bot token (`<bot id>:<35 characters>`) or a Discord bot token (three dot-separated base64 parts). */
const BOT_TOKEN = /\b\d{6,}:[A-Za-z0-9_-]{30,}|[A-Za-z0-9_-]{23,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{27,}/;

/** Where a string shaped like a bot token sits in a config tree. */
export interface PastedToken {
  readonly path: readonly (string | number)[];
}

/**
 * Finds strings in a config tree that are shaped like a Telegram or Discord bot token. Tokens come only from
 * the environment: one pasted into the file (into a label, a name, the store path) would be shown in replies,
 * `/status` and logs, which no scrubber knows to hide.
 */
export function findPastedTokens(tree: unknown, path: (string | number)[] = []): PastedToken[] {
  if (typeof tree === 'string') return BOT_TOKEN.test(tree) ? [{ path }] : [];
  if (Array.isArray(tree)) return tree.flatMap((item, i) => findPastedTokens(item, [...path, i]));
  if (tree !== null && typeof tree === 'object') return Object.entries(tree).flatMap(([key, value]) => findPastedTokens(value, [...path, key]));
  return [];
}
