import { describe, expect, it } from 'vitest';
import { plainText, type Reply } from '../../src/vocabulary/reply.ts';
import { commands, handleCommandText, MAX_COMMAND_LENGTH } from '../../commands/registry.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import type { Snapshot } from '../../src/figures/figures.ts';
import { context, snapshot } from './snapshotFixture.ts';

const text = (reply: Reply | undefined) => (reply ? renderText(reply) : '');
const usage = (reply: Reply | undefined) => {
  expect(reply?.kind).toBe('usage');
  return reply!.blocks.map((b) => (b.kind === 'paragraph' ? plainText(b.parts) : '')).join('\n');
};

describe('handleCommandText', () => {
  it('GIVEN /apy THEN one row per source: APY now labelled nominal or 24 h, the realized 7 d APY, change, TVL with its unit, age', () => {
    const out = text(handleCommandText('/apy', context));
    expect(out).toMatch(/source\s+APY now\s+APY 7 d\s+Δ24h\s+TVL\s+age/);
    expect(out).toMatch(/Sequencer mining\s+17\.08% nominal\s+17\.06%\s+±0\.00 pp\s+1\.00M METIS\s+2m/);
    expect(out).toMatch(/seMetis <vault> & co\s+12\.74% 24 h\s+12\.71%\s+−0\.01 pp\s+315\.00k eMetis\s+1h ⚠/);
    // The realized 7 d figure is the same in the table (APY) and the paragraph (its APR, with that APY).
    expect(out).toContain('nominal APR 15.77% (APY 17.08%, compounded daily) · realized APR 7 d 15.75% (APY 17.06%), 30 d —');
    // 12.71 % − 17.078 % = −4.368 pp, against the nominal APY, from the 7 d APY.
    expect(out).toContain("Spread over the sequencer's nominal APY: seMetis <vault> & co −4.37 pp (7 d APY)");
    expect(out).toContain('eMetis/METIS 0.9963 (−37 bps)');
    expect(out).toContain('Tower leverage: 1.119× of 1.00M METIS locked');
    expect(out).not.toMatch(/\(over \d/);
  });

  it('GIVEN a 24 h APY measured over 31 h and a 7 d APY over 9.5 days THEN each says its span; within 10 % nothing', () => {
    const spanned = (spans: { apy24h?: number; apy7d?: number }, spreadWindowSeconds = 7 * 86_400): Snapshot => ({
      ...snapshot,
      sources: snapshot.sources.map((s) => (s.figures?.kind === 'yield' ? { ...s, figures: { ...s.figures, spans, spreadWindowSeconds } } : s)),
    });
    const long = { ...context, snapshot: () => spanned({ apy24h: 31 * 3_600, apy7d: 9.5 * 86_400 }) };
    expect(text(handleCommandText('/apy', long))).toMatch(/seMetis <vault> & co\s+12\.74% 24 h \(over 31 h\)\s+12\.71% \(over 9\.5 days\)\s+−0\.01 pp/);
    expect(text(handleCommandText('/apy seMetis', long))).toContain('APY 24 h: 12.74% (over 31 h) · 7 d: 12.71% (over 9.5 days) · 30 d: — (not enough history)');
    // 26.4 h is 10 % over 24 h: still called 24 h.
    const near = { ...context, snapshot: () => spanned({ apy24h: 95_040 }, 86_400) };
    const out = text(handleCommandText('/apy', near));
    expect(out).toMatch(/12\.74% 24 h\s+12\.71%/);
    expect(out).toContain('−4.37 pp (24 h APY)');
  });

  it('GIVEN no figure at all (first start, or every read failing) THEN /apy says so and points at /status', () => {
    const empty: Snapshot = { ...snapshot, sources: snapshot.sources.map(({ figures: _figures, lastRead: _lastRead, ...s }) => s) };
    const { lastCycle: _lastCycle, ...firstStart } = empty;
    expect(text(handleCommandText('/apy', { ...context, snapshot: () => firstStart }))).toContain(
      'No figures yet: the first poll cycle has not finished yet. /status shows each source, its last error and the RPC endpoints.',
    );
    const failing = text(handleCommandText('/apy', { ...context, snapshot: () => empty }));
    expect(failing).toContain('No figures yet: no source has been read successfully yet (every read failed).');
    expect(failing).not.toMatch(/source\s+APY now/);
    expect(text(handleCommandText('/apy seMetis', { ...context, snapshot: () => empty }))).toContain('No figures yet: not read successfully. /status shows its last error.');
  });

  it('GIVEN /apy <asset> in any case, or with the bot name THEN that source is described', () => {
    const out = text(handleCommandText('/apy@metis_bot SEMETIS', context, 'metis_bot'));
    expect(out).toContain('APY 24 h: 12.74% · 7 d: 12.71% · 30 d: — (not enough history)');
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
