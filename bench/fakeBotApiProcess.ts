import { startFakeBotApi, type RateLimits } from '../test/fakes/fakeBotApi.ts';

/**
 * The fake Bot API in its own process (forked with IPC), so that its work (HTML parsing, recording every call, its garbage)
 * is not charged to the bot in the fan-out benchmark, as with a real server. Answers 'stats' with what it
 * saw: per chat message counts, arrivals of accepted sends, and limit violations.
 */
const limits = JSON.parse(process.argv[2] ?? '{}') as RateLimits;
const send = (message: object) => process.send!(message);
const fake = await startFakeBotApi({ limits });
process.on('message', async (message: string) => {
  if (message === 'stats') {
    const perChat: Record<number, number> = {};
    for (const m of fake.sent) perChat[m.chat_id] = (perChat[m.chat_id] ?? 0) + 1;
    const arrivals = fake.calls.filter((c) => c.method === 'sendMessage' && c.status === 200).map((c) => c.at);
    send({ kind: 'stats', perChat, arrivals, violations: fake.violations });
  } else if (message === 'close') {
    await fake.close();
    send({ kind: 'closed' });
    process.disconnect();
  }
});
send({ kind: 'ready', token: fake.token, apiRoot: fake.apiRoot });
