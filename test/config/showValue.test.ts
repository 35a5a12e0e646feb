import { describe, expect, it } from 'vitest';
import { describeFound, formatPath, looksLikeSecret, showKey, showValue } from '../../src/config/showValue.ts';

const INFURA_KEY = '9aa3d95b3bc440fa88ea12eaa4456161';
const TELEGRAM_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const PRIVATE_KEY = '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';

describe('looksLikeSecret', () => {
  it.each([INFURA_KEY, TELEGRAM_TOKEN, PRIVATE_KEY, 'MTA1NzQ1NjI4OTE4MDgzNzQ4MA.GhJk2a.abcdefghijklmnopqrstuvwxyz0123', '9aa3d95b-3bc4-40fa-88ea-12eaa4456161'])(
    'GIVEN %s THEN it may be a secret',
    (text) => expect(looksLikeSecret(text)).toBe(true),
  );

  it.each(['0x97a2de3A09F4A4229369ee82c7F76be1a5564661', 'every five minutes', 'seMetis-METIS', 'uniswap-v3-pool-eMetis-METIS-2024', 'totalDeposits()', '15m', '0x12', '1000000000000000000'])(
    'GIVEN %s THEN it is an ordinary value',
    (text) => expect(looksLikeSecret(text)).toBe(false),
  );
});

describe('showValue', () => {
  it('GIVEN ordinary values THEN they are shown as written', () => {
    expect(showValue('0x12')).toBe('"0x12"');
    expect(showValue('every five minutes')).toBe('"every five minutes"');
    expect(showValue(30)).toBe('30');
    expect(showValue('ftp://x')).toBe('"ftp://x"'); // nothing after the host to hide
    expect(showValue(null)).toBe('an empty value');
    expect(showValue([1])).toBe('a list');
    expect(showValue({ a: 1 })).toBe('a mapping');
    expect(showValue('word '.repeat(16))).toBe(`"${'word '.repeat(16).slice(0, 59)}…"`); // long text is cut at 60
  });

  it('GIVEN URLs THEN only the scheme and host are shown, with or without the scheme', () => {
    expect(showValue(`https://mainnet.infura.io/v3/${INFURA_KEY}`)).toBe('"https://mainnet.infura.io/…"');
    expect(showValue('127.0.0.1:8545/v3/KEY?apikey=KEY2')).toBe('"127.0.0.1:8545/…"');
    expect(showValue('https://user:pass@rpc.example.com')).toBe('"https://rpc.example.com/…"');
    expect(showValue('user:pass@rpc.example.com:8545')).toBe('"rpc.example.com:8545/…"');
    expect(showValue('rpc.example.com/?key=abc')).toBe('"rpc.example.com/…"');
    expect(showValue('https://eth.drpc.org')).toBe('"https://eth.drpc.org"');
    // A host that is itself a key is not shown at all.
    expect(showValue(`https://${INFURA_KEY}.rpc.example.com`)).toBe('a 56-character value (not shown: it may hold a secret)');
  });

  it('GIVEN something shaped like a key THEN it is described, not shown', () => {
    expect(showValue(TELEGRAM_TOKEN)).toBe('a 44-character value (not shown: it may hold a secret)');
    expect(showValue(PRIVATE_KEY)).toBe('a 66-character value (not shown: it may hold a secret)');
    expect(showValue('see https://x.example/KEY')).toBe('a 25-character value (not shown: it may hold a secret)');
  });

  it('GIVEN a value from ${VAR} THEN the variable is named and the value never shown (a URL as scheme and host)', () => {
    expect(showValue('short', { fromEnv: ['LABEL'] })).toBe('the value of ${LABEL} (not shown)');
    expect(showValue(`mainnet.infura.io/v3/${INFURA_KEY}`, { fromEnv: ['ETH_RPC_URL'] })).toBe('"mainnet.infura.io/…" (from ${ETH_RPC_URL})');
  });

  it('GIVEN a key that names a secret THEN its value is hidden; `token` (a token symbol here) is not such a key', () => {
    expect(showValue('hunter2', { key: 'password' })).toBe('a value (not shown: its key names a secret)');
    expect(showValue('hunter2', { key: 'apiKey' })).toBe('a value (not shown: its key names a secret)');
    expect(showValue('abc', { key: 'botToken' })).toBe('a value (not shown: its key names a secret)');
    expect(showValue('seMetis', { key: 'token' })).toBe('"seMetis"');
  });

  it('GIVEN a 0x key written without quotes (YAML reads a number) THEN its digits are not shown', () => {
    expect(showValue(Number(PRIVATE_KEY))).toBe('a number too long to show');
    expect(describeFound(Number(PRIVATE_KEY))).toBe('a number too long to show');
    expect(describeFound(1.5)).toBe('the number 1.5');
  });
});

describe('describeFound', () => {
  it('GIVEN each kind of value THEN it says what it is', () => {
    expect(describeFound('one')).toBe('the string "one"');
    expect(describeFound(5)).toBe('the number 5');
    expect(describeFound(true)).toBe('true');
    expect(describeFound([])).toBe('a list');
    expect(describeFound({})).toBe('a mapping');
    expect(describeFound(null)).toBe('an empty value');
    expect(describeFound(Number.NaN)).toBe('NaN');
    expect(describeFound(TELEGRAM_TOKEN)).toBe('a 44-character value (not shown: it may hold a secret)');
  });
});

describe('formatPath and showKey', () => {
  it('GIVEN plain keys and indices THEN the usual notation', () => {
    expect(formatPath(['sources', 2, 'vault'])).toBe('sources[2].vault');
    expect(formatPath([])).toBe('');
  });

  it('GIVEN a key that is not a plain name THEN it is bracketed, a URL redacted, a secret not shown', () => {
    expect(formatPath(['tokens', 'a b'])).toBe('tokens["a b"]');
    expect(formatPath(['chains', 0, `https://mainnet.infura.io/v3/${INFURA_KEY}`])).toBe('chains[0]["https://mainnet.infura.io/…"]');
    expect(formatPath(['tokens', TELEGRAM_TOKEN, 'base'])).toBe('tokens[…].base');
    expect(showKey(TELEGRAM_TOKEN)).toBeUndefined();
    expect(showKey('staleAfter')).toBe('staleAfter');
  });
});
