import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/registry.ts';
import type { Reply } from '../../src/vocabulary/reply.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { runConsoleChat } from '../../src/platforms/consoleChat.ts';
import { createDiscordBot, type DiscordBot } from '../../src/platforms/discordBot.ts';
import { renderDiscord, renderDiscordMarkdown } from '../../src/platforms/renderDiscord.ts';
import { renderTelegram, renderTelegramHtml, TELEGRAM_CAPTION_LIMIT } from '../../src/platforms/renderTelegramHtml.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import { saveReplyImages } from '../../src/platforms/saveReplyImages.ts';
import { createTelegramBot, type TelegramBot } from '../../src/platforms/telegramBot.ts';
import type { HistoryStore } from '../../src/store/historyStore.ts';
import { decodePng, PNG_SIGNATURE } from '../charts/decodePng.ts';
import { contextWith, storeWithHistory } from '../charts/syntheticHistory.ts';
import { startFakeBotApi, type FakeBotApi } from '../fakes/fakeBotApi.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fakeDiscord.ts';

const isPng = (bytes: Uint8Array | Buffer | string | undefined) => typeof bytes === 'object' && Buffer.from(bytes).subarray(0, 8).equals(PNG_SIGNATURE);

/** A reply with a picture, as /chart makes, with bytes small enough to read in a failure message. */
const pictureReply = (paragraph: string): Reply => ({
  kind: 'answer',
  blocks: [
    { kind: 'title', text: 'seMetis <vault> — APY' },
    { kind: 'image', png: new Uint8Array([...PNG_SIGNATURE, 1, 2, 3]), filename: 'chart-seMetis-7d.png', alt: 'Line chart of seMetis <vault> APY' },
    { kind: 'paragraph', parts: [paragraph] },
    { kind: 'note', text: 'data as of … (age 2m)' },
  ],
});

let store: HistoryStore;
beforeAll(() => {
  store = storeWithHistory();
});
afterAll(() => store.close());

describe('rendering a picture', () => {
  it('GIVEN a short reply THEN Telegram sends one photo, the text as its HTML caption', () => {
    const [photo, ...rest] = renderTelegram(pictureReply('24 h APY: latest 12.50% & steady'));
    expect(rest).toEqual([]);
    expect(photo).toMatchObject({ kind: 'photo', filename: 'chart-seMetis-7d.png' });
    if (photo?.kind !== 'photo') return;
    expect(photo.captionHtml).toBe('<b>seMetis &lt;vault&gt; — APY</b>\n\n24 h APY: latest 12.50% &amp; steady\n\n<i>data as of … (age 2m)</i>');
  });

  it('GIVEN text longer than a caption THEN the photo carries its alt text and the text follows as messages', () => {
    const out = renderTelegram(pictureReply('x'.repeat(TELEGRAM_CAPTION_LIMIT)));
    expect(out.map((m) => m.kind)).toEqual(['photo', 'text']);
    expect(out[0]).toMatchObject({ captionHtml: 'Line chart of seMetis &lt;vault&gt; APY' });
  });

  it('GIVEN a reply without pictures THEN Telegram output is exactly the HTML messages as before', () => {
    const reply: Reply = { kind: 'answer', blocks: [{ kind: 'title', text: 'Status' }, { kind: 'paragraph', parts: ['ok'] }] };
    expect(renderTelegram(reply)).toEqual(renderTelegramHtml(reply).map((html) => ({ kind: 'text', html })));
  });

  it('GIVEN a picture THEN Discord shows it in the embed from an attachment of the same message', () => {
    const [message, ...rest] = renderDiscord(pictureReply('summary'));
    expect(rest).toEqual([]);
    expect(message?.embeds?.[0]).toMatchObject({ title: 'seMetis \\<vault> — APY', description: 'summary', image: { url: 'attachment://chart-seMetis-7d.png' }, footer: { text: 'data as of … (age 2m)' } });
    expect(message?.files?.map((f) => [f.name, f.description])).toEqual([['chart-seMetis-7d.png', 'Line chart of seMetis <vault> APY']]);
    const plain = renderDiscord({ kind: 'answer', blocks: [{ kind: 'paragraph', parts: ['no picture'] }] });
    expect(plain[0]).not.toHaveProperty('files');
  });

  it('GIVEN text-only paths (older senders) THEN the picture becomes its alt text, never a crash', () => {
    const reply = pictureReply('summary');
    expect(renderTelegramHtml(reply).join('\n')).toContain('<i>[picture: Line chart of seMetis &lt;vault&gt; APY]</i>');
    expect(renderText(reply)).toContain('[picture: Line chart of seMetis <vault> APY]');
    expect(renderDiscordMarkdown(reply).map((m) => m.content).join('\n')).toContain('\\[picture: Line chart of seMetis \\<vault> APY\\]');
  });

  it('GIVEN a folder that cannot be made THEN the console says why instead of failing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chart-test-'));
    try {
      // A folder inside a plain file cannot exist, even for root (and, unlike /proc, fails at once).
      writeFileSync(join(dir, 'file'), '');
      const blocked = join(dir, 'file', 'charts');
      const text = renderText(saveReplyImages(pictureReply('s'), blocked));
      expect(text).toContain(`Could not write the picture to ${join(blocked, 'chart-seMetis-7d.png')}: `);
      const untouched: Reply = { kind: 'answer', blocks: [{ kind: 'paragraph', parts: ['no picture'] }] };
      expect(saveReplyImages(untouched, blocked)).toBe(untouched);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Telegram: /chart is a photo', () => {
  let fake: FakeBotApi;
  let bot: TelegramBot;

  beforeAll(async () => {
    fake = await startFakeBotApi();
    bot = createTelegramBot({ token: fake.token, apiRoot: fake.apiRoot, commands, context: contextWith(store), logger: silentLogger });
    await bot.start();
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });

  it('GIVEN /chart seMetis THEN sendPhoto uploads a PNG with an HTML caption that carries title, figures and age', async () => {
    fake.sendUserMessage({ chatId: 31, text: '/chart seMetis' });
    const sent = await fake.nextMessageTo(31);
    expect(sent.method).toBe('sendPhoto');
    expect(sent.parse_mode).toBe('HTML');
    expect(isPng(sent.photo)).toBe(true);
    const image = decodePng(sent.photo as Buffer);
    expect([image.width, image.height]).toEqual([1000, 540]);
    expect(sent.plain).toContain('seMetis <vault> & co — APY, last 7 d'); // escaped in HTML, read back as text
    expect(sent.plain).toContain('24 h APY: latest 12.50%');
    expect(sent.plain).toContain('(age 1h, stale)');
    expect(sent.entities[0]).toMatchObject({ type: 'bold', offset: 0 });
    const call = await fake.waitForCall((c) => c.method === 'sendPhoto', 5_000, 0);
    expect(Object.values(call.files ?? {}).map((f) => f.filename)).toEqual(['chart-seMetis-7d.png']);
  });

  it('GIVEN an unknown asset THEN a text message with the usage line and the known assets', async () => {
    fake.sendUserMessage({ chatId: 32, text: '/chart dogecoin' });
    const sent = await fake.nextMessageTo(32);
    expect(sent.method).toBe('sendMessage');
    expect(sent.plain).toBe('Unknown asset "dogecoin". Known: sequencer, seMetis, eMetis-METIS.\nUsage: /chart <asset|sequencers|sequencer> [window]');
  });
});

