import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/fakeBotApi.ts';
import { fakePlatformEnv } from '../helpers/fakePlatformEnv.ts';

const GROUP = -100_555;
const ADMIN = 71;
const MEMBER = 72;

/**
 * A settings flood costs Bot API calls only for the commands the rate limit lets through, and the admin
 * status is asked once per (chat, user) a minute: counted as getChatMember calls on the fake Bot API.
 */
describe('Telegram admin lookups under a settings flood', () => {
  let telegram: FakeBotApi;
  let app: App;
  let wall = 1_770_000_000_000;
  const lookups = () => telegram.calls.filter((c) => c.method === 'getChatMember');
  const repliesInGroup = () => telegram.messagesTo(GROUP).length;

  /** Every update sent before it has been handled once its answer arrives (grammY handles them in order). */
  async function settle(): Promise<void> {
    telegram.sendUserMessage({ chatId: 9_999, text: '/help' });
    await telegram.nextMessageTo(9_999);
  }

  beforeAll(async () => {
    telegram = await startFakeBotApi();
    telegram.setAdmins(GROUP, { [ADMIN]: 'administrator', [MEMBER]: 'member' });
    const config = loadConfig('config/devnet.yaml', { METIS_BOT_DB: ':memory:' }); // the default limit: 20 a minute
    app = await createApp({ config, env: fakePlatformEnv({ telegram }), logger: silentLogger, now: () => wall });
  });

  afterAll(async () => {
    await app?.stop();
    await telegram?.close();
  });

  it('GIVEN one admin sending 100 settings commands in a minute THEN one getChatMember, 20 answers and one notice', async () => {
    for (let i = 0; i < 100; i++) telegram.sendUserMessage({ chatId: GROUP, userId: ADMIN, text: `/alerts set depeg-warning ${60 + i}` });
    await settle();
    expect(lookups()).toHaveLength(1);
    expect(lookups()[0]?.payload).toMatchObject({ chat_id: GROUP, user_id: ADMIN });
    expect(repliesInGroup()).toBe(21);
    const replies = telegram.messagesTo(GROUP).map((m) => m.plain);
    expect(replies[19]).not.toContain('Only admins'); // the admin's change went through, from the cache
    expect(replies[20]).toContain('at most 20 a minute');
    expect(app.context.subscriptions?.thresholds({ platform: 'telegram', chatId: String(GROUP) })).toBeDefined();
  });

  it('GIVEN a member refused once THEN the refusal is remembered too: no second lookup within the minute', async () => {
    telegram.sendUserMessage({ chatId: GROUP, userId: MEMBER, text: '/subscribe alerts' });
    telegram.sendUserMessage({ chatId: GROUP, userId: MEMBER, text: '/unsubscribe alerts' });
    await settle();
    expect(lookups().map((c) => c.payload.user_id)).toEqual([ADMIN, MEMBER]);
    expect(telegram.messagesTo(GROUP).slice(-2).map((m) => m.plain)).toEqual([expect.stringContaining("Only this group's admins can change"), expect.stringContaining("Only this group's admins can change")]);
  });

  it('GIVEN the minute over THEN the next settings command asks again (a demoted admin is seen within a minute)', async () => {
    wall += 60_000;
    telegram.setAdmins(GROUP, { [ADMIN]: 'member', [MEMBER]: 'member' });
    telegram.sendUserMessage({ chatId: GROUP, userId: ADMIN, text: '/subscribe alerts' });
    await settle();
    expect(lookups()).toHaveLength(3);
    expect(telegram.messagesTo(GROUP).at(-1)?.plain).toContain("Only this group's admins can change");
  });

  it('GIVEN commands that change nothing THEN no lookup at all', async () => {
    const before = lookups().length;
    for (const text of ['/status', '/help', '/apy']) telegram.sendUserMessage({ chatId: GROUP, userId: 73, text });
    await settle();
    expect(lookups()).toHaveLength(before);
  });
});
