import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/fakeBotApi.ts';
import { startFakeDiscord, type FakeDiscord, type Json } from '../fakes/fakeDiscord.ts';
import { fakePlatformEnv } from '../helpers/fakePlatformEnv.ts';

const GROUP = -100_888;
const ADMIN = 91;
const CHINESE_SET = '本聊天的回复、预警和摘要现在使用中文。';
const CALLBACK = 'POST /interactions/:id/:token/callback';

/**
 * One button flow per platform through the whole app (its store, gate and platforms, as production wires them):
 * /lang's 中文 pressed on Telegram and on Discord, and a Telegram button pressed after the app restarted on its store.
 */
describe('the app: /lang buttons on Telegram and Discord', () => {
  let dir: string;
  let telegram: FakeBotApi;
  let discord: FakeDiscord;
  let app: App | undefined;
  const start = () => createApp({ config: loadConfig('config/devnet.yaml', { METIS_BOT_DB: join(dir, 'bot.db') }), env: fakePlatformEnv({ telegram, discord }), logger: silentLogger });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'app-buttons-'));
    [telegram, discord] = await Promise.all([startFakeBotApi(), startFakeDiscord()]);
    telegram.setAdmins(GROUP, { [ADMIN]: 'administrator' });
    app = await start();
  });
  afterAll(async () => {
    await app?.stop();
    await telegram?.close();
    await discord?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('GIVEN a Telegram group THEN an admin’s press of 中文 edits the menu into Chinese; after a restart of the app its English button still works', async () => {
    telegram.sendUserMessage({ chatId: GROUP, userId: ADMIN, text: '/lang' });
    const menu = await telegram.nextMessageTo(GROUP);
    const since = telegram.calls.length;
    telegram.pressButton({ chatId: GROUP, messageId: menu.message_id, data: '1e/lang zh', userId: ADMIN });
    await telegram.waitForCall((c) => c.method === 'editMessageText', 10_000, since);
    expect(telegram.messagesTo(GROUP).at(-1)).toMatchObject({ method: 'editMessageText', message_id: menu.message_id, plain: CHINESE_SET });

    await app!.stop();
    app = await start();
    const again = telegram.calls.length;
    telegram.pressButton({ chatId: GROUP, messageId: menu.message_id, data: '1e/lang en', userId: ADMIN });
    await telegram.waitForCall((c) => c.method === 'editMessageText' && c.status === 200, 10_000, again);
    expect(telegram.messagesTo(GROUP).at(-1)?.plain).toBe('This chat now gets answers, alerts and digests in English.');
  });

  it('GIVEN a Discord DM THEN its 中文 button updates the menu into Chinese', async () => {
    const interaction = discord.dispatchInteraction({ name: 'lang', guildId: null });
    await discord.waitFor((c) => c.route === CALLBACK && c.path.startsWith(`/interactions/${interaction.id}/`));
    const menu = discord.messages.findLast((m) => m.interactionId === interaction.id)!.message;
    const pressed = discord.pressComponent({ kind: 'button', messageId: String(menu.id), customId: '1e/lang zh' });
    const callback = await discord.waitFor((c) => c.route === CALLBACK && c.path.startsWith(`/interactions/${pressed.id}/`));
    const body = callback.body as { type: number; data: Json };
    expect(body.type).toBe(7);
    expect(JSON.stringify(body.data.embeds)).toContain(CHINESE_SET);
  });
});