describe('Discord: /chart is an embed with an attachment', () => {
  let fake: FakeDiscord;
  let bot: DiscordBot;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    bot = createDiscordBot({ token: fake.token, applicationId: fake.applicationId, restApi: fake.apiRoot, commands, context: contextWith(store), logger: silentLogger });
    await bot.start();
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });

  it('GIVEN /chart asset:eMetis-METIS window:30d THEN the reply uploads the PNG and the embed shows it', async () => {
    const interaction = fake.dispatchInteraction({ name: 'chart', options: [{ name: 'asset', value: 'eMetis-METIS' }, { name: 'window', value: '30d' }] });
    const callback = await fake.waitFor((c) => c.route === 'POST /interactions/:id/:token/callback' && c.path.startsWith(`/interactions/${interaction.id}/`));
    expect(callback.status).toBe(204);
    const files = callback.files ?? [];
    expect(files.map((f) => [f.filename, f.contentType])).toEqual([['chart-eMetis-METIS-30d.png', expect.stringMatching(/^(image\/png|application\/octet-stream)$/) as unknown]]);
    expect(isPng(files[0]?.data)).toBe(true);
    expect([decodePng(files[0]!.data).width, decodePng(files[0]!.data).height]).toEqual([1000, 720]);
    const data = (callback.body as { data: { embeds: { title?: string; image?: { url: string }; description?: string }[]; attachments?: { id: number | string; description?: string }[] } }).data;
    expect(data.embeds[0]?.title).toBe('eMetis/METIS — price and depeg, last 30 d');
    expect(data.embeds[0]?.image?.url).toBe(`attachment://${files[0]!.filename}`);
    expect(data.embeds[0]?.description).toContain('widest depeg');
    expect(data.attachments?.[0]?.description).toMatch(/^Line chart of eMetis\/METIS price and depeg over the last 30 d/);
    const reply = fake.messages.find((m) => m.interactionId === interaction.id);
    expect(reply?.files).toHaveLength(1);
  });
});

describe('console: /chart writes a PNG and prints its path', () => {
  it('GIVEN /chart sequencer 30d THEN the file exists, is a PNG, and the path is printed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chart-console-'));
    try {
      const output = new PassThrough();
      let printed = '';
      output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
      await runConsoleChat({ input: Readable.from(['/chart sequencer 30d\n']), output, context: contextWith(store), logger: silentLogger, imageDir: join(dir, 'charts') });
      const path = join(dir, 'charts', 'chart-sequencer-30d.png');
      expect(printed).toContain(`Picture written to ${path}`);
      expect(printed).toContain('SEQUENCER MINING — APY, LAST 30 D');
      expect(printed).toContain('nominal APY: latest 17.08%');
      expect(existsSync(path)).toBe(true);
      expect(isPng(readFileSync(path))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
