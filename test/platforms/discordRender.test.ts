import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { handleCommandText } from '../../commands/registry.ts';
import { bold, code, italic, link, type Reply } from '../../src/vocabulary/reply.ts';
import {
  DISCORD_LIMITS,
  escapeDiscordMarkdown,
  renderDiscord,
  renderDiscordEmbeds,
  renderDiscordMarkdown,
  type DiscordMessage,
} from '../../src/platforms/renderDiscord.ts';
import { context } from '../commands/snapshotFixture.ts';

/** What a reader sees of escaped markdown: escapes and bold markers gone. */
const visible = (markdown: string) => markdown.replace(/\\([^A-Za-z0-9\s])/g, '$1').replace(/\*\*/g, '');
const embedsOf = (messages: readonly DiscordMessage[]): APIEmbed[] => messages.flatMap((m) => m.embeds ?? []);
const embedSize = (e: APIEmbed) => (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);

function expectWithinLimits(messages: readonly DiscordMessage[]): void {
  for (const m of messages) {
    expect(m.content?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    const embeds = m.embeds ?? [];
    expect(embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
    expect(embeds.reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    for (const e of embeds) {
      expect(e.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
      expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedFooter);
      expect(Boolean(e.title || e.description || e.footer)).toBe(true);
      // every code block is closed
      expect(((e.description ?? '').match(/```/g) ?? []).length % 2).toBe(0);
    }
  }
}

describe('escapeDiscordMarkdown', () => {
  it('GIVEN formatting characters anywhere THEN each is escaped, and reads the same', () => {
    const text = '*b* _i_ __u__ ~~s~~ `c` ||spoiler|| <@123> <@&9> <#5> [x](https://e.com) a\\b';
    const escaped = escapeDiscordMarkdown(text);
    expect(escaped).toBe('\\*b\\* \\_i\\_ \\_\\_u\\_\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|spoiler\\|\\| \\<@123> \\<@&9> \\<#5> \\[x\\](https://e.com) a\\\\b');
    expect(visible(escaped)).toBe(text);
  });

  it('GIVEN @everyone or @here THEN a zero-width space keeps them from looking like (or being) a mention', () => {
    expect(escapeDiscordMarkdown('hi @everyone and @here')).toBe('hi @\u200beveryone and @\u200bhere');
  });

  it('GIVEN a heading, quote, list or subtext marker at a line start THEN it is escaped; in the middle of a line it is left alone', () => {
    expect(escapeDiscordMarkdown('# big\n> quote\n- item\n-# small\n+ plus\n12. twelve\nhead #100 - ok > fine')).toBe(
      '\\# big\n\\> quote\n\\- item\n\\-# small\n\\+ plus\n12\\. twelve\nhead #100 - ok > fine',
    );
    expect(escapeDiscordMarkdown('# not at a line start', false)).toBe('# not at a line start');
    expect(escapeDiscordMarkdown('x\n# but this is', false)).toBe('x\n\\# but this is');
  });
});

describe('links in Discord markdown', () => {
  it('GIVEN a link THEN [text](url), the text escaped and the URL unable to end the link early', () => {
    const reply: Reply = { kind: 'usage', blocks: [{ kind: 'paragraph', parts: ['See ', link('tx *1*', 'https://x.example/tx/a(b) c<d>')] }] };
    expect(renderDiscord(reply)).toEqual([{ content: 'See [tx \\*1\\*](https://x.example/tx/a%28b%29%20c%3Cd%3E)' }]);
  });
});

describe('renderDiscordEmbeds', () => {
  it('GIVEN every command reply THEN it fits Discord and the dynamic text survives escaped', () => {
    for (const command of ['/start', '/help', '/apy', '/apy seMetis', '/status', '/apy nope', '/nope']) {
      expectWithinLimits(renderDiscord(handleCommandText(command, context)!));
    }
    const [detail] = embedsOf(renderDiscord(handleCommandText('/apy seMetis', context)!));
    expect(detail?.title).toBe('seMetis \\<vault> & co');
    expect(detail?.description).toContain('Last error: convertToAssets reverted: \\<boom>');
    expect(detail?.footer?.text).toMatch(/^APY from the growth of the share price/);
  });

  it('GIVEN /apy THEN the title is the embed title, the table a code block and the note the footer', () => {
    const reply = handleCommandText('/apy', context)!;
    const [embed, ...others] = embedsOf(renderDiscord(reply));
    expect(others).toEqual([]);
    expect(embed?.title).toBe('Metis yields');
    const table = reply.blocks.find((b) => b.kind === 'table');
    expect(embed?.description?.startsWith('```\nsource')).toBe(true);
    expect(embed?.description).toMatch(/seMetis <vault> & co\s+12\.74%/); // code blocks are literal: no escapes inside
    expect(table).toBeDefined();
    const note = reply.blocks.find((b) => b.kind === 'note');
    expect(embed?.footer?.text).toBe(note?.kind === 'note' ? note.text : '');
  });

  it('GIVEN bold, italic and code parts THEN Discord markdown wraps the escaped text', () => {
    const reply: Reply = { kind: 'answer', blocks: [{ kind: 'paragraph', parts: [bold('1.5*x'), ' then ', italic('a_b'), ' and ', code('x`y'), code('')] }] };
    expect(embedsOf(renderDiscordEmbeds(reply))[0]?.description).toBe('**1.5\\*x** then *a\\_b* and `xˋy`');
  });

  it('GIVEN ``` in a table cell THEN it cannot close the code block', () => {
    const reply: Reply = {
      kind: 'answer',
      blocks: [{ kind: 'table', columns: [{ header: 'name', align: 'left' }], rows: [['```evil'], ['a``b']] }],
    };
    const description = embedsOf(renderDiscordEmbeds(reply))[0]?.description ?? '';
    expect(description.match(/```/g)).toHaveLength(2);
    expect(description.startsWith('```\n')).toBe(true);
    expect(description.endsWith('\n```')).toBe(true);
    expect(description.replace(/\u200b/g, '')).toContain('```evil');
  });

  it('GIVEN a reply far over the limits THEN it is split into embeds and messages that fit, keeping every paragraph in order', () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `${i} ${'y'.repeat(700)}`);
    const reply: Reply = {
      kind: 'answer',
      blocks: [{ kind: 'title', text: 'Long' }, ...paragraphs.map((p) => ({ kind: 'paragraph' as const, parts: [p] })), { kind: 'note', text: 'small print' }],
    };
    const messages = renderDiscordEmbeds(reply);
    expectWithinLimits(messages);
    expect(messages.length).toBeGreaterThan(1);
    const embeds = embedsOf(messages);
    expect(embeds[0]?.title).toBe('Long');
    expect(embeds.slice(1).every((e) => e.title === undefined)).toBe(true);
    expect(embeds.at(-1)?.footer?.text).toBe('small print');
    expect(embeds.map((e) => e.description).join('\n\n')).toBe(paragraphs.join('\n\n'));
  });

  it('GIVEN a table longer than a description THEN each piece is its own code block with the header repeated', () => {
    const rows = Array.from({ length: 400 }, (_, i) => [`source-${i}`, `${i}.00%`]);
    const reply: Reply = {
      kind: 'answer',
      blocks: [{ kind: 'table', columns: [{ header: 'source', align: 'left' }, { header: 'APY', align: 'right' }], rows }],
    };
    const embeds = embedsOf(renderDiscordEmbeds(reply));
    expectWithinLimits(renderDiscordEmbeds(reply));
    expect(embeds.length).toBeGreaterThan(1);
    for (const e of embeds) expect(e.description).toMatch(/^```\nsource\s+APY\n[\s\S]*\n```$/);
    const dataLines = embeds.flatMap((e) => e.description!.split('\n').filter((l) => l.startsWith('source-')));
    expect(dataLines).toHaveLength(400);
  });

  it('GIVEN one title per source (/apy <token> with several sources) THEN each title starts an embed with its own footer', () => {
    const reply: Reply = {
      kind: 'answer',
      blocks: [
        { kind: 'title', text: 'A' },
        { kind: 'list', items: [['one']] },
        { kind: 'note', text: 'note A' },
        { kind: 'title', text: 'B' },
        { kind: 'list', items: [['two']] },
        { kind: 'note', text: 'note B' },
      ],
    };
    expect(embedsOf(renderDiscordEmbeds(reply)).map((e) => [e.title, e.description, e.footer?.text])).toEqual([
      ['A', '• one', 'note A'],
      ['B', '• two', 'note B'],
    ]);
  });
});

describe('renderDiscordMarkdown', () => {
  it('GIVEN a usage reply THEN it is one plain message with the text escaped', () => {
    const messages = renderDiscord(handleCommandText('/apy doge', context)!);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.embeds).toBeUndefined();
    expect(visible(messages[0]?.content ?? '')).toBe('Unknown asset "doge". Known: sequencer, seMetis, eMetis-METIS.\nUsage: /apy [asset]');
  });

  it('GIVEN a long reply THEN messages of at most 2000 characters, notes as subtext', () => {
    const reply: Reply = {
      kind: 'answer',
      blocks: [{ kind: 'title', text: 'T' }, ...Array.from({ length: 10 }, (_, i) => ({ kind: 'paragraph' as const, parts: [`${i} ${'z'.repeat(500)}`] })), { kind: 'note', text: 'n' }],
    };
    const messages = renderDiscordMarkdown(reply);
    expectWithinLimits(messages);
    expect(messages.length).toBeGreaterThan(2);
    expect(messages[0]?.content?.startsWith('**T**\n\n0 ')).toBe(true);
    expect(messages.at(-1)?.content?.endsWith('\n\n-# n')).toBe(true);
  });
});
