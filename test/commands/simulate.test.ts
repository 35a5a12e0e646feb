import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../commands/command.ts';
import { plainText, type Reply } from '../../src/vocabulary/reply.ts';
import { handleCommandText } from '../../commands/registry.ts';
import { figure, missing } from '../../src/core/figure.ts';
import type { Snapshot } from '../../src/figures/figures.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import { context, snapshot, snapshotWithSeMetisPool } from './snapshotFixture.ts';

const YEAR = 31_536_000;
const ask = (text: string, ctx: CommandContext = context) => handleCommandText(text, ctx);
const text = (reply: Reply | undefined) => (reply ? renderText(reply) : '');
const usage = (reply: Reply | undefined) => {
  expect(reply?.kind).toBe('usage');
  return reply!.blocks.map((b) => (b.kind === 'paragraph' ? plainText(b.parts) : '')).join('\n');
};

// Expected figures are computed here from the fixture's inputs, with formatting of our own (not the bot's).
const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const gain = (n: number) => `+${money(n)}`;
const pct = (n: number) => `${(n * 100).toFixed(2)}%`;
/** The fixture: sequencer nominal APR 15.768 %, seMetis 7 d APY 12.71 %. */
const SEQ_APR = 0.15768;
const SE_APY = 0.1271;
const daily = (apr: number, years: number) => (1 + apr / 365) ** (365 * years);

describe('/simulate: arguments as people type them', () => {
  it('GIVEN the amount as 1000, 1,000, 1k, 1e3, 1_000 or amount=1k THEN the same answer', () => {
    const expected = text(ask('/simulate 1000'));
    expect(expected).toContain('SIMULATE 1,000 METIS FOR 1 YEAR');
    for (const amount of ['1,000', '1k', '1K', '1e3', '1_000', 'amount=1k', 'AMOUNT=1000']) expect(text(ask(`/simulate ${amount}`))).toBe(expected);
  });

  it('GIVEN a tiny amount or a short duration THEN the title says it as asked, never "0 METIS" or "0 DAYS"', () => {
    expect(text(ask('/simulate 0.001 12h'))).toContain('SIMULATE 0.001 METIS FOR 12 HOURS');
    expect(text(ask('/simulate 0.000001 0.5d'))).toContain('SIMULATE 0.000001 METIS FOR 12 HOURS');
    expect(text(ask('/simulate 1234.5678 36h'))).toContain('SIMULATE 1,234.5678 METIS FOR 1.5 DAYS');
    expect(text(ask('/simulate 1000 90h'))).toContain('FOR 3.75 DAYS');
    // The final amount keeps 3 significant digits of a small amount: 0.001 × 1.1271 = 0.0011271.
    expect(text(ask('/simulate 0.001 seMetis'))).toMatch(/seMetis <vault> & co\s+12\.71%\s+0\.00113\s+\+0\.00013/);
  });

  it('GIVEN 2.5m THEN two and a half million', () => {
    expect(text(ask('/simulate 2.5m'))).toContain('SIMULATE 2,500,000 METIS FOR 1 YEAR');
  });

  it('GIVEN durations 30d, 12w, 6m (months), 1y, 10y THEN each horizon', () => {
    expect(text(ask('/simulate 1000 30d'))).toContain('FOR 30 DAYS');
    expect(text(ask('/simulate 1000 12w'))).toContain('FOR 12 WEEKS');
    expect(text(ask('/simulate 1000 6m'))).toContain('FOR 6 MONTHS');
    expect(text(ask('/simulate 1000 1y'))).toContain('FOR 1 YEAR');
    expect(text(ask('/simulate 1000 duration=10y'))).toContain('FOR 10 YEARS');
  });

  it('GIVEN 6m before any amount THEN it is the amount (6 million): the amount is matched first', () => {
    expect(text(ask('/simulate 6m 1y'))).toContain('SIMULATE 6,000,000 METIS FOR 1 YEAR');
  });

  it('GIVEN words and options in any order THEN the same answer', () => {
    const expected = text(ask('/simulate 1000 1y seMetis loop ltv=0.7 loops=3 borrow=4.5%'));
    expect(text(ask('/simulate seMetis loop borrow=0.045 1y loops=3 ltv=70% 1k'))).toBe(expected);
    expect(text(ask('/simulate loop 1y 1,000 SEMETIS ltv=0.7 borrow=4.5% loops=3'))).toBe(expected);
    expect(text(ask('/simulate 1000 1y semetis mode=loop ltv=0.7 loops=3 borrow=4.5%'))).toBe(expected);
  });

  it('GIVEN the examples of the issue THEN each is answered', () => {
    for (const line of ['/simulate 1000', '/simulate 1000 180d', '/simulate 5000 1y seMetis', '/simulate 1000 1y loop ltv=0.7 loops=3 borrow=4.5%']) {
      expect(ask(line)?.kind, line).toBe('answer');
    }
  });
});

