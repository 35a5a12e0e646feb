import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '../src/store/sqliteStore.ts';
import { startFakeBotApi } from '../test/fakes/fakeBotApi.ts';

export interface CrashBenchResult {
  readonly runs: number;
  readonly chats: number;
  /** Messages that the restart will send a second time, per crash, sorted. */
  readonly duplicates: readonly number[];
  /** Messages neither received nor pending after a crash, summed over the runs (0: nothing can be lost). */
  readonly lost: number;
  readonly violations: number;
}

const LIMITS = { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 };

/**
 * A broadcast to `chats` Telegram chats at Telegram's real limits (30/s, 1/s per chat) from a bot process with
 * the production concurrency (64), killed with SIGKILL at a random moment of the broadcast, `runs` times.
 * After each kill the database says exactly what a restart does: every row not marked sent is sent again, so
 * a message the fake Bot API already received and the store still holds as pending is a duplicate, and one
 * neither received nor pending would be lost. (test/delivery/killRestart.test.ts restarts and checks this.)
 */
export async function benchCrash(runs = 20, chats = 400): Promise<CrashBenchResult> {
  const duplicates: number[] = [];
  let lost = 0;
  let violations = 0;
  const broadcastMs = (chats / LIMITS.globalPerSecond) * 1000;
  for (let run = 0; run < runs; run++) {
    const telegram = await startFakeBotApi({ limits: LIMITS });
    const dir = mkdtempSync(join(tmpdir(), 'crash-'));
    const path = join(dir, 'bot.db');
    try {
      const child = fork(fileURLToPath(new URL('../test/delivery/outboxChild.ts', import.meta.url)), [path, telegram.token, telegram.apiRoot, String(chats), String(LIMITS.globalPerSecond), '64'], {
        execArgv: ['--import', 'tsx'],
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise<void>((resolve) => child.once('message', () => resolve()));
      // A moment anywhere in the broadcast, kept clear of its last 5 % so the kill lands before it ends.
      await new Promise((r) => setTimeout(r, Math.random() * broadcastMs * 0.95));
      child.kill('SIGKILL');
      await exited;
      const received = new Set(telegram.sent.map((m) => String(m.chat_id)));
      const store = openSqliteStore(path);
      try {
        const pending = new Set(store.outbox.due(Number.MAX_SAFE_INTEGER, chats + 1).map((m) => m.chatId));
        duplicates.push([...pending].filter((chat) => received.has(chat)).length);
        for (let chat = 1; chat <= chats; chat++) if (!received.has(String(chat)) && !pending.has(String(chat))) lost++;
      } finally {
        store.close();
      }
      violations += telegram.violations;
    } finally {
      await telegram.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { runs, chats, duplicates: duplicates.sort((a, b) => a - b), lost, violations };
}
