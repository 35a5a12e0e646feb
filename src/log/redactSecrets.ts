import { redactUrl } from './redactUrl.ts';

/** Replaces every known secret in a text. */
export type SecretScrubber = (text: string) => string;

export const REDACTED = '[redacted]';

/**
 * Secrets no configuration names: Discord interaction and webhook tokens (valid 15 minutes, enough to answer
 * as the bot) travel in REST URLs, and discord.js errors carry those URLs.
 */
const TOKEN_PATTERNS: readonly { readonly pattern: RegExp; readonly replace: string }[] = [
  { pattern: /(\/(?:interactions\/\d+|webhooks\/\d+)\/)[A-Za-z0-9_.-]{20,}/g, replace: `$1${'[redacted]'}` },
];

/** Shorter pieces are not treated as secrets: they would hit ordinary words and numbers (a chain id in `?owner=1088`). */
const MIN_SECRET_LENGTH = 8;

interface Replacement {
  readonly find: string;
  readonly replace: string;
}

/** The forms a secret takes inside other text: as is, percent-encoded (in a URL), JSON-escaped (in a log line). */
function forms(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])];
}

/**
 * Builds a scrubber for a set of secret values. A secret that is an URL is shown as its redacted form
 * (scheme and host only, as `/status` shows it), so a log still says which endpoint failed; its key-bearing
 * parts (path, query values, credentials) are redacted wherever they appear on their own too.
 * @example createSecretScrubber(['123:SECRETSECRET'])('GET /bot123:SECRETSECRET/getMe') // 'GET /bot[redacted]/getMe'
 */
export function createSecretScrubber(secrets: readonly string[]): SecretScrubber {
  const replacements = new Map<string, string>();
  const add = (secret: string, replace = REDACTED) => {
    if (secret.length < MIN_SECRET_LENGTH) return;
    for (const form of forms(secret)) if (!replacements.has(form)) replacements.set(form, replace);
  };
  for (const secret of secrets) {
    if (!secret) continue;
    const url = parseHttpUrl(secret);
    if (url) {
      const shown = redactUrl(secret);
      if (shown === `${url.protocol}//${url.host}`) continue; // nothing secret in it
      add(secret, shown);
      add(secret.replace(/\/+$/, ''), shown);
      const pathAndQuery = `${url.pathname}${url.search}`;
      add(pathAndQuery);
      add(url.search);
      for (const segment of url.pathname.split('/')) add(decodeSafely(segment));
      for (const [, value] of url.searchParams) add(value);
      add(decodeSafely(url.password));
      add(decodeSafely(url.username));
    } else {
      add(secret);
      // A Telegram token is `<bot id>:<secret>`; a Discord token's last part is its signature.
      const telegramSecret = /^\d+:(.+)$/.exec(secret)?.[1];
      if (telegramSecret) add(telegramSecret);
      const discordSignature = /^[\w-]+\.[\w-]+\.([\w-]+)$/.exec(secret)?.[1];
      if (discordSignature) add(discordSignature);
    }
  }
  // Longest first, so a whole URL becomes its redacted form before its parts are looked for.
  const ordered: Replacement[] = [...replacements].map(([find, replace]) => ({ find, replace })).sort((a, b) => b.find.length - a.find.length);
  return (text) => {
    let out = text;
    for (const { find, replace } of ordered) if (out.includes(find)) out = out.split(find).join(replace);
    for (const { pattern, replace } of TOKEN_PATTERNS) out = out.replace(pattern, replace);
    return out;
  };
}

function parseHttpUrl(text: string): URL | undefined {
  if (!/^https?:\/\//i.test(text)) return undefined;
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The secrets the running bot knows: bot tokens and the webhook secret from the environment, every configured
 * RPC URL (their paths and query strings often carry an API key), and the Bot API / Discord REST roots (a proxy
 * URL may carry credentials). Give them to `createLogger`.
 */
export function collectSecrets(
  env: {
    readonly TELEGRAM_BOT_TOKEN?: string | undefined;
    readonly TELEGRAM_WEBHOOK_SECRET?: string | undefined;
    readonly DISCORD_TOKEN?: string | undefined;
    readonly TELEGRAM_API_ROOT?: string | undefined;
    readonly DISCORD_REST_API?: string | undefined;
  },
  config: { readonly chains: readonly { readonly rpc: readonly string[] }[] },
): string[] {
  return [env.TELEGRAM_BOT_TOKEN, env.TELEGRAM_WEBHOOK_SECRET, env.DISCORD_TOKEN, ...config.chains.flatMap((c) => c.rpc), env.TELEGRAM_API_ROOT, env.DISCORD_REST_API].filter(
    (s): s is string => typeof s === 'string' && s !== '',
  );
}
