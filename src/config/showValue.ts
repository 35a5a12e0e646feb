/**
 * Stands for the offending value in a config problem's message (`${VALUE} is not an address`). The loader puts
 * the value in with `showValue`, which knows where it came from; a message never holds the raw value itself,
 * because config errors are printed before the log scrubber exists and an RPC URL or a pasted token is a secret.
 */
export const VALUE = '{value}';

/** Where a value came from, which decides how much of it may be shown. */
export interface ValueOrigin {
  /** Environment variables whose values went into it through `${VAR}`: never shown. */
  readonly fromEnv?: readonly string[] | undefined;
  /** The key it is under: keys that name secrets (`password`, `apiKey`, `botToken`) hide their value. */
  readonly key?: PropertyKey | undefined;
}

/** A value is hidden under these keys. `token` and `baseToken` are not among them: in this config they hold token symbols. */
const SECRET_KEY = /secret|passw|api_?key|private_?key|auth|credential|mnemonic|cookie|(bot|access|api|bearer|refresh|session)_?token/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** `host.name[:port]`, `1.2.3.4:8545`, `localhost:8545`, followed by a path, a query or nothing. */
const HOST_FIRST = /^[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?(?=[/?#]|$)/i;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const LONGEST_SHOWN = 60;

/**
 * Whether a text holds something shaped like a key or a token: a run of 24 letters and digits, or of 16 that
 * mixes both (API keys, the secret half of a Telegram token, Discord token parts, a private key), or a UUID.
 * A 0x address is public and not counted. Words, ids, durations, cron lines and view names do not match.
 */
export function looksLikeSecret(text: string): boolean {
  if (UUID.test(text)) return true;
  for (const run of text.match(/[A-Za-z0-9]+/g) ?? []) {
    if (ADDRESS.test(run)) continue;
    if (run.length >= 24 || (run.length >= 16 && /\d/.test(run) && /[A-Za-z]/.test(run))) return true;
  }
  return false;
}

/** Whether a text reads as a URL or a host: it has a scheme, credentials (`user:pass@`), or starts with a host and a port, path or query. */
function looksLikeUrl(text: string): boolean {
  return SCHEME.test(text) || /^[^\s/?#@]+@/.test(text) || (HOST_FIRST.test(text) && /[.:]/.test(HOST_FIRST.exec(text)![0]));
}

/**
 * A URL (or a scheme-less host and path) as scheme and host only, as `/status` shows an RPC: path, query,
 * fragment and credentials are where keys live. Undefined when it cannot be read as one, or its host itself
 * looks like a key.
 * @example redactedUrl('127.0.0.1:8545/v3/KEY?apikey=KEY2') // '127.0.0.1:8545/…'
 */
function redactedUrl(text: string): string | undefined {
  const scheme = SCHEME.test(text);
  let url: URL;
  try {
    url = new URL(scheme ? text : `http://${text}`);
  } catch {
    return undefined;
  }
  if (looksLikeSecret(url.host)) return undefined;
  const hidden = url.pathname.length > 1 || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '';
  return `${scheme ? `${url.protocol}//` : ''}${url.host}${hidden ? '/…' : ''}`;
}

/** Whether a value at this key never shows. */
function isSecretKey(key: PropertyKey | undefined): boolean {
  return typeof key === 'string' && SECRET_KEY.test(key);
}

/**
 * A string as it may appear in a config problem: quoted when it cannot hold a secret, as scheme and host when it
 * is a URL, otherwise described without its content. Anything from `${VAR}` is named by its variable instead.
 */
function showString(text: string, origin: ValueOrigin): string {
  const fromEnv = origin.fromEnv?.length ? origin.fromEnv.map((name) => `\${${name}}`).join(', ') : undefined;
  const url = looksLikeUrl(text) ? redactedUrl(text) : undefined;
  if (fromEnv) return url !== undefined && !isSecretKey(origin.key) ? `${JSON.stringify(url)} (from ${fromEnv})` : `the value of ${fromEnv} (not shown)`;
  if (isSecretKey(origin.key)) return 'a value (not shown: its key names a secret)';
  if (looksLikeUrl(text)) return url !== undefined ? JSON.stringify(url) : `a ${text.length}-character value (not shown: it may hold a secret)`;
  if (text.includes('://') || text.includes('@') || looksLikeSecret(text)) return `a ${text.length}-character value (not shown: it may hold a secret)`;
  return JSON.stringify(text.length > LONGEST_SHOWN ? `${text.slice(0, LONGEST_SHOWN - 1)}…` : text);
}

/** A number in full only while its digits are few: a 0x key written without quotes is read by YAML as a (huge) number. */
function showNumber(value: number): string {
  const text = String(value);
  return Number.isSafeInteger(value) || text.length <= 12 ? text : 'a number too long to show';
}

/**
 * Renders a config value for a problem line, never showing what could be a secret.
 * @example showValue('0x12') // '"0x12"'
 * @example showValue('https://user:pass@rpc.example/v3/KEY') // '"https://rpc.example/…"'
 */
export function showValue(value: unknown, origin: ValueOrigin = {}): string {
  if (typeof value === 'string') return showString(value, origin);
  if (typeof value === 'number') return showNumber(value);
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/**
 * What a value is, for "expected …, found …": `the string "one"`, `the number 5`, `a list`, `a mapping`,
 * `an empty value`; strings as `showValue` shows them.
 */
export function describeFound(value: unknown, origin: ValueOrigin = {}): string {
  if (typeof value === 'string') {
    const shown = showString(value, origin);
    return shown.startsWith('"') ? `the string ${shown}` : shown;
  }
  if (typeof value === 'number') {
    const shown = showNumber(value);
    return Number.isFinite(value) && /^-?\d/.test(shown) ? `the number ${shown}` : shown;
  }
  if (typeof value === 'boolean') return String(value);
  return showValue(value, origin);
}

/**
 * A key for a path or an "unknown key" line: as written when it is a plain name, quoted (a URL redacted)
 * otherwise, and undefined when it could be a secret (a token pasted where a key goes).
 */
export function showKey(key: PropertyKey): string | undefined {
  if (typeof key === 'number') return String(key);
  const text = String(key);
  if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(text) && !looksLikeSecret(text)) return text;
  const shown = showValue(text);
  return shown.startsWith('"') ? shown : undefined;
}

/**
 * Renders a path the way people write it, `sources[2].vault`; a key that is not a plain name is bracketed and
 * shown like a value (`chains[0]["https://rpc.example/…"]`), since a mistyped key can be a pasted URL.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const shown = showKey(key);
    if (shown !== String(key)) return `${text}[${shown ?? '…'}]`;
    return text ? `${text}.${shown}` : shown;
  }, '');
}
