import { describe, expect, it } from 'vitest';
import { plainText, type Reply } from '../../commands/reply.ts';
import { commands, handleCommandText, MAX_COMMAND_LENGTH } from '../../commands/registry.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import { context } from './snapshotFixture.ts';

const text = (reply: Reply | undefined) => (reply ? renderText(reply) : '');
const usage = (reply: Reply | undefined) => {
  expect(reply?.kind).toBe('usage');
  return reply!.blocks.map((b) => (b.kind === 'paragraph' ? plainText(b.parts) : '')).join('\n');
};

describe('handleCommandText', () => {
  it('GIVEN /apy THEN the table carries each source with APY now, 7d, change, TVL and age', () => {
    const out = text(handleCommandText('/apy', context));
    expect(out).toMatch(/Sequencer mining\s+17\.08%\s+17\.06%\s+±0\.00 pp\s+1\.00M locked\s+2m/);
    expect(out).toMatch(/seMetis <vault> & co\s+12\.74%\s+12\.71%\s+−0\.01 pp\s+315\.00k eMetis\s+1h ⚠/);
    expect(out).toContain('nominal APR 15.77% (APY 17.08%, compounded daily)');
    expect(out).toContain('realized APR 7d 15.75%, 30d —');
    expect(out).toContain('seMetis <vault> & co −4.37 pp');
    expect(out).toContain('eMetis/METIS 0.9963 (−37 bps)');
    expect(out).toContain('Tower leverage: 1.119× of 1.00M METIS locked');
  });

  it('GIVEN /apy <asset> in any case, or with the bot name THEN that source is described', () => {
    const out = text(handleCommandText('/apy@metis_bot SEMETIS', context, 'metis_bot'));
    expect(out).toContain('APY 24h: 12.74% · 7d: 12.71% · 30d: — (not enough history)');
    expect(out).toContain('Rate: 1 seMetis = 1.050000 eMetis');
    expect(out).toContain('Last error: convertToAssets reverted: <boom>');
  });

  it('GIVEN a command for another bot or plain text THEN nothing is answered', () => {
    expect(handleCommandText('/apy@other_bot', context, 'metis_bot')).toBeUndefined();
    expect(handleCommandText('hello', context)).toBeUndefined();
  });

  it('GIVEN an unknown asset THEN the usage line lists the known ones', () => {
    expect(usage(handleCommandText('/apy doge', context))).toBe(
      'Unknown asset "doge". Known: sequencer, seMetis, eMetis-METIS.\nUsage: /apy [asset]',
    );
  });

  it('GIVEN junk THEN a short usage line, never a throw', () => {
    expect(usage(handleCommandText('/nope', context))).toBe(`Unknown command /nope.\nCommands: ${commands.map((c) => `/${c.name}`).join(' ')}`);
    expect(usage(handleCommandText('/apy seMetis extra', context))).toContain('Unexpected "extra"');
    expect(usage(handleCommandText('/status now', context))).toContain('Usage: /status');
    expect(usage(handleCommandText(`/apy ${'x'.repeat(10_000)}`, context))).toContain(`at most ${MAX_COMMAND_LENGTH}`);
    expect(usage(handleCommandText('/apy window=7d', context))).toContain('Unknown option "window"');
  });

  it('GIVEN /status THEN sources, errors and chains are listed', () => {
    const out = text(handleCommandText('/status', context));
    expect(out).toMatch(/sequencer\s+ok\s+#100\s+2m/);
    expect(out).toMatch(/seMetis\s+STALE\s+#200\s+1h/);
    expect(out).toContain('seMetis: convertToAssets reverted: <boom> (1m ago)');
    expect(out).toContain('Ethereum (1): RPC http://127.0.0.1:8545, head #100 read 2m ago');
  });

  it('GIVEN /help and /start THEN every command is listed with its usage', () => {
    for (const command of ['/help', '/start']) {
      const out = text(handleCommandText(command, context));
      expect(out).toContain('/apy [asset]');
      expect(out).toContain('/status');
    }
  });
});