describe('/simulate: validation names the bad argument', () => {
  it.each([
    ['/simulate 0', 'amount must be between 0.000001 and 1,000,000,000,000, not 0.'],
    ['/simulate 0.0000001', 'amount must be between 0.000001 and 1,000,000,000,000, not 1e−7.'],
    ['/simulate -5', 'amount must be between 0.000001 and 1,000,000,000,000, not −5.'],
    ['/simulate 2e12', 'amount must be between 0.000001 and 1,000,000,000,000, not 2,000,000,000,000.'],
    ['/simulate amount=lots', 'amount must be a number, not "lots" (e.g. 1000, 1,000, 1k, 2.5m, 1e3).'],
    ['/simulate 1000 11y', 'duration "11y" is not valid: expected 12h, 30d, 12w, 6m (months), 1y; from 1h to 10y.'],
    ['/simulate 1000 0.01d', 'duration "0.01d" is not valid: expected 12h, 30d, 12w, 6m (months), 1y; from 1h to 10y.'],
    ['/simulate 1000 59min', 'duration "59min" is not valid: expected 12h, 30d, 12w, 6m (months), 1y; from 1h to 10y.'],
    ['/simulate 1000 duration=30', 'duration "30" is not valid: expected 12h, 30d, 12w, 6m (months), 1y; from 1h to 10y.'],
    ['/simulate 1000 ltv=1', 'ltv must be at least 0 and less than 1, not 1.'],
    ['/simulate 1000 ltv=-0.1', 'ltv must be at least 0 and less than 1, not −0.1.'],
    ['/simulate 1000 loops=21', 'loops must be between 0 and 20, not 21.'],
    ['/simulate 1000 loops=2.5', 'loops must be a number, not "2.5".'],
    ['/simulate 1000 borrow=4.5', 'borrow must be between 0 and 1, not 4.5.'],
    ['/simulate 1000 lt=0', 'lt must be greater than 0 and at most 1, not 0.'],
    ['/simulate 1000 compound=hourly', 'Unknown compound "hourly". Known: daily, weekly, monthly, none.'],
    ['/simulate 1000 strategy=doge', 'Unknown strategy "doge". Known: sequencer, seMetis.'],
    ['/simulate 1000 pool=x', 'Unknown option "pool".'],
  ])('GIVEN %s THEN "%s" and the usage line', (line, message) => {
    const out = usage(ask(line));
    expect(out).toContain(message);
    expect(out).toContain('Usage: /simulate <amount> [duration] [strategy] [mode] [compound] [ltv=…] [loops=…] [borrow=…] [lt=…]');
  });

  it('GIVEN a word that fits nothing THEN what each open option takes', () => {
    expect(usage(ask('/simulate 1000 doge'))).toContain(
      '"doge" fits no option; expected one of: duration (12h, 30d, 12w, 6m (months), 1y; from 1h to 10y), strategy (sequencer, seMetis), mode (hold, loop), compound (daily, weekly, monthly, none).',
    );
    expect(usage(ask('/simulate 1000 1y seMetis loop daily extra'))).toContain('Unexpected "extra"');
  });

  it('GIVEN the limits themselves THEN they are accepted', () => {
    for (const line of ['/simulate 1t 10y', '/simulate 0.000001', '/simulate 1000 1h', '/simulate 1000 ltv=0 loops=0', '/simulate 1000 ltv=0.99 loops=20 lt=1 borrow=1']) {
      expect(ask(line)?.kind, line).toBe('answer');
    }
  });
});

