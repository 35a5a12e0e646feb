import { commands } from '../commands/registry.ts';
import { loadConfig } from '../src/config/loadConfig.ts';
import { startDevnet } from '../src/devnet/startDevnet.ts';
import { silentLogger } from '../src/log/logger.ts';
import { Poller } from '../src/poller/poller.ts';
import { createFailoverRpc } from '../src/rpc/failoverRpc.ts';
import { metricHistoryOf } from '../src/store/historyStore.ts';
import { openSqliteStore } from '../src/store/sqliteStore.ts';
import { benchAlerts } from './alertBench.ts';
import { alertReport } from './alertReport.ts';
import { benchChartLanguages } from './chartBench.ts';
import { benchApyCommand } from './commandBench.ts';
import { benchCrash } from './crashBench.ts';
import { benchFanout } from './fanoutBench.ts';
import { benchMemory, RSS_TARGET_MB, type MemoryBenchResult } from './memoryBench.ts';
import { benchPoll } from './pollBench.ts';
import { benchSequencerPoll } from './sequencerPollBench.ts';

/**
 * `npm run bench`: every speed figure, measured side by side in one run and printed as ratios.
 * Targets (issue "The spine"): one eth_call per chain and >= 20x fewer requests than per-view reads;
 * /apy p99 under 5 ms from memory. Issue 6: RSS under 150 MB with a year of history and 10,000 subscriptions.
 * Issue 12: alert evaluation at 100,000 chats (quiet cycle < 20 ms and < 1 MB, a depeg to 50,000 chats < 2 s,
 * an idle digest tick < 5 ms, RSS < 150 MB), beside the figures before it. Issue 15: a chart in English and in
 * Chinese (the CJK font's cost).
 * `npm run bench -- memory` (or `poll`, `fanout`, `crash`, `alerts`) runs only those parts.
 */
const out = (line: string) => process.stdout.write(`${line}\n`);
const parts = process.argv.slice(2);
const wanted = (part: string) => parts.length === 0 || parts.includes(part);

if (wanted('poll')) {
  const devnet = await startDevnet({ scenario: { maxL2BlocksPerAdvance: 2_100 } });
  try {
    const poll = await benchPoll(devnet);
    out(`Poll cycle, ${poll.sources} vaults and pools on one chain (median of 7 cycles, requests counted on the wire):`);
    out(`  batched (the bot):  ${poll.batched.requestsPerCycle.toFixed(1)} JSON-RPC requests (${poll.batched.ethCallsPerCycle} eth_call), ${poll.batched.msMedian.toFixed(1)} ms`);
    out(`  one request a view: ${poll.perView.requestsPerCycle.toFixed(1)} JSON-RPC requests, ${poll.perView.msMedian.toFixed(1)} ms`);
    out(`  ratio: ${(poll.perView.requestsPerCycle / poll.batched.requestsPerCycle).toFixed(1)}x fewer requests (target >= 20x), ${(poll.perView.msMedian / poll.batched.msMedian).toFixed(1)}x faster`);

    const seq = await benchSequencerPoll(devnet);
    out(`Poll cycle of the devnet config with ${seq.sequencers} sequencers in the LockingPool (requests counted on the wire):`);
    out(`  L1: ${seq.l1.requests} JSON-RPC requests, ${seq.l1.ethCalls} eth_call (totalSequencers and every sequencers(id) in it; target 1); L2: ${seq.l2.requests} requests, ${seq.l2.ethCalls} eth_call`);

    // /apy from the figures of a real cycle over the demo tower.
    const config = loadConfig('config/devnet.yaml', { DEVNET_L1_RPC: devnet.l1.url, DEVNET_L2_RPC: devnet.l2.url, METIS_BOT_DB: ':memory:' });
    const store = openSqliteStore(':memory:');
    const rpcs = new Map(config.chains.map((c) => [c.id, createFailoverRpc({ chainId: c.id, urls: c.rpc, timeoutMs: 10_000 })]));
    const poller = new Poller({ config, store, rpcs, logger: silentLogger });
    for (let day = 0; day < 8; day++) {
      await devnet.scenario.advance(86_400);
      await poller.runCycle();
    }
    const apy = benchApyCommand({ snapshot: () => poller.snapshot(), now: Date.now, commands: () => commands });
    out('/apy handled 10,000 times from memory (parse, run, render Telegram HTML):');
    out(`  p50 ${apy.p50.toFixed(3)} ms, p99 ${apy.p99.toFixed(3)} ms (target p99 < 5 ms), max ${apy.max.toFixed(3)} ms`);
    const chart = await benchChartLanguages({ snapshot: () => poller.snapshot(), now: Date.now, commands: () => commands, history: metricHistoryOf(store) });
    out('/chart seMetis 7d drawn and rasterised to PNG, median of 7, in each language (resvg parses the fonts on each render):');
    out(`  English ${chart.en.toFixed(1)} ms · Chinese with the full Noto Sans SC ${chart.zhFull.toFixed(1)} ms (${(chart.zhFull / chart.en).toFixed(1)}x) · with it cut to the messages' characters ${chart.zhCut.toFixed(1)} ms (${(chart.zhCut / chart.en).toFixed(1)}x)`);
    store.close();
  } finally {
    await devnet.stop();
  }
}

