import { z } from 'zod';
import { isValidCronExpression } from './cronExpression.ts';
import { alertsSchema } from './alertsSchema.ts';
import { chainSchema } from './chainSchema.ts';
import { deliverySchema } from './deliverySchema.ts';
import { duration, identifier, show } from './fieldSchemas.ts';
import { referenceProblems } from './referenceProblems.ts';
import { sourceSchema } from './sourceSchema.ts';
import { telegramSchema } from './telegramSchema.ts';
import { tokenSchema, towerSchema } from './tokenSchema.ts';

/** The whole config file: every section validated, then the references between sections. */
export const configSchema = z
  .strictObject({
    poll: z
      .strictObject({
        schedule: z
          .string()
          .refine(isValidCronExpression, { error: (i) => `${show(i.input)} is not a cron expression` })
          .default('*/5 * * * *'),
        staleAfter: duration.default(900),
      })
      .prefault({}),
    store: z.strictObject({ path: z.string().min(1).default('data/metis-yield-bot.db') }).prefault({}),
    rpc: z.strictObject({ timeout: duration.default(10) }).prefault({}),
    chains: z.array(chainSchema).min(1),
    tokens: z.record(identifier, tokenSchema),
    sources: z.array(sourceSchema).min(1),
    tower: towerSchema,
    /** Operations endpoint (`/healthz`, `/metrics`); off when absent. */
    http: z
      .strictObject({
        port: z.number().int().min(0).max(65_535),
        host: z.string().min(1).default('127.0.0.1'),
        /** `/healthz` fails when the last poll cycle finished longer ago than this; default poll.staleAfter. */
        maxCycleAge: duration.optional(),
      })
      .optional(),
    commands: z
      .strictObject({
        /** Commands one user may send per minute on Telegram or Discord (the console is not limited); 0: no limit. */
        rateLimitPerMinute: z.number().int().min(0).max(10_000).default(20),
      })
      .prefault({}),
    /** Alert rules: defaults every chat starts from (a chat may override them with /alerts set). */
    alerts: alertsSchema,
    /** Outbox delivery: platform rate limits and retries. */
    delivery: deliverySchema,
    /** How Telegram's updates arrive: long polling, or a webhook served on the `http` endpoint. */
    telegram: telegramSchema,
  })
  .superRefine((config, ctx) => {
    for (const { path, message, input } of referenceProblems(config)) ctx.addIssue({ code: 'custom', path, message, input });
  });

export type Config = z.output<typeof configSchema>;
export type ChainConfig = Config['chains'][number];
export type SourceConfig = Config['sources'][number];
export type SourceKindName = SourceConfig['kind'];
export type SourceOfKind<K extends SourceKindName> = Extract<SourceConfig, { kind: K }>;
export type TokenConfig = Config['tokens'][string];
