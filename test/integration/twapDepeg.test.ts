import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleCommandText } from '../../commands/registry.ts';
import type { App } from '../../src/app.ts';
import type { Figure } from '../../src/core/figure.ts';
import type { Devnet } from '../../src/devnet/startDevnet.ts';
import { isStale, type PoolFigures } from '../../src/figures/figures.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import { startDevnetApp, type DevnetApp } from '../helpers/startDevnetApp.ts';

const CYCLE = 300;
const POOL = 'seMetis-METIS'; // the devnet's V3 pool of seMetis against WMETIS, 30 min TWAP in config/devnet.yaml

/**
 * Depeg alerts on a V3 pool's TWAP: the devnet's pool is a real Uniswap V3 pool with its own oracle, so time moved by the
 * scenario accumulates into observe() as on a live pool. Alerts go to the console chat (printed, then read back).
 */
describe('depeg on a V3 pool TWAP, on a devnet', () => {
  let bot: DevnetApp;
  let devnet: Devnet;
  let app: App;
  let wall = 1_700_000_000_000;
  let printed = '';
  const output = new PassThrough();
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));

  /** Runs one poll cycle at the current chain state and delivers what it enqueued. */
  async function poll(): Promise<void> {
    await app.poller.runCycle();
    await app.subscriptions.worker.drain();
  }

  /** Moves both chains and the clock one cycle (5 min) on, then polls. */
  async function cycle(): Promise<void> {
    await devnet.scenario.advance(CYCLE);
    wall += CYCLE * 1000;
    await poll();
  }

  const view = () => app.poller.snapshot().sources.find((s) => s.id === POOL)!;
  const pool = (id = POOL): PoolFigures => {
    const f = app.poller.snapshot().sources.find((s) => s.id === id)?.figures;
    if (f?.kind !== 'pool') throw new Error(`${id} has no pool figures`);
    return f;
  };
  const value = (f: Figure) => (f.ok ? f.value : Number.NaN);
  const depegAlerts = () => printed.match(/Depeg (warning|critical|escalated|over)[^\n]*/g) ?? [];

  beforeAll(async () => {
    bot = await startDevnetApp({ now: () => wall, consoleOutput: output });
    ({ devnet, app } = bot);
    app.subscriptions.subscriptions.subscribe({ platform: 'console', chatId: 'console', kind: 'alerts', assets: [POOL] }, wall);
    await poll();
  }, 120_000);

  afterAll(() => bot?.stop());

  it('GIVEN a pool whose oracle does not reach back over the window (observe reverts) THEN spot price, fresh source, TWAP missing with why', () => {
    // The pools were initialised at deployment, seconds ago: observe([1800, 0]) reverts "OLD".
    expect(isStale(view(), wall)).toBe(false);
    expect(view().lastError).toBeUndefined();
    expect(value(pool().price)).toBeCloseTo(1, 12);
    expect(pool().twapSeconds).toBe(1800);
    expect(pool().twapPrice).toEqual({ ok: false, missing: 'oracle-too-short' });
    expect(pool().twapDepegBps).toEqual({ ok: false, missing: 'oracle-too-short' });
    const status = renderText(handleCommandText('/status', app.context)!);
    expect(status).toMatch(new RegExp(`${POOL}\\s+ok`));
    expect(status).toContain(`${POOL}: no 30 min TWAP (pool oracle does not reach back that far); depeg alerts use spot`);
  });

  it('GIVEN the oracle reaches back over the window THEN each V3 pool TWAP agrees with its spot price within one tick', async () => {
    for (let i = 0; i < 7; i++) await cycle();
    for (const id of [POOL, 'METIS-USDC']) {
      const f = pool(id);
      expect(f.twapPrice.ok, id).toBe(true);
      expect(Math.abs(value(f.twapPrice) / value(f.price) - 1), id).toBeLessThanOrEqual(1.0001e-4);
    }
    expect(value(pool('METIS-USDC').twapPrice)).toBeCloseTo(40, 2);
    expect(renderText(handleCommandText('/status', app.context)!)).not.toContain('TWAP');
  }, 60_000);

  it('GIVEN spot pushed off peg for one block at each of three polls THEN the TWAP stays near fair and nothing fires', async () => {
    for (let i = 0; i < 3; i++) {
      await devnet.scenario.advance(CYCLE);
      wall += CYCLE * 1000;
      await devnet.scenario.setDepeg('v3WmetisSeMetis', -300);
      await poll();
      expect(value(pool().depegBps)).toBeCloseTo(-300, 0);
      expect(Math.abs(value(pool().twapDepegBps))).toBeLessThan(5);
      await devnet.scenario.setDepeg('v3WmetisSeMetis', 0);
    }
    expect(depegAlerts()).toEqual([]); // spot alone would have fired critical after two polls
  }, 60_000);

  it('GIVEN the pool held off peg THEN the TWAP depeg fires a warning after K cycles and escalates as the window fills', async () => {
    await devnet.scenario.setDepeg('v3WmetisSeMetis', -450);
    const twap: number[] = [];
    const alerts: number[] = [];
    for (let i = 0; i < 4; i++) {
      await cycle();
      twap.push(Math.round(value(pool().twapDepegBps)));
      alerts.push(depegAlerts().length);
    }
    // 450 × 5/30, 10/30, 15/30, 20/30 of the window off peg, give or take the seconds before setDepeg's block
    // and the mean tick's rounding (1 bp).
    twap.forEach((bps, i) => expect(Math.abs(bps + 75 * (i + 1)), `cycle ${i + 1}: ${bps} bps`).toBeLessThanOrEqual(8));
    expect(alerts).toEqual([0, 1, 1, 2]);
    expect(depegAlerts()).toEqual(['Depeg warning: seMetis/METIS', 'Depeg escalated to critical: seMetis/METIS']);
    // Each message's TWAP price, fair value and depeg agree: price ÷ fair − 1 is the depeg, within the rounding of
    // the price (4 decimals: ±0.5 bps of a fair value near 1) and of the bps (±0.5).
    const said = [...printed.matchAll(/seMetis trades at ([\d.]+) METIS, fair value ([\d.]+) METIS: −(\d+) bps on the 30 min TWAP price/g)];
    expect(said.map((m) => m[3]!.length === 3 && Number(m[3]) >= 100 && Number(m[3]) < 200)).toEqual([true, false]);
    expect(Number(said[1]![3])).toBeGreaterThanOrEqual(290);
    expect(Number(said[1]![3])).toBeLessThan(310);
    for (const [, price, fair, bps] of said) expect(Math.abs((Number(price) / Number(fair) - 1) * 10_000 + Number(bps))).toBeLessThanOrEqual(1.1);
    // The episode started at the first cycle (about −75 bps, past 50), three cycles before the escalation.
    expect(printed).toMatch(/Past the 50 bps warning since \d\d:\d\d UTC \(15 min ago\), at worst −(29\d|30\d) bps/);
  }, 60_000);
});