if (wanted('memory')) printMemory(await benchMemory());

if (wanted('fanout')) {
  // Digest fan-out through the outbox to a Bot API that enforces Telegram's limits, scaled from 30/s to
  // 1,000/s (on a 2-core machine grammY and the fake server together top out near 2,900 requests/s).
  const fanout = await benchFanout(10_000, 1_000);
  out(`Digest fan-out to ${fanout.subscribers.toLocaleString('en-US')} Telegram subscribers (limits scaled to ${fanout.limitPerSecond}/s overall, 1/s per chat):`);
  out(`  enqueue ${fanout.enqueueMs.toFixed(0)} ms, deliver ${(fanout.deliverMs / 1000).toFixed(2)} s`);
  out(`  achieved ${fanout.achievedPerSecond.toFixed(0)}/s = ${(fanout.achievedPerSecond / fanout.limitPerSecond).toFixed(3)} of the limit (target >= 0.95; sustained at the server after the first second ${fanout.sustainedPerSecond.toFixed(0)}/s), limit violations ${fanout.violations} (target 0)`);
  out(`  lost ${fanout.lost}, duplicated ${fanout.duplicated} (target 0, 0); peak RSS ${fanout.peakRssMb.toFixed(0)} MB, peak heap ${fanout.peakHeapMb.toFixed(0)} MB`);
}

