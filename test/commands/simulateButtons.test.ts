import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../commands/command.ts';
import { handleCommandText } from '../../commands/registry.ts';
import type { Snapshot } from '../../src/figures/figures.ts';
import { translator } from '../../src/i18n/translator.ts';
import { discordComponents } from '../../src/platforms/discordComponents.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import { encodeAction } from '../../src/vocabulary/actionData.ts';
import { plainText, type Action, type Reply } from '../../src/vocabulary/reply.ts';
import { leakedIds } from './messageIds.ts';
import { context, snapshot } from './snapshotFixture.ts';

const zh: CommandContext = { ...context, t: translator('zh-CN') };
const ask = (line: string, ctx: CommandContext = context) => handleCommandText(line, ctx)!;
const rows = (reply: Reply) => (reply.controls ?? []).map((c) => c.actions);
const actions = (reply: Reply): Action[] => rows(reply).flat();
const labels = (reply: Reply) => rows(reply).map((row) => row.map((a) => a.label));
const paragraph = (reply: Reply) => reply.blocks.map((b) => (b.kind === 'paragraph' ? plainText(b.parts) : '')).join('\n');

/** Every button fits Telegram's 64 bytes, edits the message it sits under, and has a command of its own (Discord drops a repeat). */
function expectFitting(reply: Reply): void {
  const commands = actions(reply).map((a) => a.command);
  expect(new Set(commands).size).toBe(commands.length);
  for (const action of actions(reply)) {
    expect(encodeAction(action), action.command).toBeDefined();
    expect(action.edit, action.command).toBe(true);
  }
}

/** Pressing the button labelled `label` answers exactly what typing `typed` does (figures, text and buttons). */
function expectPress(reply: Reply, label: string, typed: string, ctx: CommandContext = context): void {
  const button = actions(reply).find((a) => a.label === label);
  expect(button, label).toBeDefined();
  expect(ask(button!.command, ctx), `${label}: ${button!.command}`).toEqual(ask(typed, ctx));
}

describe('/simulate without an amount', () => {
  it('GIVEN a bare /simulate THEN a sentence and amount buttons, each answering as the amount typed', () => {
    const picker = ask('/simulate');
    expect(picker.kind).toBe('answer');
    expect(paragraph(picker)).toBe('How much METIS to simulate? Pick an amount, or type one, e.g. /simulate 2500 90d.');
    expect(labels(picker)).toEqual([['100', '1,000', '10,000', '100,000']]);
    expectFitting(picker);
    for (const amount of ['100', '1,000', '10,000', '100,000']) expectPress(picker, amount, `/simulate ${amount}`);
    expect(renderText(ask(actions(picker)[1]!.command))).toContain('SIMULATE 1,000 METIS FOR 1 YEAR');
  });

  it('GIVEN the rest of a request without its amount THEN the amount buttons keep the rest', () => {
    const picker = ask('/simulate 90d seMetis loop weekly ltv=60%');
    expectFitting(picker);
    expectPress(picker, '10,000', '/simulate 10000 90d seMetis loop weekly ltv=0.6');
  });

  it('GIVEN a request whose rest leaves no room for an amount button THEN the usage reply, as before', () => {
    const reply = ask('/simulate 36h seMetis hold weekly ltv=0.75 loops=10 borrow=4.5% lt=85%');
    expect(reply.kind).toBe('usage');
    expect(paragraph(reply)).toContain('amount is missing.');
    expect(paragraph(ask('/simulate 36h seMetis hold weekly ltv=0.75 loops=10 borrow=4.5% lt=85%', zh))).toContain('缺少 amount。');
  });

  it('GIVEN a chat in Chinese THEN the sentence in Chinese and the answer too', () => {
    const picker = ask('/simulate', zh);
    expect(paragraph(picker)).toBe('要模拟多少 METIS？请选择金额，或直接输入，例如 /simulate 2500 90d。');
    expect(leakedIds(paragraph(picker))).toEqual([]);
    expectPress(picker, '1,000', '/simulate 1000', zh);
    expect(renderText(ask(actions(picker)[1]!.command, zh))).toContain('模拟 1,000 METIS，期限 1 年');
  });

  it('GIVEN a bad amount typed THEN the usage reply as before, the line still asking for <amount>', () => {
    for (const [line, message] of [
      ['/simulate 0', 'amount must be between 0.000001 and 1,000,000,000,000, not 0.'],
      ['/simulate amount=lots', 'amount must be a number, not "lots"'],
      ['/simulate lots', '"lots" fits no option'],
    ] as const) {
      const reply = ask(line);
      expect(reply.kind, line).toBe('usage');
      expect(paragraph(reply)).toContain(message);
      expect(paragraph(reply)).toContain('Usage: /simulate <amount> [duration] [strategy] [mode] [compound] [ltv=…] [loops=…] [borrow=…] [lt=…]');
    }
  });

  it('GIVEN the sequencer as a loop without an amount THEN it cannot be looped, and the example needs no amount', () => {
    const reply = ask('/simulate sequencer loop');
    expect(reply.kind).toBe('usage');
    expect(paragraph(reply)).toContain('e.g. /simulate seMetis loop');
    expect(ask('/simulate seMetis loop').kind).toBe('answer');
  });
});

