/**
 * Telegram's webhook side for the fake Bot API: setWebhook / deleteWebhook / getWebhookInfo with what Telegram
 * keeps (URL, secret_token, allowed_updates, max_connections), and `deliver`, which posts an update to the
 * registered URL with the secret header, as Telegram does. Installed on a running fake through `onMethod`:
 *
 *   const fake = await startFakeBotApi();
 *   const webhook = installFakeWebhook(fake);
 *   // … the bot calls setWebhook …
 *   expect(await webhook.deliver(messageUpdate(1, 4242, '/status'))).toBe(200);
 */
import type { FakeBotApi } from './fakeBotApi.ts';
import { FakeBotApiError, type Json } from './botApi/types.ts';

/** What the fake holds for a registered webhook (empty url: none). */
export interface FakeWebhookState {
  url: string;
  secretToken: string | undefined;
  allowedUpdates: string[] | undefined;
  maxConnections: number;
}

export interface FakeWebhook {
  readonly state: FakeWebhookState;
  /** Posts an update to the registered URL with its secret (or `secret` when given); resolves with the HTTP status. */
  deliver(update: object, secret?: string): Promise<number>;
}

const SECRET_TOKEN = /^[A-Za-z0-9_-]{1,256}$/;
const bad = (what: string) => new FakeBotApiError(400, `Bad Request: ${what}`);

/** Overrides the fake's webhook methods with ones that keep Telegram's fields; returns the state and a deliverer. */
export function installFakeWebhook(fake: FakeBotApi): FakeWebhook {
  const state: FakeWebhookState = { url: '', secretToken: undefined, allowedUpdates: undefined, maxConnections: 40 };
  const clear = (): true => {
    Object.assign(state, { url: '', secretToken: undefined, allowedUpdates: undefined, maxConnections: 40 });
    return true;
  };

  fake.onMethod('setWebhook', (p: Json) => {
    if (typeof p.url !== 'string') throw bad('bad webhook: Webhook URL is empty');
    if (p.url === '') return clear(); // Telegram: an empty URL removes the webhook
    // A local Bot API server (which this fake stands for) also takes http URLs and any port.
    if (!/^https?:\/\//.test(p.url)) throw bad('bad webhook: Wrong HTTP URL specified');
    if (p.secret_token !== undefined && (typeof p.secret_token !== 'string' || !SECRET_TOKEN.test(p.secret_token))) throw bad('secret token contains unallowed characters');
    if (p.max_connections !== undefined && (typeof p.max_connections !== 'number' || p.max_connections < 1 || p.max_connections > 100)) throw bad('bad max_connections');
    if (p.allowed_updates !== undefined && !Array.isArray(p.allowed_updates)) throw bad("can't parse allowed_updates JSON array");
    state.url = p.url;
    state.secretToken = p.secret_token as string | undefined;
    state.allowedUpdates = p.allowed_updates as string[] | undefined;
    state.maxConnections = (p.max_connections as number | undefined) ?? 40;
    return true;
  });
  fake.onMethod('deleteWebhook', clear);
  fake.onMethod('getWebhookInfo', () => ({
    url: state.url,
    has_custom_certificate: false,
    pending_update_count: fake.pendingUpdates,
    max_connections: state.maxConnections,
    ...(state.allowedUpdates ? { allowed_updates: state.allowedUpdates } : {}),
  }));

  return {
    state,
    async deliver(update, secret) {
      if (state.url === '') throw new Error('deliver: no webhook is registered');
      const token = secret ?? state.secretToken;
      const response = await fetch(state.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token !== undefined ? { 'x-telegram-bot-api-secret-token': token } : {}) },
        body: JSON.stringify(update),
      });
      await response.arrayBuffer();
      return response.status;
    },
  };
}

/** A private-chat text message update as Telegram sends it, with the bot_command entity of a leading /command. */
export function messageUpdate(updateId: number, chatId: number, text: string): Json {
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text)?.[0];
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      from: { id: chatId, is_bot: false, first_name: `User ${chatId}`, language_code: 'en' },
      chat: { id: chatId, type: 'private', first_name: `User ${chatId}` },
      date: 1_750_000_000,
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command.length }] } : {}),
    },
  };
}