/** The memory runs side by side, one column each, then the built entry point measured from outside. */
function printMemory(memory: MemoryBenchResult): void {
  const { history, runs } = memory;
  const n = (x: number) => x.toLocaleString('en-US');
  const first = runs[0]!.figures;
  out(
    `Memory, ${history.sources} sources with a year of 5-minute history (${(history.observations / 1e6).toFixed(2)} M observations, ${(history.metricRows / 1e6).toFixed(2)} M metric rows, ` +
      `${n(history.events)} reward events; ${memory.dbMb.toFixed(0)} MB SQLite file, ${history.cached ? 'from the cache' : `written in ${history.seconds.toFixed(0)} s and cached`}) and ` +
      `${n(history.digestSubscriptions + history.alertSubscriptions)} subscriptions (${n(history.digestSubscriptions)} digest, ${n(history.alertSubscriptions)} alerts; ${n(history.alertStates)} alert states), each run in a fresh process:`,
  );
  for (const run of runs) out(`  ${run.name.padEnd(10)} ${run.command}`);
  const width = 13;
  const row = (label: string, cell: (f: (typeof runs)[number]['figures']) => string) => out(`  ${label.padEnd(64)}${runs.map((r) => cell(r.figures).padStart(width)).join('')}`);
  const mb = (x: number | undefined) => (x === undefined ? '–' : `${x.toFixed(0)} MB`);
  const plus = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(0)} MB`;
  const settled = (f: typeof first) => Math.max(f.start.rss, f.cycle.rss, f.digest.rss);
  out(`  ${''.padEnd(64)}${runs.map((r) => r.name.padStart(width)).join('')}`);
  row('RSS: node (and loader), before the bot loads', (f) => mb(f.runtime.rss));
  row('  + the bot\'s modules', (f) => plus(f.modules.rss - f.runtime.rss));
  row('  + start on the history (open, quick_check, snapshot, /apy)', (f) => plus(f.start.rss - f.modules.rss));
  row('RSS after start', (f) => mb(f.start.rss));
  row(`RSS after a poll cycle (alerts over ${n(first.alertSubscriptions)} subscriptions)`, (f) => mb(f.cycle.rss));
  row(`RSS after the 09:01 UTC digests (${n(first.digests)} computed and enqueued)`, (f) => mb(f.digest.rss));
  row('  of which anonymous (JS heap, malloc: SQLite, WebAssembly)', (f) => mb(f.digest.anon));
  row('  of which mapped files (node\'s code and ICU data, libraries)', (f) => mb(f.digest.file));
  row('  JS heap used', (f) => mb(f.digest.heapUsed));
  row('  JS heap committed (of it the young generation)', (f) => `${f.digest.heapTotal.toFixed(0)} (${f.digest.newSpace.toFixed(0)}) MB`);
  row('peak RSS', (f) => mb(f.peakRss));
  row('time: start on the history', (f) => `${(f.startMs / 1000).toFixed(2)} s`);
  row('  a poll cycle with the alerts', (f) => `${f.cycleMs.toFixed(0)} ms`);
  row('  the digests', (f) => `${f.digestMs.toFixed(0)} ms`);
  row(`after start, cycle and digests < ${RSS_TARGET_MB} MB`, (f) => (settled(f) < RSS_TARGET_MB ? 'PASS' : 'MISS'));
  row(`peak < ${RSS_TARGET_MB} MB`, (f) => (f.peakRss < RSS_TARGET_MB ? 'PASS' : 'MISS'));
  const entry = memory.entryPoint;
  if (entry) {
    out(`  dist/main.js as \`npm start\` runs it (${entry.command}), after its first cycle, RSS read from /proc (no forced GC): ` +
      `${mb(entry.rss)}, peak ${mb(entry.peakRss)} (${Math.max(entry.rss, entry.peakRss) < RSS_TARGET_MB ? 'PASS' : 'MISS'} against ${RSS_TARGET_MB} MB)`);
  }
  const live = memory.withPlatforms;
  if (live) {
    out(`  the same with Telegram and Discord connected (fakes on 127.0.0.1), after its first cycle and a /status answered: ` +
      `${mb(live.rss)}, peak ${mb(live.peakRss)} (${Math.max(live.rss, live.peakRss) < RSS_TARGET_MB ? 'PASS' : 'MISS'} against ${RSS_TARGET_MB} MB)`);
  }
}

if (wanted('crash')) {
  const crash = await benchCrash(20, 400);
  const median = crash.duplicates[Math.floor((crash.duplicates.length - 1) / 2)] ?? 0;
  const histogram = [...new Set(crash.duplicates)].map((n) => `${n}: ${crash.duplicates.filter((d) => d === n).length}×`).join(', ');
  out(`kill -9 at a random moment of a ${crash.chats}-chat broadcast at Telegram's limits (30/s, 1/s per chat, concurrency 64), ${crash.runs} times:`);
  out(`  messages sent twice per crash: median ${median}, max ${crash.duplicates.at(-1) ?? 0} (target <= 1 and <= 2); distribution ${histogram}`);
  out(`  lost ${crash.lost} (target 0), limit violations ${crash.violations} (target 0)`);
}

if (wanted('alerts')) for (const line of alertReport(await benchAlerts())) out(line);
