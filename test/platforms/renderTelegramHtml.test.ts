import { describe, expect, it } from 'vitest';
import { handleCommandText } from '../../commands/registry.ts';
import { link, plainText, type Reply } from '../../src/vocabulary/reply.ts';
import { escapeHtml, renderTelegramHtml, TELEGRAM_MESSAGE_LIMIT } from '../../src/platforms/renderTelegramHtml.ts';
import { parseTelegramHtml } from '../fakes/telegramHtml.ts';
import { context } from '../commands/snapshotFixture.ts';

describe('renderTelegramHtml', () => {
  it('GIVEN every command reply THEN Telegram parses the HTML and the dynamic text survives escaped', () => {
    for (const command of ['/start', '/help', '/apy', '/apy seMetis', '/status', '/apy nope']) {
      for (const html of renderTelegramHtml(handleCommandText(command, context)!)) {
        const parsed = parseTelegramHtml(html, { strictAmpersand: true });
        expect(parsed.ok, `${command}: ${html}`).toBe(true);
      }
    }
    const [html] = renderTelegramHtml(handleCommandText('/apy seMetis', context)!);
    expect(html).toContain('<b>seMetis &lt;vault&gt; &amp; co</b>');
    expect(html).toContain('reverted: &lt;boom&gt;');
  });

  it('GIVEN a reply longer than one message THEN it is split between blocks under the limit', () => {
    const reply: Reply = { kind: 'answer', blocks: Array.from({ length: 30 }, (_, i) => ({ kind: 'paragraph' as const, parts: [`${i} ${'x'.repeat(300)}`] })) };
    const messages = renderTelegramHtml(reply);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
    expect(messages.join('\n\n')).toBe(reply.blocks.map((b) => (b.kind === 'paragraph' ? b.parts[0] : '')).join('\n\n'));
  });

  it('escapes &, < and >', () => {
    expect(escapeHtml('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
  });

  it('GIVEN a link THEN an <a href> Telegram parses to a text_link, its URL and text escaped; the console prints the URL', () => {
    const url = 'https://explorer.example/tx/0xab?x=1&y="2"';
    const reply: Reply = { kind: 'answer', blocks: [{ kind: 'paragraph', parts: ['Transaction ', link('0xab <tx>', url), '.'] }] };
    const [html] = renderTelegramHtml(reply);
    expect(html).toBe('Transaction <a href="https://explorer.example/tx/0xab?x=1&amp;y=&quot;2&quot;">0xab &lt;tx&gt;</a>.');
    const parsed = parseTelegramHtml(html!, { strictAmpersand: true });
    expect(parsed).toMatchObject({ ok: true, text: 'Transaction 0xab <tx>.', entities: [{ type: 'text_link', offset: 12, length: 9, url }] });
    expect(plainText(['Transaction ', link('0xab', url)])).toBe(`Transaction ${url}`);
  });
});
