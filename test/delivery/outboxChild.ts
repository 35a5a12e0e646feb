import { Api } from 'grammy';
import { OutboxWorker } from '../../src/delivery/outboxWorker.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createTelegramSender } from '../../src/platforms/telegramSender.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';

/**
 * A bot process for the kill -9 test and benchmark: enqueues `count` messages into the outbox at `path` and
 * delivers them at `globalPerSecond` with `concurrency` sends at most in flight.
 */
const [path = '', token = '', apiRoot = '', count = '0', globalPerSecond = '100', concurrency = '4'] = process.argv.slice(2);
const store = openSqliteStore(path);
const outbox = store.outbox;
for (let i = 1; i <= Number(count); i++) {
  outbox.enqueue({ key: `kill:${i}`, platform: 'telegram', chatId: String(i), reply: { kind: 'answer', blocks: [{ kind: 'paragraph', parts: [`message ${i}`] }] } }, Date.now());
}
const limits = { globalPerSecond: Number(globalPerSecond), perChatPerSecond: 1, perGroupPerMinute: 20 };
const worker = new OutboxWorker({
  outbox,
  subscriptions: store.subscriptions,
  senders: { telegram: createTelegramSender(new Api(token, { apiRoot }), limits) },
  logger: silentLogger,
  concurrency: Number(concurrency),
});
worker.start();
process.send?.('started');
