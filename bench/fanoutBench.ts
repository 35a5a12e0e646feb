import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Api } from 'grammy';
import { AlertEngine } from '../src/alerts/alertEngine.ts';
import { configSchema } from '../src/config/configSchema.ts';
import { OutboxWorker } from '../src/delivery/outboxWorker.ts';
import { silentLogger } from '../src/log/logger.ts';
import type { Snapshot } from '../src/figures/figures.ts';
import { createTelegramSender } from '../src/platforms/telegramSender.ts';
import { openSqliteStore } from '../src/store/sqliteStore.ts';
import { DigestScheduler } from '../src/subscriptions/digestScheduler.ts';

export interface FanoutResult {
  readonly subscribers: number;
  readonly limitPerSecond: number;
  readonly enqueueMs: number;
  readonly deliverMs: number;
  /** Messages delivered per second, from the worker's start to the last one marked sent. */
  readonly achievedPerSecond: number;
  /** Accepted sends per second at the server after the first second (a sliding window lets a full window through at once). */
  readonly sustainedPerSecond: number;
  readonly violations: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly peakRssMb: number;
  readonly peakHeapMb: number;
}

const emptySnapshot: Snapshot = {
  sources: [],
  tower: { baseToken: 'METIS', base: { ok: false, missing: 'no-data' }, layers: [], claimsInBase: { ok: false, missing: 'no-data' }, leverage: { ok: false, missing: 'no-data' } },
  chains: [],
};

/**
 * One digest fanned out to `subscribers` Telegram chats: enqueued by the digest scheduler into a SQLite
 * outbox (a file, WAL, as in production), delivered by the outbox worker through grammY to a fake Bot API
 * on 127.0.0.1, in its own process, that enforces the limits (scaled up so the run is short) and answers 429
 * on any excess.
 */
export async function benchFanout(subscribers = 10_000, limitPerSecond = 3_000): Promise<FanoutResult> {
  const limits = { globalPerSecond: limitPerSecond, perChatPerSecond: 1, perGroupPerMinute: 20 };
  const thread = fork(fileURLToPath(new URL('./fakeBotApiProcess.ts', import.meta.url)), [JSON.stringify(limits)], { execArgv: ['--import', 'tsx'] });
  const next = <T>(kind: string) => new Promise<T>((resolve) => {
    const on = (m: { kind: string }) => {
      if (m.kind !== kind) return;
      thread.off('message', on);
      resolve(m as T);
    };
    thread.on('message', on);
  });
  const telegram = await next<{ token: string; apiRoot: string }>('ready');
  const dir = mkdtempSync(join(tmpdir(), 'fanout-'));
  const store = openSqliteStore(join(dir, 'bench.db'));
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const sampler = setInterval(sample, 25);
  try {
    const { subscriptions, outbox } = store;
    const transaction = <T>(work: () => T): T => store.transaction(work);
    const config = configSchema.parse({
      chains: [{ id: 1, name: 'x', rpc: ['http://127.0.0.1:1'] }],
      tokens: { METIS: {} },
      sources: [{ id: 'eMetis', kind: 'erc20-supply', chain: 1, token: 'METIS', address: '0x0000000000000000000000000000000000000001' }],
    });
    const engine = new AlertEngine({ config, history: store, subscriptions, states: store.alertStates, outbox, transaction, logger: silentLogger });
    transaction(() => {
      for (let i = 1; i <= subscribers; i++) subscriptions.subscribe({ platform: 'telegram', chatId: String(i), kind: 'digest', digestTime: '09:00', timeZone: 'UTC' }, 0);
    });
    const digests = new DigestScheduler({ subscriptions, outbox, engine, snapshot: () => emptySnapshot, transaction, logger: silentLogger });
    const nine = Date.UTC(2026, 0, 15, 9, 0);
    let t0 = performance.now();
    const enqueued = digests.tick(nine);
    const enqueueMs = performance.now() - t0;
    if (enqueued !== subscribers) throw new Error(`enqueued ${enqueued} of ${subscribers}`);

    const api = new Api(telegram.token, { apiRoot: telegram.apiRoot });
    const worker = new OutboxWorker({ outbox, subscriptions, senders: { telegram: createTelegramSender(api, limits) }, logger: silentLogger, concurrency: 64 });
    t0 = performance.now();
    worker.start();
    await worker.drain(120_000);
    const deliverMs = performance.now() - t0;
    await worker.stop();
    sample();

    thread.send('stats');
    const stats = await next<{ perChat: Record<number, number>; arrivals: number[]; violations: number }>('stats');
    // A sliding window lets a full window's worth through at once at the start; the rate that counts is the
    // sustained one, after the first second.
    const arrivals = stats.arrivals.sort((a, b) => a - b);
    const first = arrivals[0] ?? 0;
    const last = arrivals.at(-1) ?? 0;
    const afterFirstSecond = arrivals.filter((a) => a > first + 1000).length;
    let lost = 0;
    let duplicated = 0;
    for (let i = 1; i <= subscribers; i++) {
      const n = stats.perChat[i] ?? 0;
      if (n === 0) lost++;
      if (n > 1) duplicated += n - 1;
    }
    return {
      subscribers,
      limitPerSecond,
      enqueueMs,
      deliverMs,
      achievedPerSecond: subscribers / (deliverMs / 1000),
      sustainedPerSecond: afterFirstSecond / ((last - first - 1000) / 1000),
      violations: stats.violations,
      lost,
      duplicated,
      peakRssMb: peakRss / 2 ** 20,
      peakHeapMb: peakHeap / 2 ** 20,
    };
  } finally {
    clearInterval(sampler);
    store.close();
    thread.send('close');
    await next('closed');
    thread.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
