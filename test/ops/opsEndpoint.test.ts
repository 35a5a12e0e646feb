import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log/logger.ts';
import type { Snapshot } from '../../src/figures/figures.ts';
import { assessHealth } from '../../src/ops/health.ts';
import { createBotMetrics } from '../../src/ops/metrics.ts';
import { OpsServerError, startOpsServer, type OpsServer } from '../../src/ops/opsServer.ts';
import { NOW, snapshot } from '../commands/snapshotFixture.ts';

const fresh = (s: Snapshot, at: number): Snapshot => ({
  ...s,
  sources: s.sources.map((v) => ({ ...v, lastRead: { blockNumber: 1n, blockTime: 1, observedAt: at } })),
  lastCycle: { startedAt: at - 1_000, finishedAt: at },
});

describe('assessHealth', () => {
  const check = (s: Snapshot, now: number, stopping = false) => assessHealth({ snapshot: s, now, maxCycleAgeSeconds: 900, stopping });

  it('GIVEN a recent cycle and fresh sources THEN ok', () => {
    expect(check(fresh(snapshot, NOW), NOW + 60_000)).toEqual({
      status: 'ok',
      staleSources: [],
      sources: 3,
      lastCycle: { finishedAt: new Date(NOW).toISOString(), ageSeconds: 60 },
    });
  });

  it('GIVEN no cycle since the start THEN unhealthy, saying so', () => {
    const { lastCycle: _, ...noCycle } = fresh(snapshot, NOW);
    expect(check(noCycle, NOW)).toMatchObject({ status: 'unhealthy', reason: 'no poll cycle has finished since the start' });
  });

  it('GIVEN the last cycle older than the limit THEN unhealthy with its age', () => {
    expect(check(fresh(snapshot, NOW), NOW + 901_000)).toMatchObject({ status: 'unhealthy', reason: expect.stringContaining('finished 901 s ago, more than 900 s') });
  });

  it('GIVEN some stale sources THEN degraded (still 200); every source stale THEN unhealthy', () => {
    // The fixture: seMetis was read an hour ago, the others two minutes ago.
    expect(check(snapshot, NOW)).toMatchObject({ status: 'degraded', reason: 'stale: seMetis', staleSources: ['seMetis'] });
    const allOld = { ...fresh(snapshot, NOW - 3_600_000), lastCycle: { startedAt: NOW - 2_000, finishedAt: NOW - 1_000 } };
    expect(check(allOld, NOW)).toMatchObject({ status: 'unhealthy', reason: expect.stringContaining('every source is stale') });
  });

  it('GIVEN a shutdown under way THEN unhealthy', () => {
    expect(check(fresh(snapshot, NOW), NOW, true)).toMatchObject({ status: 'unhealthy', reason: 'shutting down' });
  });
});

describe('the ops endpoint', () => {
  let server: OpsServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start(health = () => assessHealth({ snapshot: fresh(snapshot, NOW), now: NOW, maxCycleAgeSeconds: 900 })) {
    const metrics = createBotMetrics();
    metrics.watchSnapshot(() => snapshot, () => NOW);
    server = await startOpsServer({ host: '127.0.0.1', port: 0, health, metrics: () => metrics.render(), logger: silentLogger });
    return { metrics, url: server.url };
  }

  it('GIVEN a healthy bot THEN /healthz answers 200 with the report; unhealthy 503 with the reason', async () => {
    let healthy = true;
    const { url } = await start(() => (healthy ? { status: 'ok', staleSources: [], sources: 3 } : { status: 'unhealthy', reason: 'no poll cycle has finished since the start', staleSources: [], sources: 3 }));
    const ok = await fetch(`${url}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ok', staleSources: [], sources: 3 });
    healthy = false;
    const bad = await fetch(`${url}/healthz`);
    expect(bad.status).toBe(503);
    expect(await bad.json()).toMatchObject({ reason: 'no poll cycle has finished since the start' });
    expect((await fetch(`${url}/healthz`, { method: 'HEAD' })).status).toBe(503);
  });

  it('GIVEN activity THEN /metrics lists every metric in Prometheus text', async () => {
    const { url, metrics } = await start();
    metrics.rpcRequest({ chainId: 1088, url: 'https://rpc.example.org/v3/SECRETKEY123', method: 'eth_call', ok: true });
    metrics.rpcRequest({ chainId: 1088, url: 'https://rpc.example.org/v3/SECRETKEY123', method: 'eth_call', ok: false });
    metrics.cycleDone({ startedAt: 0, finishedAt: 1_500, observations: 3, failures: [{ sourceId: 'seMetis', error: 'x' }], newEvents: 0 });
    metrics.commandServed({ platform: 'telegram', command: 'apy', outcome: 'answer', seconds: 0.002 });
    metrics.messagesSent('discord', 1);
    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const body = await response.text();
    expect(body).toContain('metis_bot_rpc_requests_total{chain="1088",endpoint="https://rpc.example.org/…",method="eth_call"} 2');
    expect(body).toContain('metis_bot_rpc_errors_total{chain="1088",endpoint="https://rpc.example.org/…",method="eth_call"} 1');
    expect(body).not.toContain('SECRETKEY123');
    expect(body).toContain('metis_bot_poll_cycle_duration_seconds_bucket{le="2.5"} 1');
    expect(body).toContain('metis_bot_poll_cycles_total 1');
    expect(body).toContain('metis_bot_source_read_failures_total{source="seMetis"} 1');
    expect(body).toContain('metis_bot_source_staleness_seconds{source="sequencer"} 120');
    expect(body).toContain('metis_bot_source_staleness_seconds{source="seMetis"} 3600');
    expect(body).toContain('metis_bot_source_stale{source="seMetis"} 1');
    expect(body).toContain('metis_bot_source_stale{source="sequencer"} 0');
    expect(body).toContain(`metis_bot_last_poll_cycle_timestamp_seconds ${(NOW - 120_000) / 1000}`);
    expect(body).toContain('metis_bot_messages_sent_total{platform="discord"} 1');
    expect(body).toContain('# TYPE metis_bot_messages_queued_total counter');
    expect(body).toContain('# TYPE metis_bot_messages_failed_total counter');
    expect(body).toContain('metis_bot_commands_total{command="apy",platform="telegram",outcome="answer"} 1');
    expect(body).toContain('metis_bot_command_duration_seconds_bucket{le="0.0025",command="apy",platform="telegram"} 1');
  });

  it('GIVEN another path or method THEN 404 or 405', async () => {
    const { url } = await start();
    expect((await fetch(`${url}/`)).status).toBe(404);
    expect((await fetch(`${url}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it('GIVEN the port is taken THEN start fails with a clear error naming the config keys', async () => {
    const { url } = await start();
    const port = Number(new URL(url).port);
    await expect(startOpsServer({ host: '127.0.0.1', port, health: () => ({ status: 'ok', staleSources: [], sources: 0 }), metrics: async () => ({ contentType: 'text/plain', body: '' }), logger: silentLogger })).rejects.toThrow(
      new OpsServerError(`cannot serve /healthz and /metrics on 127.0.0.1:${port}: the port is in use (http.host and http.port in the config)`),
    );
  });

  it('GIVEN two metric sets in one process THEN they do not share counts (own registries)', async () => {
    const a = createBotMetrics();
    const b = createBotMetrics();
    a.messagesQueued('telegram', 1);
    expect((await b.render()).body).not.toContain('metis_bot_messages_queued_total{platform="telegram"} 1');
    expect((await a.render()).body).toContain('metis_bot_messages_queued_total{platform="telegram"} 1');
  });
});
