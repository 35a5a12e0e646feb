import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/figures/figures.ts';
import { assessHealth } from '../../src/ops/health.ts';
import { createBotMetrics } from '../../src/ops/metrics.ts';
import { PlatformStatus } from '../../src/ops/platformStatus.ts';
import { NOW, snapshot } from '../commands/snapshotFixture.ts';

const fresh: Snapshot = {
  ...snapshot,
  sources: snapshot.sources.map((v) => ({ ...v, lastRead: { blockNumber: 1n, blockTime: 1, observedAt: NOW } })),
  lastCycle: { startedAt: NOW - 1_000, finishedAt: NOW },
};

describe('platforms in /healthz and the metrics', () => {
  it('GIVEN every platform up THEN ok, with each one listed', () => {
    const telegram = new PlatformStatus('telegram', () => NOW - 5_000);
    telegram.up();
    const report = assessHealth({ snapshot: fresh, now: NOW, maxCycleAgeSeconds: 900, platforms: { telegram: telegram.report() } });
    expect(report).toMatchObject({ status: 'ok', platforms: { telegram: { state: 'up', since: new Date(NOW - 5_000).toISOString() } } });
    expect(report.reason).toBeUndefined();
  });

  it('GIVEN one platform down and one stopped, and a stale source THEN degraded (200), naming each with its error', () => {
    const telegram = new PlatformStatus('telegram', () => NOW);
    telegram.down('Network request for \'getMe\' failed! (ECONNREFUSED)', NOW + 1_000);
    const discord = new PlatformStatus('discord', () => NOW);
    discord.up();
    discord.stopped('Discord rejected DISCORD_TOKEN (gateway closed while running: 4004 Authentication failed)');
    // The fixture: seMetis was read an hour ago, the others two minutes ago.
    const report = assessHealth({ snapshot, now: NOW, maxCycleAgeSeconds: 900, platforms: { telegram: telegram.report(), discord: discord.report() } });
    expect(report.status).toBe('degraded');
    expect(report.reason).toBe(
      `stale: seMetis; telegram down: Network request for 'getMe' failed! (ECONNREFUSED); discord stopped: Discord rejected DISCORD_TOKEN (gateway closed while running: 4004 Authentication failed)`,
    );
    expect(report.platforms?.telegram).toEqual({ state: 'down', since: new Date(NOW).toISOString(), lastError: "Network request for 'getMe' failed! (ECONNREFUSED)", retryAt: new Date(NOW + 1_000).toISOString() });
  });

  it('GIVEN a platform down while the poller is unhealthy THEN unhealthy wins (503 for the poller, not for a platform)', () => {
    const telegram = new PlatformStatus('telegram', () => NOW);
    telegram.down('ECONNREFUSED');
    const { lastCycle: _, ...noCycle } = fresh;
    expect(assessHealth({ snapshot: noCycle, now: NOW, maxCycleAgeSeconds: 900, platforms: { telegram: telegram.report() } })).toMatchObject({
      status: 'unhealthy',
      platforms: { telegram: { state: 'down' } },
    });
  });

  it('GIVEN the states THEN metis_bot_platform_up is 1 only for the one that is up', async () => {
    const metrics = createBotMetrics();
    let states: Record<string, 'starting' | 'up' | 'down' | 'stopped'> = { telegram: 'starting', discord: 'up' };
    metrics.watchPlatforms(() => states);
    let body = (await metrics.render()).body;
    expect(body).toContain('metis_bot_platform_up{platform="telegram"} 0');
    expect(body).toContain('metis_bot_platform_up{platform="discord"} 1');
    states = { telegram: 'up', discord: 'stopped' };
    body = (await metrics.render()).body;
    expect(body).toContain('metis_bot_platform_up{platform="telegram"} 1');
    expect(body).toContain('metis_bot_platform_up{platform="discord"} 0');
  });
});