describe('/simulate: figures', () => {
  it('GIVEN no strategy THEN every earning source, ranked, with final, gain, APY and data age', () => {
    const out = text(ask('/simulate 1000'));
    const seq = 1000 * daily(SEQ_APR, 1);
    const se = 1000 * (1 + SE_APY);
    expect(out).toMatch(new RegExp(`1  Sequencer mining\\s+${pct(seq / 1000 - 1)}\\s+${money(seq)}\\s+\\${gain(seq - 1000)}\\s+2m\\n`));
    expect(out).toMatch(new RegExp(`2  seMetis <vault> & co\\s+${pct(SE_APY)}\\s+${money(se)}\\s+\\${gain(se - 1000)}\\s+1h ⚠\\n`));
    // The pool is not a strategy.
    expect(out).not.toContain('eMetis/METIS');
    expect(out).toContain('Projections at current rates, not promises');
  });

  it('GIVEN the rate-drop stress THEN 25 % and 50 % lower rates, never a better result', () => {
    const out = text(ask('/simulate 1000'));
    const seq = (drop: number) => 1000 * daily(SEQ_APR * (1 - drop), 1);
    const se = (drop: number) => 1000 * (1 + SE_APY * (1 - drop));
    expect(out).toMatch(
      new RegExp(`Sequencer mining\\s+${pct(seq(0.25) / 1000 - 1)}\\s+\\${gain(seq(0.25) - 1000)}\\s+${pct(seq(0.5) / 1000 - 1)}\\s+\\${gain(seq(0.5) - 1000)}\\n`),
    );
    expect(out).toMatch(new RegExp(`seMetis <vault> & co\\s+${pct(SE_APY * 0.75)}\\s+\\${gain(se(0.25) - 1000)}\\s+${pct(SE_APY * 0.5)}\\s+\\${gain(se(0.5) - 1000)}`));
  });

  it('GIVEN a duration THEN the rate grows over that part of a year', () => {
    const out = text(ask('/simulate 1000 180d seMetis'));
    const final = 1000 * (1 + SE_APY) ** (180 / 365);
    expect(out).toMatch(new RegExp(`1  seMetis <vault> & co\\s+${pct(SE_APY)}\\s+${money(final)}\\s+\\${gain(final - 1000)}`));
    expect(out).not.toContain('Sequencer mining');
  });

  it('GIVEN compound= THEN the sequencer APR compounds that way and the share-price APY does not change', () => {
    const weekly = text(ask('/simulate 1000 1y compound=weekly'));
    const seqWeekly = 1000 * (1 + SEQ_APR / 52) ** 52;
    expect(weekly).toContain(`Sequencer mining: nominal APR ${pct(SEQ_APR)}, compounded weekly → ${pct(seqWeekly / 1000 - 1)} a year`);
    expect(weekly).toContain(money(seqWeekly));
    expect(weekly).toContain('the compounding is inside the share price, so compound= does not change it');
    expect(weekly).toContain(money(1000 * (1 + SE_APY)));

    const none = text(ask('/simulate 1000 6m sequencer none'));
    expect(none).toContain(`nominal APR ${pct(SEQ_APR)}, not compounded (rewards taken out: simple interest)`);
    expect(none).toContain(money(1000 * (1 + SEQ_APR / 2)));
    expect(text(ask('/simulate 1000'))).toContain('compounded daily');
  });

  it('GIVEN a loop THEN exposure, net APY, the liquidating depeg (with its threshold) and exit liquidity', () => {
    const out = text(ask('/simulate 1000 1y loop ltv=0.7 loops=3 borrow=4.5%'));
    const m = 1 + 0.7 + 0.49 + 0.343;
    const net = m * SE_APY - (m - 1) * 0.045;
    const depeg = 1 - (m - 1) / (m * 0.8);
    expect(out).toContain('LOOP 1,000 METIS FOR 1 YEAR');
    expect(out).toContain('ltv 0.70 · 3 loops · borrow 4.50% APR · liquidation threshold 0.80 (default: set lt=)');
    expect(out).toMatch(new RegExp(`1  seMetis <vault> & co\\s+${pct(net)}\\s+${money(1000 * (1 + net))}\\s+\\${gain(1000 * net)}\\s+1h ⚠`));
    expect(out).toContain(`Exposure 2.533×: ${money(1000 * m)} METIS staked, ${money(1000 * (m - 1))} borrowed.`);
    expect(out).toContain(`Net APY ${pct(net)} = 2.533 × ${pct(SE_APY)} (7 d share-price APY) − 1.533 × 4.50% (borrow).`);
    expect(out).toContain(`Liquidated if seMetis falls ${pct(depeg)} against the borrowed METIS (threshold 0.80).`);
    // seMetis has no pool of its own in the fixture: the eMetis/METIS pool sells eMetis, which repays nothing.
    expect(out).toContain('Exit: no pool swaps seMetis into METIS: an exit means redeeming through the protocol, with its delay.');
    expect(out).not.toContain('Exit: eMetis/METIS');
    // The sequencer cannot be looped: it is left out.
    expect(out).not.toContain('Sequencer mining');
    // Stress lowers the stake APY only.
    expect(out).toContain(pct(m * SE_APY * 0.75 - (m - 1) * 0.045));
  });

  it('GIVEN a loop on a token with a WMETIS pool of its own THEN that pool is the exit, with the share of the position it takes', () => {
    const out = text(ask('/simulate 1000 seMetis loop', { ...context, snapshot: () => snapshotWithSeMetisPool }));
    const m = 1 + 0.7 + 0.49 + 0.343;
    // 500 seMetis at fair value 1.05 WMETIS = 525 METIS of a 1000 × M METIS position; 2,600 × 1.05 = 2,730 > 2,533.
    expect(out).toContain(`Exit: seMetis/WMETIS (WMETIS is 1:1 with METIS) takes 500.00 seMetis at 1 % slippage (${pct(525 / (1000 * m))} of the position) and 2,600.00 seMetis at 5 % (all of the position).`);
    expect(out).not.toContain('no pool swaps');
  });

  it('GIVEN loop options without the word loop THEN a loop, with the defaults named', () => {
    const out = text(ask('/simulate 1000 ltv=0.5'));
    expect(out).toContain('LOOP 1,000 METIS');
    expect(out).toContain('ltv 0.50 · 3 loops (default) · borrow 5.00% APR (assumed: set borrow=) · liquidation threshold 0.80 (default: set lt=)');
    expect(text(ask('/simulate 1000 hold ltv=0.5'))).toContain('only apply to a loop');
  });

  it('GIVEN a threshold under the loop\'s own debt ratio THEN liquidatable at once; without debt nothing to liquidate', () => {
    expect(text(ask('/simulate 1000 loop ltv=0.9 loops=20 lt=0.5'))).toContain('Liquidatable at once: debt/collateral 0.888 is at or above the threshold 0.50.');
    expect(text(ask('/simulate 1000 loop loops=0'))).toContain('No debt: nothing to liquidate.');
  });

  it('GIVEN a loop on the sequencer THEN it says why not and what to type', () => {
    expect(usage(ask('/simulate 1000 sequencer loop'))).toBe(
      'Sequencer mining cannot be looped: METIS locked by sequencers is not collateral. Loop a staking token instead, e.g. /simulate 1000 seMetis loop',
    );
  });

  it('GIVEN a strategy without a rate yet THEN a dash and why, ranked last', () => {
    const young: Snapshot = {
      ...snapshot,
      sources: snapshot.sources.map((s) =>
        s.figures?.kind === 'sequencer' ? { ...s, figures: { ...s.figures, nominalApr: missing('not-enough-history') } } : s,
      ),
    };
    const out = text(ask('/simulate 1000', { ...context, snapshot: () => young }));
    expect(out).toMatch(/1  seMetis <vault> & co/);
    expect(out).toMatch(/2  Sequencer mining\s+—\s+—\s+—\s+2m/);
    expect(out).toContain('Sequencer mining: no rate yet (not enough history)');
  });

  it('GIVEN a wrapper with only a 24 h APY THEN that window, named', () => {
    const young: Snapshot = {
      ...snapshot,
      sources: snapshot.sources.map((s) => (s.figures?.kind === 'yield' ? { ...s, figures: { ...s.figures, apy7d: missing('not-enough-history'), apy24h: figure(0.2) } } : s)),
    };
    expect(text(ask('/simulate 1000 seMetis', { ...context, snapshot: () => young }))).toContain('24 h share-price APY 20.00% in eMetis');
  });

  it('GIVEN a token whose share price fell to zero THEN −100 % everywhere, never a loss beyond everything', () => {
    const wiped: Snapshot = {
      ...snapshot,
      sources: snapshot.sources.map((s) => (s.figures?.kind === 'yield' ? { ...s, figures: { ...s.figures, apy7d: figure(-1) } } : s)),
    };
    const held = text(ask('/simulate 1000 seMetis', { ...context, snapshot: () => wiped }));
    expect(held).toMatch(/seMetis <vault> & co\s+−100\.00%\s+0\.00\s+−1,000\.00/);
    // The stress rows: 25 % and 50 % "lower" than −100 % is still −100 % (was −125.00 % and −150.00 %).
    expect(held).toMatch(/seMetis <vault> & co\s+−100\.00%\s+−1,000\.00\s+−100\.00%\s+−1,000\.00/);
    const looped = text(ask('/simulate 1000 seMetis loop', { ...context, snapshot: () => wiped }));
    expect(looped).toMatch(/seMetis <vault> & co\s+−100\.00%\s+0\.00\s+−1,000\.00/);
    for (const out of [held, looped]) expect(out).not.toMatch(/−(1[0-9][1-9]|1[1-9][0-9]|[2-9][0-9]{2})\.\d\d%/);
  });

  it('GIVEN a huge amount for ten years THEN plain digits, no exponent', () => {
    const out = text(ask('/simulate 1t 10y seMetis'));
    expect(out).toContain(money(1e12 * (1 + SE_APY) ** 10));
    expect(out).not.toMatch(/\de\+/);
  });
});
