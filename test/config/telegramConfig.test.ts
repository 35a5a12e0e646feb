import { describe, expect, it } from 'vitest';
import { MINIMAL_CONFIG_YAML, problemsOf } from './minimalConfig.ts';
import { parseEnv } from '../../src/config/env.ts';
import { parseConfig } from '../../src/config/loadConfig.ts';
import { collectSecrets, createSecretScrubber } from '../../src/log/redactSecrets.ts';

const minimal = MINIMAL_CONFIG_YAML;
const HTTP = 'http: { port: 8080 }\n';
const SECRET = 'Wh00k-secret_0123456789abcdef';


describe('telegram.mode and telegram.webhook', () => {
  it('GIVEN no telegram section THEN long polling, no webhook', () => {
    expect(parseConfig(minimal, {}).telegram).toEqual({ mode: 'polling' });
  });

  it('GIVEN webhook mode with its URL, the HTTP endpoint and the secret THEN the defaults fill the rest, the path from the URL', () => {
    const config = parseConfig(`${minimal}${HTTP}telegram:\n  mode: webhook\n  webhook: { url: "https://bot.example.com/tg/updates" }\n`, { TELEGRAM_WEBHOOK_SECRET: SECRET });
    expect(config.telegram).toEqual({
      mode: 'webhook',
      webhook: {
        url: 'https://bot.example.com/tg/updates',
        path: '/tg/updates',
        allowedUpdates: ['message', 'channel_post', 'callback_query'],
        dropPendingUpdates: false,
        maxConnections: 40,
        concurrency: 16,
        maxQueued: 1000,
      },
    });
  });

  it('GIVEN every webhook key THEN each is taken as written', () => {
    const text = `${minimal}${HTTP}telegram:
  mode: webhook
  webhook:
    url: "https://bot.example.com:8443/"
    path: /hook
    allowedUpdates: [message]
    dropPendingUpdates: true
    maxConnections: 5
    concurrency: 2
    maxQueued: 10
`;
    expect(parseConfig(text, { TELEGRAM_WEBHOOK_SECRET: SECRET }).telegram.webhook).toEqual({
      url: 'https://bot.example.com:8443/',
      path: '/hook',
      allowedUpdates: ['message'],
      dropPendingUpdates: true,
      maxConnections: 5,
      concurrency: 2,
      maxQueued: 10,
    });
  });

  it('GIVEN webhook mode without URL, HTTP endpoint or secret THEN each is listed, at once', () => {
    expect(problemsOf(`${minimal}telegram: { mode: webhook }\n`)).toEqual([
      'telegram.webhook: webhook mode needs webhook.url, the public https URL Telegram posts updates to',
      "telegram.mode: webhook mode serves Telegram's updates on the HTTP endpoint: set http.port (behind the webhook's public https URL)",
      'telegram.mode: webhook mode needs TELEGRAM_WEBHOOK_SECRET in the environment (1–256 characters of A-Z a-z 0-9 _ -, e.g. from `openssl rand -hex 32`): Telegram sends it with every update and the bot refuses updates without it',
    ]);
  });

  it('GIVEN an empty TELEGRAM_WEBHOOK_SECRET THEN it counts as unset', () => {
    expect(problemsOf(`${minimal}${HTTP}telegram: { mode: webhook, webhook: { url: "https://bot.example.com/tg" } }\n`, { TELEGRAM_WEBHOOK_SECRET: '' })).toEqual([
      expect.stringContaining('telegram.mode: webhook mode needs TELEGRAM_WEBHOOK_SECRET in the environment'),
    ]);
  });

  it('GIVEN polling mode THEN neither the secret nor the HTTP endpoint is needed, and a webhook section waits unused', () => {
    expect(problemsOf(`${minimal}telegram: { mode: polling, webhook: { url: "https://bot.example.com/tg" } }\n`)).toEqual([]);
  });

  it('GIVEN an http URL, a path the ops endpoint owns, a misspelt update type, a misspelt mode or out-of-range numbers THEN each is refused', () => {
    const text = `${minimal}${HTTP}telegram:
  mode: webhook
  webhook: { url: "http://bot.example.com/tg", allowedUpdates: [mesage], maxConnections: 101, concurrency: 0, maxQueued: 0 }
`;
    expect(problemsOf(text, { TELEGRAM_WEBHOOK_SECRET: SECRET })).toEqual([
      'telegram.webhook.url: "http://bot.example.com/…" is not an https URL: Telegram posts updates to https only (put a TLS-terminating proxy in front of http.port)',
      expect.stringMatching(/^telegram\.webhook\.allowedUpdates\[0\]: must be one of "message", .*"removed_chat_boost" \(found "mesage"; did you mean "message"\?\)$/),
      'telegram.webhook.maxConnections: must be at most 100, found 101',
      'telegram.webhook.concurrency: must be at least 1, found 0',
      'telegram.webhook.maxQueued: must be at least 1, found 0',
    ]);
    expect(problemsOf(`${minimal}${HTTP}telegram: { mode: webhook, webhook: { url: "https://bot.example.com/healthz" } }\n`, { TELEGRAM_WEBHOOK_SECRET: SECRET })).toEqual([
      "telegram.webhook.path: /healthz is the operations endpoint's: pick another path for Telegram's updates",
    ]);
    expect(problemsOf(`${minimal}telegram: { mode: webhok }\n`)).toEqual(['telegram.mode: must be one of "polling", "webhook" (found "webhok"; did you mean "webhook"?)']);
    expect(problemsOf(`${minimal}${HTTP}telegram: { mode: webhook, webhook: { url: "https://bot.example.com/", path: "/a?b" } }\n`, { TELEGRAM_WEBHOOK_SECRET: SECRET })).toEqual([
      'telegram.webhook.path: "/a?b" is not a URL path (it starts with / and has no query)',
    ]);
  });
});

describe('TELEGRAM_WEBHOOK_SECRET', () => {
  it("GIVEN Telegram's alphabet, 1 to 256 characters THEN it is accepted", () => {
    expect(parseEnv({ TELEGRAM_WEBHOOK_SECRET: 'a' })).toMatchObject({ env: { TELEGRAM_WEBHOOK_SECRET: 'a' } });
    expect(parseEnv({ TELEGRAM_WEBHOOK_SECRET: 'A-z_9'.repeat(51) + 'x' })).toMatchObject({ env: { TELEGRAM_WEBHOOK_SECRET: 'A-z_9'.repeat(51) + 'x' } });
  });

  it('GIVEN other characters or more than 256 THEN it is refused with the rule', () => {
    const problem = "TELEGRAM_WEBHOOK_SECRET: TELEGRAM_WEBHOOK_SECRET must be 1–256 characters of A-Z a-z 0-9 _ - (Telegram's rule for secret_token), e.g. from `openssl rand -hex 32`";
    expect(parseEnv({ TELEGRAM_WEBHOOK_SECRET: 'has space' })).toEqual({ problems: [problem] });
    expect(parseEnv({ TELEGRAM_WEBHOOK_SECRET: 'x'.repeat(257) })).toEqual({ problems: [problem] });
    expect(parseEnv({ TELEGRAM_WEBHOOK_SECRET: 'pa$$word' })).toEqual({ problems: [problem] });
  });

  it('GIVEN the secret in a log line THEN the scrubber takes it out', () => {
    const scrub = createSecretScrubber(collectSecrets({ TELEGRAM_WEBHOOK_SECRET: SECRET }, { chains: [] }));
    expect(scrub(`setWebhook {"secret_token":"${SECRET}"}`)).toBe('setWebhook {"secret_token":"[redacted]"}');
  });
});
