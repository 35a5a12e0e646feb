import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSystemProblem, openDatabase, PAGE_CACHE_KIB } from '../../src/store/openDatabase.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import { StoreError } from '../../src/store/storeError.ts';

const observation = (blockTime: number, pps: bigint) => ({
  sourceId: 'seMetis',
  chainId: 1088,
  blockNumber: BigInt(blockTime),
  blockTime,
  observedAt: blockTime * 1000,
  values: { pps, huge: 10n ** 30n + 1n },
});

describe('openSqliteStore', () => {
  it('GIVEN observations THEN the one at or before a time comes back with exact bigints', () => {
    const store = openSqliteStore(':memory:');
    store.addObservation(observation(100, 1_000n));
    store.addObservation(observation(200, 1_010n));
    expect(store.observationAtOrBefore('seMetis', 199)?.values.pps).toBe(1_000n);
    expect(store.observationAtOrBefore('seMetis', 200)?.values.huge).toBe(10n ** 30n + 1n);
    expect(store.observationAtOrBefore('seMetis', 99)).toBeUndefined();
    expect(store.latestObservation('seMetis')?.blockTime).toBe(200);
    store.close();
  });

  it('GIVEN the same event twice THEN it is stored once and sums use the half-open window', () => {
    const store = openSqliteStore(':memory:');
    const event = (tx: string, blockTime: number, amount: bigint) => ({
      sourceId: 'sequencer', chainId: 1, name: 'DistributeReward', blockNumber: 1n, blockTime, logIndex: 0, txHash: tx, args: { amount },
    });
    expect(store.addEvents([event('0xa', 100, 5n), event('0xb', 200, 7n)])).toBe(2);
    expect(store.addEvents([event('0xa', 100, 5n)])).toBe(0);
    expect(store.sumEventArg('sequencer', 'DistributeReward', 'amount', 100, 200)).toBe(7n);
    expect(store.sumEventArg('sequencer', 'DistributeReward', 'amount', 99, 200)).toBe(12n);
    store.close();
  });

  it('GIVEN a file THEN it is created, migrated, and remembers across reopen', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'store-')), 'nested', 'history.db');
    const first = openSqliteStore(path);
    first.setCursor('events:sequencer', { startBlock: 1n, startTime: 10, nextBlock: 50n });
    first.addMetrics('seMetis', 100, { apy24h: 0.12, bad: Number.NaN });
    first.close();
    const second = openSqliteStore(path);
    expect(second.getCursor('events:sequencer')).toEqual({ startBlock: 1n, startTime: 10, nextBlock: 50n });
    expect(second.metricAtOrBefore('seMetis', 'apy24h', 100)).toEqual({ blockTime: 100, value: 0.12 });
    expect(second.metricAtOrBefore('seMetis', 'bad', 100)).toBeUndefined();
    second.close();
  });

  it('GIVEN chain heads THEN each is kept per chain, replaced in place, and read back with exact bigints across reopen', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'store-')), 'history.db');
    const first = openSqliteStore(path);
    first.setChainHead(1088, { number: 10n ** 20n, time: 1_700_000_000, seenAt: 1_700_000_000_500, advanceSeen: false, readAt: 1_700_000_000_500 });
    first.setChainHead(1, { number: 5n, time: 1_700_000_012, seenAt: 1_700_000_013_000, advanceSeen: true, readAt: 1_700_000_313_000, previousReadAt: 1_700_000_013_000 });
    first.setChainHead(1088, { number: 10n ** 20n, time: 1_700_000_000, seenAt: 1_700_000_000_500, advanceSeen: false, readAt: 1_700_000_300_500, previousReadAt: 1_700_000_000_500 });
    first.close();
    const second = openSqliteStore(path);
    expect(second.chainHeads()).toEqual(
      new Map([
        [1, { number: 5n, time: 1_700_000_012, seenAt: 1_700_000_013_000, advanceSeen: true, readAt: 1_700_000_313_000, previousReadAt: 1_700_000_013_000 }],
        [1088, { number: 10n ** 20n, time: 1_700_000_000, seenAt: 1_700_000_000_500, advanceSeen: false, readAt: 1_700_000_300_500, previousReadAt: 1_700_000_000_500 }],
      ]),
    );
    second.close();
  });

  it('GIVEN one transaction writing every store THEN a throw keeps none of it and a return keeps all of it, across reopen', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'store-')), 'history.db');
    const first = openSqliteStore(path);
    const writeAll = (n: number) => {
      first.addObservation(observation(n, 1_000n));
      first.subscriptions.subscribe({ platform: 'telegram', chatId: String(n), kind: 'alerts' }, n);
      first.outbox.enqueue({ key: `k${n}`, platform: 'telegram', chatId: String(n), reply: { kind: 'answer', blocks: [] } }, n);
      first.alertStates.put({ scope: String(n), rule: 'depeg', sourceId: 'seMetis', state: { n } }, n);
    };
    expect(() =>
      first.transaction(() => {
        writeAll(100);
        throw new Error('cycle failed');
      }),
    ).toThrow('cycle failed');
    expect(first.transaction(() => (writeAll(200), 'done'))).toBe('done');
    first.close();
    const second = openSqliteStore(path);
    expect(second.latestObservation('seMetis')?.blockTime).toBe(200);
    expect(second.observationAtOrBefore('seMetis', 199)).toBeUndefined();
    expect(second.subscriptions.active('alerts').map((s) => s.chatId)).toEqual(['200']);
    expect(second.outbox.due(Number.MAX_SAFE_INTEGER, 10).map((m) => m.key)).toEqual(['k200']);
    expect(second.alertStates.all()).toEqual([{ scope: '200', rule: 'depeg', sourceId: 'seMetis', state: { n: 200 } }]);
    second.close();
  });

  it('GIVEN a file THEN its page cache is SQLite\'s 2 MB, not the 16 MB better-sqlite3 is built with', () => {
    // The setting is per connection: asked of the connection openSqliteStore builds on.
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'store-')), 'history.db'));
    expect(PAGE_CACHE_KIB).toBe(2_000);
    expect(db.pragma('cache_size', { simple: true })).toBe(-2_000);
    db.close();
  });

  it('GIVEN a path that is a directory THEN a StoreError says it is a directory, not that it is not writable', () => {
    const path = mkdtempSync(join(tmpdir(), 'store-dir-'));
    expect(() => openSqliteStore(path)).toThrow(StoreError);
    expect(() => openSqliteStore(path)).toThrow(`cannot open the history database ${path}: it is a directory, not a file (set store.path to a file, e.g. ${join(path, 'metis-yield-bot.db')})`);
    expect(() => openSqliteStore(path)).not.toThrow(/not writable/);
  });

  it('GIVEN a folder path that runs through a file THEN a StoreError names the folder and why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    writeFileSync(join(dir, 'plain'), 'a file, not a folder');
    const path = join(dir, 'plain', 'nested', 'history.db');
    expect(() => openSqliteStore(path)).toThrow(StoreError);
    expect(() => openSqliteStore(path)).toThrow(`cannot open the history database ${path}: its folder ${join(dir, 'plain', 'nested')} cannot be made: part of its path is a file, not a directory`);
  });

  it('GIVEN a missing parent folder THEN it is created', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'store-')), 'a', 'b', 'history.db');
    openSqliteStore(path).close();
    expect(statSync(path).isFile()).toBe(true);
  });

  it('GIVEN each file-system error code THEN the words name it', () => {
    expect(fileSystemProblem('EACCES', 'the file')).toBe('permission denied: this user may not write the file');
    expect(fileSystemProblem('EPERM', 'the file')).toBe('permission denied: this user may not write the file');
    expect(fileSystemProblem('EROFS', 'its folder /data')).toBe('its folder /data is on a read-only file system');
    expect(fileSystemProblem('ENOTDIR', 'its folder /a/b')).toBe('its folder /a/b cannot be made: part of its path is a file, not a directory');
    expect(fileSystemProblem('ENOENT', 'its folder /a')).toBe('its folder /a does not exist');
    expect(fileSystemProblem('EIO', 'the file')).toBeUndefined();
  });

  it('GIVEN a file that is not a database THEN a StoreError says so', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'store-')), 'corrupt.db');
    writeFileSync(path, 'this is not sqlite, just text long enough to be read as a header page...'.repeat(20));
    expect(() => openSqliteStore(path)).toThrow(StoreError);
    expect(() => openSqliteStore(path)).toThrow(/not a valid SQLite database/);
  });
});