describe('/simulate answers: horizon and hold/loop buttons', () => {
  it('GIVEN a hold THEN the horizons (the current one marked) and a loop toggle, each the request with that one thing changed', () => {
    const reply = ask('/simulate 1000');
    expect(labels(reply)).toEqual([
      ['30d', '90d', '· 1y ·', '3y'],
      ['Loop instead'],
    ]);
    expectFitting(reply);
    expectPress(reply, '30d', '/simulate 1000 30d');
    expectPress(reply, '90d', '/simulate 1000 90d');
    expectPress(reply, '· 1y ·', '/simulate 1000');
    expectPress(reply, '3y', '/simulate 1000 3y');
    expectPress(reply, 'Loop instead', '/simulate 1000 loop');
    // On Discord every button survives (no repeated custom_id to drop).
    const discord = discordComponents(reply.controls).map((r) => r.components.map((c) => ('label' in c ? c.label : '')));
    expect(discord).toEqual(labels(reply));
  });

  it('GIVEN a horizon the row does not have THEN none marked, and the loop toggle keeps it', () => {
    const reply = ask('/simulate 2.5m 6m seMetis compound=weekly');
    expect(labels(reply)[0]).toEqual(['30d', '90d', '1y', '3y']);
    expectFitting(reply);
    expectPress(reply, '90d', '/simulate 2500000 90d seMetis weekly');
    expectPress(reply, 'Loop instead', '/simulate 2500000 6m seMetis weekly loop');
    // The shortest line the parser reads: positional words, the amount and the horizon as people type them.
    expect(actions(reply).find((a) => a.label === 'Loop instead')!.command).toBe('/simulate 2.5m 6m seMetis loop weekly');
  });

  it('GIVEN a loop with its settings THEN each button keeps them, and hold keeps them too (said to be ignored) so loop gets them back', () => {
    const reply = ask('/simulate 1000 seMetis loop ltv=0.7 loops=3 borrow=4.5%');
    expect(labels(reply)).toEqual([
      ['30d', '90d', '· 1y ·', '3y'],
      ['Hold instead'],
    ]);
    expectFitting(reply);
    expectPress(reply, '3y', '/simulate 1000 3y seMetis loop ltv=0.7 loops=3 borrow=4.5%');
    expectPress(reply, 'Hold instead', '/simulate 1000 seMetis hold ltv=0.7 loops=3 borrow=4.5%');
    const hold = ask(actions(reply).find((a) => a.label === 'Hold instead')!.command);
    expect(renderText(hold)).toContain('only apply to a loop');
    expectPress(hold, 'Loop instead', '/simulate 1000 seMetis loop ltv=0.7 loops=3 borrow=4.5%');
  });

  it('GIVEN the sequencer alone THEN no loop toggle: it cannot be looped', () => {
    const reply = ask('/simulate 1000 sequencer');
    expect(labels(reply)).toEqual([['30d', '90d', '· 1y ·', '3y']]);
  });

  it('GIVEN a request too long for 64 bytes THEN the buttons that do not fit are left out, never cut', () => {
    const long = '/simulate 1234.5678 36h seMetis hold weekly ltv=0.75 loops=10 borrow=4.5% lt=85%';
    const reply = ask(long);
    expect(reply.kind).toBe('answer');
    expect(reply.controls).toEqual([]);
    // At the edge: the current horizon fits and 3y just (64 bytes); 30d, 90d and the hold toggle are longer and left out.
    const edge = ask('/simulate 12345 seMetis weekly ltv=0.75 loops=10 borrow=4.5%');
    expect(labels(edge)).toEqual([['· 1y ·', '3y']]);
    expectFitting(edge);
    expect(encodeAction(actions(edge)[1]!)).toHaveLength(64);
    expectPress(edge, '3y', '/simulate 12345 3y seMetis weekly ltv=0.75 loops=10 borrow=4.5%');
    // One byte more: only the current horizon would fit, which changes nothing, so no row at all.
    expect(ask('/simulate 123456 seMetis weekly ltv=0.75 loops=10 borrow=4.5%').controls).toEqual([]);
  });

  it('GIVEN a strategy named like a horizon THEN it is named in the line, so the parser reads it as the strategy', () => {
    const seMetis = snapshot.sources[1]!;
    const odd: Snapshot = { ...snapshot, sources: [...snapshot.sources, { ...seMetis, id: '90d', token: '90d', label: 'Ninety' }] };
    const ctx: CommandContext = { ...context, snapshot: () => odd };
    const reply = ask('/simulate 1000 strategy=90d', ctx);
    expect(renderText(reply)).toContain('Ninety');
    // With a horizon given, 90d can only be the strategy; without one, it would be read as the horizon.
    expect(actions(reply).find((a) => a.label === '3y')!.command).toBe('/simulate 1k 3y 90d');
    expect(actions(reply).find((a) => a.label === '· 1y ·')!.command).toBe('/simulate 1k strategy=90d');
    expectPress(reply, '· 1y ·', '/simulate 1000 strategy=90d', ctx);
    expectPress(reply, '3y', '/simulate 1000 3y strategy=90d', ctx);
    expectPress(reply, 'Loop instead', '/simulate 1000 strategy=90d loop', ctx);
  });

  it('GIVEN a chat in Chinese THEN the toggle in Chinese, horizons as typed, and pressing answers in Chinese', () => {
    const reply = ask('/simulate 1000 90d', zh);
    expect(labels(reply)).toEqual([
      ['30d', '· 90d ·', '1y', '3y'],
      ['改为循环借贷'],
    ]);
    expectFitting(reply);
    expectPress(reply, '改为循环借贷', '/simulate 1000 90d loop', zh);
    expect(renderText(ask(actions(reply).find((a) => a.label === '改为循环借贷')!.command, zh))).toContain('循环借贷 1,000 METIS，期限 90 天');
  });
});
