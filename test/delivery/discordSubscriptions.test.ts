import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import { fakePlatformEnv } from '../helpers/fakePlatformEnv.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fakeDiscord.ts';

const CHANNEL = '300000000000000001';
const MANAGE_CHANNELS = 1n << 4n;
const MEMBER = 1024n | 2048n | 65536n | 2147483648n;

describe('subscriptions on Discord (real discord.js, fake Discord)', () => {
  let fake: FakeDiscord;
  let app: App;
  let wall = Date.UTC(2026, 2, 1, 6, 0);

  beforeEach(async () => {
    fake = await startFakeDiscord();
    app = await createApp({
      config: loadConfig('config/devnet.yaml', { METIS_BOT_DB: join(mkdtempSync(join(tmpdir(), 'discord-subs-')), 'bot.db') }),
      env: fakePlatformEnv({ discord: fake }),
      logger: silentLogger,
      now: () => wall,
    });
  });

  afterEach(async () => {
    await app.stop();
    await fake.close();
  });

  async function slash(name: string, options: { name: string; value: string | number }[], permissions: bigint): Promise<string> {
    const interaction = fake.dispatchInteraction({ name, options, permissions });
    const call = await fake.waitFor((c) => c.path.startsWith(`/interactions/${interaction.id}/`));
    const data = (call.body as { data?: { content?: string; embeds?: { description?: string; title?: string; fields?: { value: string }[] }[] } }).data;
    return [data?.content ?? '', ...(data?.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).map((f) => f.value)])].join('\n');
  }

  it('refuses a member without Manage Channels, accepts one with it, and posts the digest to the channel once', async () => {
    const digest = [{ name: 'kind', value: 'digest' }, { name: 'time', value: '07:15' }, { name: 'timezone', value: 'UTC' }];
    expect(await slash('subscribe', digest, MEMBER)).toContain('/subscribe changes what #yields receives, so it needs the Manage Channels permission there');
    const setThreshold = [{ name: 'action', value: 'set' }, { name: 'rule', value: 'depeg-warning' }, { name: 'value', value: 80 }];
    expect(await slash('alerts', setThreshold, MEMBER)).toContain("Only members with the Manage Channels permission can change this channel's subscriptions");
    expect(await slash('subscribe', digest, MEMBER | MANAGE_CHANNELS)).toContain('at 07:15 UTC');
    wall = Date.UTC(2026, 2, 1, 7, 15);
    expect(app.subscriptions.digests.tick(wall)).toBe(1);
    expect(app.subscriptions.digests.tick(wall + 60_000)).toBe(0);
    await app.subscriptions.worker.drain();
    const posted = fake.messages.filter((m) => m.kind === 'channel' && m.channelId === CHANNEL);
    expect(posted).toHaveLength(1);
    expect(JSON.stringify(posted[0]!.body)).toContain('Daily digest · Sun 1 Mar 2026 · 07:15 UTC');
  });

  it('GIVEN the bot lost access to the channel (403) THEN the subscription is deactivated', async () => {
    expect(await slash('subscribe', [{ name: 'kind', value: 'digest' }, { name: 'time', value: '07:15' }], MANAGE_CHANNELS)).toContain('07:15 UTC');
    fake.failNext(`POST /channels/${CHANNEL}/messages`, { status: 403, code: 50001, message: 'Missing Access' });
    wall = Date.UTC(2026, 2, 1, 7, 20);
    expect(app.subscriptions.digests.tick(wall)).toBe(1);
    await app.subscriptions.worker.drain();
    expect(app.subscriptions.subscriptions.forChat('discord', CHANNEL).map((s) => [s.active, s.deactivated?.reason])).toEqual([[false, '403 50001: Missing Access']]);
    expect(app.subscriptions.outbox.counts()).toMatchObject({ pending: 0, failed: 1 });
    // Anyone may read /alerts: it says when and why the digest stopped, and how to restart it.
    expect(await slash('alerts', [], MEMBER)).toMatch(/Digest was turned off on \d{1,2} \w{3}( \d{4})? \d\d:\d\d UTC because Discord answered 403: 50001: Missing Access\. To turn it back on: \/subscribe digest\./);
  });
});
