import { Client, REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleCommandText } from '../../commands/registry.ts';
import type { Reply } from '../../src/vocabulary/reply.ts';
import { createDiscordChannelSender, type DiscordChannelSender } from '../../src/platforms/discordChannelSender.ts';
import { renderDiscord } from '../../src/platforms/renderDiscord.ts';
import { context } from '../commands/snapshotFixture.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fakeDiscord.ts';

let fake: FakeDiscord;
let rest: REST;
let sender: DiscordChannelSender;
let channel: string;
const reply = handleCommandText('/apy', context)!;
const postsTo = (id: string) => fake.calls.filter((c) => c.route === 'POST /channels/:id/messages' && c.path === `/channels/${id}/messages`);

beforeEach(async () => {
  fake = await startFakeDiscord();
  rest = new REST({ api: fake.apiRoot }).setToken(fake.token);
  sender = createDiscordChannelSender(rest);
  channel = fake.guilds[0]!.channels[0]!.id;
});

afterEach(async () => {
  rest.clearHashSweeper();
  rest.clearHandlerSweeper();
  await fake.close();
});

describe('createDiscordChannelSender', () => {
  it('GIVEN a post THEN the rendered reply arrives once, pinging no one', async () => {
    expect(await sender.send(channel, reply)).toEqual({ ok: true });
    const [sent, ...more] = fake.messages;
    expect(more).toEqual([]);
    expect(sent?.kind).toBe('channel');
    expect(sent?.body.embeds).toEqual(renderDiscord(reply)[0]?.embeds);
    expect(sent?.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN a reply with a picture THEN the PNG is attached and the embed shows it', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const withImage: Reply = { kind: 'answer', blocks: [{ kind: 'paragraph', parts: ['chart'] }, { kind: 'image', png, filename: 'chart.png', alt: 'a chart' }] };
    expect(await sender.send(channel, withImage)).toEqual({ ok: true });
    const [post] = postsTo(channel);
    expect(post?.files?.map((f) => [f.filename, [...f.data]])).toEqual([['chart.png', [...png]]]);
    expect(JSON.stringify((post?.body as { embeds: unknown }).embeds)).toContain('attachment://chart.png');
  });

  it('GIVEN a 429 with retry_after THEN discord.js waits it out and the post arrives exactly once', async () => {
    fake.failNext(`POST /channels/${channel}/messages`, { status: 429, retryAfter: 0.05 });
    expect(await sender.send(channel, reply)).toEqual({ ok: true });
    expect(postsTo(channel).map((c) => c.status)).toEqual([429, 200]);
    expect(fake.messages.filter((m) => m.channelId === channel)).toHaveLength(1);
  });

  it('GIVEN 403 Missing Permissions or Missing Access THEN forbidden and inactive, so the caller stops retrying', async () => {
    fake.failNext(`POST /channels/${channel}/messages`, { status: 403, code: 50013, message: 'Missing Permissions' });
    expect(await sender.send(channel, reply)).toMatchObject({ ok: false, reason: 'forbidden', inactive: true, message: '403 50013: Missing Permissions' });
    fake.failNext(`POST /channels/${channel}/messages`, { status: 403, code: 50001, message: 'Missing Access' });
    expect(await sender.send(channel, reply)).toMatchObject({ ok: false, reason: 'forbidden', inactive: true });
    expect(fake.messages).toHaveLength(0);
  });

  it('GIVEN a channel that is gone (404 Unknown Channel) THEN not-found and inactive', async () => {
    expect(await sender.send('399999999999999999', reply)).toMatchObject({ ok: false, reason: 'not-found', inactive: true, message: '404 10003: Unknown Channel' });
    expect(await sender.send('general', reply)).toMatchObject({ ok: false, reason: 'not-found', inactive: true });
    expect(postsTo('general')).toHaveLength(0);
  });

  it('GIVEN a refusal that may pass (another 403, a 5xx after retries) THEN not inactive', async () => {
    fake.failNext(`POST /channels/${channel}/messages`, { status: 403, code: 50083, message: 'Operation on an archived thread' });
    expect(await sender.send(channel, reply)).toMatchObject({ ok: false, reason: 'forbidden', inactive: false });
    fake.failNext(`POST /channels/${channel}/messages`, { status: 502, times: 4 });
    expect(await sender.send(channel, reply)).toMatchObject({ ok: false, reason: 'error', inactive: false });
    expect(postsTo(channel).filter((c) => c.status === 502)).toHaveLength(4); // discord.js retried 5xx three times
  });

  it('GIVEN a reply of several messages refused half-way THEN the result says how far it got', async () => {
    const long: Reply = { kind: 'answer', blocks: Array.from({ length: 12 }, (_, i) => ({ kind: 'paragraph' as const, parts: [`${i} ${'x'.repeat(3000)}`] })) };
    const total = renderDiscord(long).length;
    expect(total).toBeGreaterThan(2);
    fake.failNext(`POST /channels/${channel}/messages`, { status: 403, code: 50013, message: 'Missing Permissions', skip: 1 });
    expect(await sender.send(channel, long)).toMatchObject({ ok: false, reason: 'forbidden', inactive: true, message: `403 50013: Missing Permissions (after 1 of ${total} messages)` });
    expect(postsTo(channel).map((c) => c.status)).toEqual([200, 403]);
  });

  it('GIVEN a discord.js Client THEN its REST is used', async () => {
    const client = new Client({ intents: [], rest: { api: fake.apiRoot } });
    client.rest.setToken(fake.token);
    try {
      expect(await createDiscordChannelSender(client).send(channel, reply)).toEqual({ ok: true });
      expect(postsTo(channel)[0]?.authorization).toBe(`Bot ${fake.token}`);
    } finally {
      await client.destroy();
    }
  });
});
