import { z } from 'zod';
import { show } from './fieldSchemas.ts';
import type { ReferenceProblem } from './referenceProblems.ts';

/** Update types Telegram can send (`allowed_updates`), as the Bot API names them. */
export const TELEGRAM_UPDATE_TYPES = [
  'message', 'edited_message', 'channel_post', 'edited_channel_post', 'business_connection', 'business_message',
  'edited_business_message', 'deleted_business_messages', 'message_reaction', 'message_reaction_count', 'inline_query',
  'chosen_inline_result', 'callback_query', 'shipping_query', 'pre_checkout_query', 'purchased_paid_media', 'poll',
  'poll_answer', 'my_chat_member', 'chat_member', 'chat_join_request', 'chat_boost', 'removed_chat_boost',
] as const;

/** Paths the operations endpoint already answers: the update endpoint cannot take them. */
const OPS_PATHS = ['/healthz', '/metrics'];

/** The name of the environment variable holding the webhook's secret token. */
export const WEBHOOK_SECRET_VARIABLE = 'TELEGRAM_WEBHOOK_SECRET';

const webhookSchema = z
  .strictObject({
    /** The public https URL Telegram posts updates to (a TLS-terminating proxy in front of http.port). */
    url: z.url({ protocol: /^https$/, error: (i) => `${show(i.input)} is not an https URL: Telegram posts updates to https only (put a TLS-terminating proxy in front of http.port)` }),
    /** The path served on the HTTP server; default the URL's path (a proxy that passes the path through). */
    path: z.string().regex(/^\/[A-Za-z0-9._~/-]*$/, { error: (i) => `${show(i.input)} is not a URL path (it starts with / and has no query)` }).optional(),
    /** Sent to Telegram as allowed_updates; callback_query is in the default for inline buttons. */
    allowedUpdates: z.array(z.enum(TELEGRAM_UPDATE_TYPES)).default(['message', 'channel_post', 'callback_query']),
    /** Drop the updates Telegram holds for the bot when it registers (setWebhook's drop_pending_updates). */
    dropPendingUpdates: z.boolean().default(false),
    /** Connections Telegram opens at once to deliver updates (1–100, Telegram's default 40). */
    maxConnections: z.number().int().min(1).max(100).default(40),
    /** Updates handled at once; more wait in the queue. */
    concurrency: z.number().int().min(1).max(1_000).default(16),
    /** Updates waiting at most; past it the endpoint answers 503 and Telegram delivers the update again later. */
    maxQueued: z.number().int().min(1).max(100_000).default(1_000),
  })
  .transform((webhook) => ({ ...webhook, path: webhook.path ?? new URL(webhook.url).pathname }))
  .superRefine((webhook, ctx) => {
    if (OPS_PATHS.includes(webhook.path)) ctx.addIssue({ code: 'custom', path: ['path'], message: `${webhook.path} is the operations endpoint's: pick another path for Telegram's updates` });
  });

/** Telegram: long polling (default) or a webhook served on the HTTP server. */
export const telegramSchema = z
  .strictObject({
    mode: z.enum(['polling', 'webhook']).default('polling'),
    webhook: webhookSchema.optional(),
  })
  .superRefine((telegram, ctx) => {
    if (telegram.mode === 'webhook' && telegram.webhook === undefined)
      ctx.addIssue({ code: 'custom', path: ['webhook'], message: 'webhook mode needs webhook.url, the public https URL Telegram posts updates to' });
  })
  .prefault({});

export type TelegramConfig = z.output<typeof telegramSchema>;
export type TelegramWebhookConfig = NonNullable<TelegramConfig['webhook']>;

/**
 * Webhook mode's problem with the environment: its secret comes from TELEGRAM_WEBHOOK_SECRET, never from the
 * file, and without one anybody who finds the URL could post updates. Judged on the raw document so it is
 * listed beside every other problem.
 */
export function webhookSecretProblems(raw: unknown, env: Readonly<Record<string, string | undefined>>): ReferenceProblem[] {
  const telegram = typeof raw === 'object' && raw !== null ? (raw as { telegram?: unknown }).telegram : undefined;
  const mode = typeof telegram === 'object' && telegram !== null ? (telegram as { mode?: unknown }).mode : undefined;
  if (mode !== 'webhook' || (env[WEBHOOK_SECRET_VARIABLE] ?? '') !== '') return [];
  return [
    {
      path: ['telegram', 'mode'],
      message: `webhook mode needs ${WEBHOOK_SECRET_VARIABLE} in the environment (1–256 characters of A-Z a-z 0-9 _ -, e.g. from \`openssl rand -hex 32\`): Telegram sends it with every update and the bot refuses updates without it`,
      input: undefined,
    },
  ];
}
