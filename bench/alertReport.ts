import { ALERT_SCENARIO, ALERT_TARGETS, BEFORE, type AlertRun } from './alertBench.ts';
import type { AlertFigures } from './alertChild.ts';
import type { MemoryPoint } from './memoryPoint.ts';

/** The label column's width. */
const W = 62;
const n = (x: number) => x.toLocaleString('en-US');
const ms = (x: number) => `${x.toFixed(1)} ms`;
const mb = (x: number | undefined) => (x === undefined ? '–' : `${x.toFixed(0)} MB`);

/**
 * The alert bench as lines: each figure before issue 12 (measured once at BEFORE.commit), now, and its target
 * with PASS or MISS; then where the memory is after start and after the firing cycle.
 */
export function alertReport({ figures: now, command }: AlertRun): string[] {
  const before = BEFORE.figures;
  const lines = [
    `Alerts at ${n(ALERT_SCENARIO.chats)} chats (${n(ALERT_SCENARIO.alerts)} alerts, ${n(ALERT_SCENARIO.digests)} digests, 1 in ${ALERT_SCENARIO.ownThresholdsEvery} alert chats with its own thresholds), the year of history of 20 sources;`,
    `  ${command}:`,
    `  ${''.padEnd(W)}${`before ${BEFORE.commit}`.padStart(16)}${'now'.padStart(12)}   target`,
  ];
  const row = (label: string, cell: (f: AlertFigures) => string, target = '', pass?: boolean) =>
    lines.push(`  ${label.padEnd(W)}${cell(before).padStart(16)}${cell(now).padStart(12)}   ${target.padEnd(10)}${pass === undefined ? '' : pass ? 'PASS' : 'MISS'}`);
  row('quiet cycle (nothing crosses), median of 7', (f) => ms(f.quietMs), `< ${ALERT_TARGETS.quietMs} ms`, now.quietMs < ALERT_TARGETS.quietMs);
  row('  JS heap allocated by it (cycles without a collection)', (f) => `${f.quietAllocatedMb.toFixed(2)} MB${f.quietCollected ? '+' : ''}`, `< ${ALERT_TARGETS.quietAllocatedMb} MB`, now.quietAllocatedMb < ALERT_TARGETS.quietAllocatedMb);
  row('a depeg crossing for every alert chat (K = 2: pending)', (f) => ms(f.pendingMs));
  row('the depeg firing: all messages enqueued', (f) => ms(f.fireMs), `< ${ALERT_TARGETS.fireMs} ms`, now.fireMs < ALERT_TARGETS.fireMs);
  row('  messages enqueued', (f) => n(f.fired), n(ALERT_SCENARIO.alerts), now.fired === ALERT_SCENARIO.alerts);
  row('digest tick, first (every subscription looked at)', (f) => ms(f.digestFirstMs));
  row('digest tick with nothing due', (f) => ms(f.digestIdleMs), `< ${ALERT_TARGETS.digestIdleMs} ms`, now.digestIdleMs < ALERT_TARGETS.digestIdleMs);
  row('RSS of the bot after the firing cycle (after a full GC)', (f) => mb(f.rssMb), `< ${ALERT_TARGETS.rssMb} MB`, now.rssMb < ALERT_TARGETS.rssMb);
  row('  peak RSS up to the end of the firing cycle', (f) => mb(f.peakRssFiringMb));
  row('  peak RSS of the whole run (the digest ticks after it too)', (f) => mb(f.peakRssMb));
  lines.push('  (+: a collection ran during every cycle, so the allocation shown is a lower bound)');
  const { started, afterFiring } = now;
  if (started && afterFiring) {
    lines.push(`  where the memory is, now (after a full GC)${''.padEnd(W - 42)}${'after start'.padStart(16)}${'after firing'.padStart(14)}`);
    const memory = (label: string, cell: (p: MemoryPoint) => string) => lines.push(`  ${label.padEnd(W)}${cell(started).padStart(16)}${cell(afterFiring).padStart(14)}`);
    memory('RSS', (p) => mb(p.rss));
    memory('  of which anonymous (JS heap, malloc)', (p) => mb(p.anon));
    memory('  of which mapped files (node\'s code and ICU data, libraries)', (p) => mb(p.file));
    memory('JS heap used', (p) => mb(p.heapUsed));
    memory('JS heap committed (of it the young generation)', (p) => `${p.heapTotal.toFixed(0)} (${p.newSpace.toFixed(0)}) MB`);
    memory('external (Buffers, outside the JS heap)', (p) => mb(p.external));
    memory('anonymous outside the JS heap (malloc: SQLite, V8, glibc)', (p) => (p.anon === undefined ? '–' : mb(p.anon - p.heapTotal - p.external)));
  }
  return lines;
}
