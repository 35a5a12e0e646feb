import { z } from 'zod';
import { PLATFORMS } from '../vocabulary/platform.ts';
import { duration } from './fieldSchemas.ts';

/** Alert rules: defaults every chat starts from (a chat may override them with /alerts set). */
export const alertsSchema = z
  .strictObject({
    /** APY drop: relative fall, percent, below the trailing 7 d average. */
    apyDropPercent: z.number().gt(0).max(100).default(20),
    /** APY drop: absolute fall, percentage points, below the trailing 7 d average. */
    apyDropPoints: z.number().gt(0).max(100).default(3),
    depegWarningBps: z.number().gt(0).max(10_000).default(50),
    depegCriticalBps: z.number().gt(0).max(10_000).default(200),
    /** Tower leverage change over 24 h, percent. */
    leverageChangePercent: z.number().gt(0).max(1_000).default(10),
    /** The base (METIS locked) falling by this many percent in 24 h. */
    baseFallPercent: z.number().gt(0).max(100).default(5),
    /** Fewer active sequencers than this. */
    minActiveSequencers: z.number().int().min(1).max(1_000).default(3),
    /** One operator (sequencers of one LST protocol together) holding more than this share of the base, percent. */
    operatorSharePercent: z.number().gt(0).max(100).default(50),
    /** An active sequencer whose earned reward has not grown for this many hours (to chats subscribed to it). */
    rewardStallHours: z.number().gt(0).max(720).default(24),
    /** Consecutive cycles a condition must hold before it fires (and before it clears). */
    cycles: z.number().int().min(1).max(100).default(2),
    /** An alert clears once its measure is below this fraction of the firing threshold (hysteresis). */
    clearRatio: z.number().gt(0).lt(1).default(0.6),
    /** After a recovery, the same (chat, rule, source) does not fire again for this long. */
    cooldown: duration.default(3_600),
    /** A source stale this long is reported to operatorChat (never to subscribers). */
    staleAfter: duration.default(1_800),
    /** A reading more than this many times (or less than 1/this of) the last one is held back until it repeats. */
    outlierFactor: z.number().gt(1).default(5),
    /** ...but only while that last accepted reading is younger than this; an older one is simply replaced. */
    outlierWindow: duration.default(6 * 3_600),
    operatorChat: z.strictObject({ platform: z.enum(PLATFORMS), chatId: z.string().min(1) }).optional(),
  })
  // A warning level at or above the critical one would never warn before it is critical.
  .refine((a) => a.depegWarningBps < a.depegCriticalBps, { message: 'depegWarningBps must be below depegCriticalBps', path: ['depegWarningBps'] })
  .prefault({});
