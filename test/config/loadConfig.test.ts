import { describe, expect, it } from 'vitest';
import { MINIMAL_CONFIG_YAML, problemsOf } from './minimalConfig.ts';
import { ConfigError, loadConfig, parseConfig } from '../../src/config/loadConfig.ts';

const minimal = MINIMAL_CONFIG_YAML;


describe('parseConfig', () => {
  it('GIVEN a minimal config THEN defaults are filled and addresses are checksummed', () => {
    const config = parseConfig(minimal, {});
    expect(config.poll).toEqual({ schedule: '*/5 * * * *', staleAfter: 900 });
    expect(config.store.path).toBe('data/metis-yield-bot.db');
    expect(config.rpc.timeout).toBe(10);
    const source = config.sources[0]!;
    expect(source.kind === 'erc20-supply' && source.address).toBe('0x97a2de3A09F4A4229369ee82c7F76be1a5564661');
  });

  it('GIVEN several mistakes THEN every one is listed by path with a hint', () => {
    const bad = `
poll: { schedule: "every five minutes", staleAfter: soon }
chains:
  - id: 1
    name: Ethereum
    rpc: ["ftp://x"]
tokens:
  METIS: {}
sources:
  - id: a
    kind: erc4626
    chain: 1
    token: seMetis
    vault: "0x12"
  - id: b
    kind: uniswap-v4
    chain: 1
  - id: c
    kind: erc20-supply
    chain: 5
    token: METIS
    address: "0x97a2de3a09f4a4229369ee82c7f76be1a5564661"
    adress: typo
`;
    const problems = problemsOf(bad);
    expect(problems).toEqual(
      expect.arrayContaining([
        'poll.schedule: "every five minutes" is not a cron expression',
        'poll.staleAfter: "soon" is not a duration (for example 90s, 15m, 2h, 7d)',
        'chains[0].rpc[0]: "ftp://x" is not an http(s) URL',
        'sources[0].vault: "0x12" is not an address (0x and 40 hex digits)',
        expect.stringMatching(/^sources\[1\]\.kind: must be one of .*"uniswap-v3"/),
        'sources[2].adress: unknown key "adress" (did you mean "address"?)',
      ]),
    );
    expect(problems.length).toBeGreaterThanOrEqual(6);
  });

  it('GIVEN cross references that do not resolve THEN each is named', () => {
    const problems = problemsOf(`${minimal}
  - id: eMetis
    kind: erc4626
    chain: 7
    token: nope
    vault: "0x79F3522a1b56f22a6549e42f9cfa92eF5FEb81e8"
`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'sources[1].id: source id "eMetis" is used twice',
        'sources[1].chain: chain 7 is not in chains',
        'sources[1].token: token "nope" is not in tokens',
      ]),
    );
  });

  it('GIVEN a loop in the chain of bases THEN it is refused', () => {
    const problems = problemsOf(minimal.replace('METIS: {}', 'METIS: { base: eMetis }'));
    expect(problems.some((p) => p.includes('loops back'))).toBe(true);
  });

  it('GIVEN ${VAR} placeholders THEN values come from the environment, defaults apply, and a missing one is reported', () => {
    const text = minimal.replace('"http://127.0.0.1:8545"', '"${RPC_A}", "${RPC_B:-http://127.0.0.1:9}", "${RPC_C}"');
    // The empty string the missing variable leaves is not reported again as a bad URL.
    expect(problemsOf(text, { RPC_A: 'http://127.0.0.1:1' })).toEqual([
      'chains[0].rpc[2]: environment variable RPC_C is not set (write ${RPC_C:-default} to give a default)',
    ]);
    const config = parseConfig(text, { RPC_A: 'http://a:1', RPC_C: 'http://c:3' });
    expect(config.chains[0]!.rpc).toEqual(['http://a:1', 'http://127.0.0.1:9', 'http://c:3']);
  });

  it('GIVEN a "${" that opens no placeholder THEN it is reported once, not left as literal text', () => {
    expect(problemsOf(edit('"http://127.0.0.1:8545"', '"${ETH_RPC_URL"'))).toEqual([
      'chains[0].rpc[0]: a "${" that opens no placeholder (unclosed, or not a variable name): write ${NAME} or ${NAME:-default}',
    ]);
    expect(problemsOf(`${minimal}store: { path: "\${db-path}" }\n`)).toEqual([
      'store.path: a "${" that opens no placeholder (unclosed, or not a variable name): write ${NAME} or ${NAME:-default}',
    ]);
  });

  it('GIVEN a token named like an object property THEN it is still not in tokens', () => {
    expect(problemsOf(edit('    token: eMetis\n', '    token: toString\n'))).toEqual(['sources[0].token: token "toString" is not in tokens']);
    expect(problemsOf(`${minimal}tower: { baseToken: constructor }\n`)).toEqual(['tower.baseToken: token "constructor" is not in tokens']);
  });

  it('GIVEN an http URL that cannot be read THEN it is refused', () => {
    expect(problemsOf(edit('"http://127.0.0.1:8545"', '"http://:::"'))).toEqual(['chains[0].rpc[0]: a 10-character value (not shown: it may hold a secret) is not an http(s) URL']);
  });

  it('GIVEN an empty file THEN it says so', () => {
    expect(problemsOf('')).toEqual(['the file is empty: it needs at least chains, tokens and sources']);
    expect(problemsOf('# only a comment\n')).toEqual(['the file is empty: it needs at least chains, tokens and sources']);
  });

  it('GIVEN broken YAML THEN the YAML error is reported, not a crash', () => {
    expect(problemsOf('chains: [\n  - id: 1\n')[0]).toMatch(/^YAML: /);
  });

  it('GIVEN a V3 pool THEN twapSeconds defaults to 1800, 0 turns it off, and a window under a minute or over a week is refused', () => {
    const v3 = (extra: string) => `${minimal}
  - { id: p, kind: uniswap-v3, chain: 1, pool: "0x97a2de3a09f4a4229369ee82c7f76be1a5564661", asset: eMetis, assetAddress: "0x97a2de3a09f4a4229369ee82c7f76be1a5564661", quote: METIS${extra} }
`;
    const twapOf = (extra: string) => {
      const source = parseConfig(v3(extra), {}).sources[1]!;
      return source.kind === 'uniswap-v3' ? source.twapSeconds : undefined;
    };
    expect(twapOf('')).toBe(1800);
    expect(twapOf(', twapSeconds: 0')).toBe(0);
    expect(problemsOf(v3(', twapSeconds: 30'))).toEqual(['sources[1].twapSeconds: 30 is not a TWAP window: 0 (off) or 60 to 604800 seconds']);
    expect(problemsOf(v3(', twapSeconds: 700000'))[0]).toMatch(/^sources\[1\]\.twapSeconds: /);
  });

  it('GIVEN an algebra pool THEN it takes the uniswap-v3 fields, twapSeconds included, and an optional assetSymbol', () => {
    const algebra = (extra: string, quote = 'METIS') => `${minimal}
  - { id: p, kind: algebra, chain: 1, pool: "0xfd1F58C4c05d8Ed5040eE9bA7eDb5Cc5bf53930E", asset: eMetis, assetAddress: "0x2583A2538272f31e9A15dD12A432B8C96Ab4821d", quote: ${quote}${extra} }
`;
    const source = parseConfig(algebra(', assetSymbol: artMETIS'), {}).sources[1]!;
    expect(source).toMatchObject({ kind: 'algebra', twapSeconds: 1800, assetSymbol: 'artMETIS', pool: '0xfd1F58C4c05d8Ed5040eE9bA7eDb5Cc5bf53930E' });
    expect(problemsOf(algebra(', twapSeconds: 30'))).toEqual(['sources[1].twapSeconds: 30 is not a TWAP window: 0 (off) or 60 to 604800 seconds']);
    expect(problemsOf(algebra('', 'WETH'))).toContain('sources[1].quote: token "WETH" is not in tokens');
  });

  it('GIVEN alerts.outlierWindow THEN a duration, 6 h by default', () => {
    expect(parseConfig(minimal, {}).alerts.outlierWindow).toBe(21_600);
    expect(parseConfig(`${minimal}\nalerts: { outlierWindow: 2h }\n`, {}).alerts.outlierWindow).toBe(7_200);
    expect(problemsOf(`${minimal}\nalerts: { outlierWindow: soon }\n`)[0]).toMatch(/^alerts\.outlierWindow: "soon" is not a duration/);
  });

  it('GIVEN the shipped configs THEN both validate', () => {
    expect(() => loadConfig('config/default.yaml', {})).not.toThrow();
    expect(() => loadConfig('config/devnet.yaml', {})).not.toThrow();
  });

  it('GIVEN a missing file THEN a ConfigError says it cannot be read', () => {
    expect(() => loadConfig('config/nope.yaml', {})).toThrow(/cannot read the file/);
  });
});

/** The minimal config with `from` replaced by `to` (the replaced text must be there). */
function edit(from: string, to: string): string {
  expect(minimal).toContain(from);
  return minimal.replace(from, to);
}

const sequencer = `
  - { id: seq, kind: sequencer, chain: 1, blockTimeSeconds: 4, lockingPool: "0xD54c868362C2098E0E46F12E7D924C6A332952Dd",
      lockingInfo: "0x0fe382b74C3894B65c10E5C12ae60Bbd8FAf5b48", views: { rewardPerBlok: rewardPerBlock } }
`;

describe('unknown keys', () => {
  it.each([
    ['the top level', `${minimal}htpp: { port: 9464 }\n`, 'htpp: unknown key "htpp" (did you mean "http"?)'],
    ['poll', `${minimal}poll: { stalAfter: 15m }\n`, 'poll.stalAfter: unknown key "stalAfter" (did you mean "staleAfter"?)'],
    ['store', `${minimal}store: { paht: x.db }\n`, 'store.paht: unknown key "paht" (did you mean "path"?)'],
    ['rpc', `${minimal}rpc: { timout: 5s }\n`, 'rpc.timout: unknown key "timout" (did you mean "timeout"?)'],
    ['a chain', edit('    name: Ethereum\n', '    name: Ethereum\n    logsMaxRnage: 5000\n'), 'chains[0].logsMaxRnage: unknown key "logsMaxRnage" (did you mean "logsMaxRange"?)'],
    ['a source', edit('    token: eMetis\n', '    token: eMetis\n    lable: ENKI\n'), 'sources[0].lable: unknown key "lable" (did you mean "label"?)'],
    ['a sequencer\'s views', `${minimal}${sequencer}`, 'sources[1].views.rewardPerBlok: unknown key "rewardPerBlok" (did you mean "rewardPerBlock"?)'],
    ['a token', edit('eMetis: { base: METIS }', 'eMetis: { base: METIS, rateFrm: eMetis }'), 'tokens.eMetis.rateFrm: unknown key "rateFrm" (did you mean "rateFrom"?)'],
    ['tower', `${minimal}tower: { baseTokn: METIS }\n`, 'tower.baseTokn: unknown key "baseTokn" (did you mean "baseToken"?)'],
    ['http', `${minimal}http: { port: 9464, hots: 0.0.0.0 }\n`, 'http.hots: unknown key "hots" (did you mean "host"?)'],
    ['commands', `${minimal}commands: { rateLimitPerMinut: 5 }\n`, 'commands.rateLimitPerMinut: unknown key "rateLimitPerMinut" (did you mean "rateLimitPerMinute"?)'],
    ['alerts', `${minimal}alerts: { coolDown: 5m }\n`, 'alerts.coolDown: unknown key "coolDown" (did you mean "cooldown"?)'],
    ['delivery', `${minimal}delivery: { maxAttempt: 3 }\n`, 'delivery.maxAttempt: unknown key "maxAttempt" (did you mean "maxAttempts"?)'],
    [
      'delivery.telegram, with no key close enough',
      `${minimal}delivery: { telegram: { perChatPerSec: 1 } }\n`,
      'delivery.telegram.perChatPerSec: unknown key "perChatPerSec" (known keys: globalPerSecond, perChatPerSecond, perGroupPerMinute)',
    ],
    ['alerts.operatorChat', `${minimal}alerts: { operatorChat: { platform: telegram, chatID: "1" } }\n`, 'alerts.operatorChat.chatID: unknown key "chatID" (did you mean "chatId"?)'],
  ])('GIVEN a misspelt key in %s THEN it is refused with the key meant', (_where, text, line) => {
    const problems = problemsOf(text);
    expect(problems).toContain(line);
    // The only other problem a typo may cause is the required key it was meant to be, now missing.
    expect(problems.filter((p) => p !== line && !p.endsWith(': required, but missing'))).toEqual([]);
    expect(problems.length).toBeLessThanOrEqual(2);
  });

  it('GIVEN the same keys spelt right THEN the config is accepted (the cases above differ by the typo only)', () => {
    const config = parseConfig(
      `${minimal}${sequencer.replace('rewardPerBlok', 'rewardPerBlock')}http: { port: 9464, host: 0.0.0.0 }\npoll: { staleAfter: 15m }\ntower: { baseToken: METIS }\nalerts: { cooldown: 5m, operatorChat: { platform: telegram, chatId: "1" } }\n`,
      {},
    );
    expect(config.poll.staleAfter).toBe(900);
    expect(config.http?.host).toBe('0.0.0.0');
    expect(config.alerts.operatorChat).toEqual({ platform: 'telegram', chatId: '1' });
  });

  it('GIVEN a misspelt source kind or enum value THEN the one meant is suggested', () => {
    expect(problemsOf(edit('kind: erc20-supply', 'kind: erc20-suply'))).toEqual([
      'sources[0].kind: must be one of "sequencer", "sequencer-set", "erc4626", "exchange-rate", "erc20-supply", "uniswap-v2", "uniswap-v3", "algebra" (found "erc20-suply"; did you mean "erc20-supply"?)',
    ]);
    expect(problemsOf(`${minimal}alerts: { operatorChat: { platform: telgram, chatId: "1" } }\n`)).toEqual([
      'alerts.operatorChat.platform: must be one of "telegram", "discord", "console" (found "telgram"; did you mean "telegram"?)',
    ]);
  });
});

describe('every problem at once', () => {
  it('GIVEN wrong types, an unknown key, a missing variable, a duplicate id, an unknown chain and an unknown source in one file THEN all are listed', () => {
    const text = `
poll: { staleAfter: 15m, schedul: "*/5 * * * *" }
chains:
  - id: 1
    name: Ethereum
    rpc: ["\${ETH_RPC_URL}"]
    logsMaxRange: lots
tokens:
  METIS: {}
  eMetis: { base: METIS }
  seMetis: { base: eMetis, rateFrom: nope }
sources:
  - { id: eMetis, kind: erc20-supply, chain: 1, token: eMetis, address: "0x97a2de3a09f4a4229369ee82c7f76be1a5564661" }
  - { id: eMetis, kind: erc4626, chain: 1, token: seMetis, vault: "0x79F3522a1b56f22a6549e42f9cfa92eF5FEb81e8" }
  - { id: other, kind: erc4626, chain: 5, token: seMetis, vault: "0x12" }
alerts: { cycles: [2] }
`;
    const problems = problemsOf(text);
    expect(problems).toEqual(
      expect.arrayContaining([
        'chains[0].rpc[0]: environment variable ETH_RPC_URL is not set (write ${ETH_RPC_URL:-default} to give a default)',
        'poll.schedul: unknown key "schedul" (did you mean "schedule"?)',
        'chains[0].logsMaxRange: expected a number, found the string "lots"',
        'sources[2].vault: "0x12" is not an address (0x and 40 hex digits)',
        'alerts.cycles: expected a number, found a list',
        'sources[1].id: source id "eMetis" is used twice',
        'sources[2].chain: chain 5 is not in chains',
        'tokens.seMetis.rateFrom: source "nope" is not in sources',
      ]),
    );
    expect(problems).toHaveLength(8);
    expect(new Set(problems).size).toBe(problems.length);
  });

  it('GIVEN a reference whose answer depends on a broken field THEN it is not guessed', () => {
    // With chains[0].id unreadable, "chain 1 is not in chains" would be false: only the wrong type is reported.
    expect(problemsOf(edit('  - id: 1\n', '  - id: one\n'))).toEqual(['chains[0].id: expected a number, found the string "one"']);
    // With tokens unreadable, no "token … is not in tokens".
    expect(problemsOf(edit('tokens:\n  METIS: {}\n  eMetis: { base: METIS }\n', 'tokens: [METIS, eMetis]\n'))).toEqual(['tokens: expected a mapping, found a list']);
  });

  it('GIVEN only an unknown key besides a reference problem THEN each is listed once', () => {
    // The schema's own cross-check runs after an unknown key (zod continues past it) and the loader's runs too.
    const problems = problemsOf(`${edit('    chain: 1\n', '    chain: 7\n')}htpp: {}\n`);
    expect(problems).toEqual(['htpp: unknown key "htpp" (did you mean "http"?)', 'sources[0].chain: chain 7 is not in chains']);
  });
});

describe('wrong types', () => {
  it.each([
    ['a string for a number', edit('  - id: 1\n', '  - id: one\n'), 'chains[0].id: expected a number, found the string "one"'],
    ['a list for a mapping', edit('tokens:\n  METIS: {}\n  eMetis: { base: METIS }\n', 'tokens: [METIS, eMetis]\n'), 'tokens: expected a mapping, found a list'],
    ['a mapping for a list', edit('chains:\n', 'chains:\n  first:\n').replace('  - id: 1', '    id: 1'), 'chains: expected a list, found a mapping'],
    ['a string for a list', edit('rpc: ["http://127.0.0.1:8545"]', 'rpc: "http://127.0.0.1:8545"'), 'chains[0].rpc: expected a list, found the string "http://127.0.0.1:8545"'],
    ['a string for a mapping', `${minimal}poll: 5m\n`, 'poll: expected a mapping, found the string "5m"'],
    ['a quoted number', `${minimal}http: { port: "9464" }\n`, 'http.port: expected a number, found the string "9464" (write it without quotes)'],
    ['an unquoted chat id', `${minimal}alerts: { operatorChat: { platform: telegram, chatId: 12345 } }\n`, 'alerts.operatorChat.chatId: expected a string, found the number 12345 (write it in quotes)'],
    ['a fraction for a whole number', edit('    chain: 1\n', '    chain: 1.5\n'), 'sources[0].chain: expected a whole number, found the number 1.5'],
    ['an empty value', `${minimal}store: { path: }\n`, 'store.path: expected a string, found an empty value'],
    ['true for a number', `${minimal}commands: { rateLimitPerMinute: true }\n`, 'commands.rateLimitPerMinute: expected a number, found true'],
    ['a list for a duration', `${minimal}alerts: { cooldown: [5m] }\n`, 'alerts.cooldown: a list is not a duration (for example 90s, 15m, 2h, 7d)'],
    [
      'an unquoted address (YAML reads 0x… as a number)',
      edit('address: "0x97a2de3a09f4a4229369ee82c7f76be1a5564661"', 'address: 0x97a2de3a09f4a4229369ee82c7f76be1a5564661'),
      'sources[0].address: expected a string, found a number too long to show (write it in quotes)',
    ],
    ['a missing field', edit('    name: Ethereum\n', ''), 'chains[0].name: required, but missing'],
    ['a number from ${VAR}', `${minimal}http:\n  port: \${PORT}\n`, 'http.port: expected a number, found the value of ${PORT} (not shown) (a ${…} placeholder always gives a string)'],
    ['a bound', `${minimal}alerts: { clearRatio: 2 }\n`, 'alerts.clearRatio: must be less than 1, found 2'],
  ])('GIVEN %s THEN what was expected and what was found', (_case, text, line) => {
    expect(problemsOf(text, { PORT: '9464' })).toEqual([line]);
  });
});

const K1 = '9aa3d95b3bc440fa88ea12eaa4456161';
const K2 = 'Zq7XkP2mWv9TnR4sLc8YbH3d';
const PASSWORD = 'hunter2hunter2';
const TELEGRAM_SECRET = 'AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const TELEGRAM_TOKEN = `123456789:${TELEGRAM_SECRET}`;
const DISCORD_TOKEN = 'MTA1NzQ1NjI4OTE4MDgzNzQ4MA.GhJk2a.Xq3vBn8LpR2tYw6ZcKm4HdFs9JeUa1';
const PRIVATE_KEY = '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';

/** Every 8-character piece of each secret: a redaction that leaves part of a key showing fails too. */
function expectNoSecretIn(text: string, secrets: readonly string[]): void {
  for (const secret of secrets) {
    for (let i = 0; i + 8 <= secret.length; i++) expect(text, `a piece of ${secret}`).not.toContain(secret.slice(i, i + 8));
  }
}

describe('no secret in a config error', () => {
  const secrets = [K1, K2, PASSWORD, TELEGRAM_SECRET, DISCORD_TOKEN, PRIVATE_KEY.slice(2), String(Number(PRIVATE_KEY)).replace('.', '')];
  it.each([
    ['an RPC URL without its scheme', edit('"http://127.0.0.1:8545"', `"127.0.0.1:8545/v3/${K1}?apikey=${K2}"`), {}, 'chains[0].rpc[0]: "127.0.0.1:8545/…" is not an http(s) URL'],
    ['credentials in a URL with a mistyped scheme', edit('"http://127.0.0.1:8545"', `"htps://alice:${PASSWORD}@rpc.example.com/v3/${K1}"`), {}, 'chains[0].rpc[0]: "htps://rpc.example.com/…" is not an http(s) URL'],
    ['an RPC URL where a list belongs', edit('["http://127.0.0.1:8545"]', `"https://alice:${PASSWORD}@rpc.example.com/${K1}"`), {}, 'chains[0].rpc: expected a list, found the string "https://rpc.example.com/…"'],
    ['an RPC URL from the environment without its scheme', edit('"http://127.0.0.1:8545"', '"${ETH_RPC_URL}"'), { ETH_RPC_URL: `mainnet.infura.io/v3/${K1}` }, 'chains[0].rpc[0]: "mainnet.infura.io/…" (from ${ETH_RPC_URL})'],
    ['a key from the environment in a number field', `${minimal}http:\n  port: \${API_KEY}\n`, { API_KEY: K2 }, 'http.port: expected a number, found the value of ${API_KEY} (not shown)'],
    ['a key in a number field', edit('    chain: 1\n', `    chain: ${K1}\n`), {}, 'sources[0].chain: expected a number, found a 32-character value (not shown: it may hold a secret)'],
    ['a Telegram token in a label', edit('    token: eMetis\n', `    token: eMetis\n    label: "${TELEGRAM_TOKEN}"\n`), {}, 'sources[0].label: holds what looks like a bot token'],
    ['a Telegram token as an id', edit('  - id: eMetis\n', `  - id: "${TELEGRAM_TOKEN}"\n`), {}, 'sources[0].id: a 44-character value (not shown: it may hold a secret) is not a valid id'],
    ['a Telegram token as the store path', `${minimal}store: { path: "${TELEGRAM_TOKEN}" }\n`, {}, 'store.path: holds what looks like a bot token'],
    ['a Discord token as a chain name', edit('    name: Ethereum\n', `    name: ${DISCORD_TOKEN}\n`), {}, 'chains[0].name: holds what looks like a bot token'],
    ['a private key as a vault address', `${minimal}  - { id: v, kind: erc4626, chain: 1, token: eMetis, vault: "${PRIVATE_KEY}" }\n`, {}, 'sources[1].vault: a 66-character value (not shown: it may hold a secret) is not an address'],
    ['a private key without quotes', `${minimal}  - { id: v, kind: erc4626, chain: 1, token: eMetis, vault: ${PRIVATE_KEY} }\n`, {}, 'sources[1].vault: expected a string, found a number too long to show'],
    ['a URL with a key as a key', edit('    name: Ethereum\n', `    name: Ethereum\n    https://mainnet.infura.io/v3/${K1}: 1\n`), {}, 'chains[0]: unknown key "https://mainnet.infura.io/…"'],
    ['a token as a key', `${minimal}"${TELEGRAM_TOKEN}": 1\n`, {}, '(top level): unknown key'],
    ['a key as a token symbol', edit('  eMetis: { base: METIS }\n', `  eMetis: { base: METIS }\n  "https://x.example/${K1}": {}\n`), {}, 'tokens["https://x.example/…"]: "https://x.example/…" is not a valid id'],
    ['a key-shaped id used twice', `${minimal}  - { id: ${DISCORD_TOKEN}, kind: erc20-supply, chain: 1, token: eMetis, address: "0x97a2de3a09f4a4229369ee82c7f76be1a5564661" }\n  - { id: ${DISCORD_TOKEN}, kind: erc20-supply, chain: 1, token: eMetis, address: "0x97a2de3a09f4a4229369ee82c7f76be1a5564661" }\n`, {}, 'sources[2].id: source id a 64-character value (not shown: it may hold a secret) is used twice'],
    ['a key as the tower base', `${minimal}tower: { baseToken: ${K1} }\n`, {}, 'tower.baseToken: token a 32-character value (not shown: it may hold a secret) is not in tokens'],
    ['a secret under a key that names one', `${minimal}alerts: { password: ${PASSWORD} }\n`, {}, 'alerts.password: unknown key "password"'],
    ['broken YAML on a line with a URL', edit('rpc: ["http://127.0.0.1:8545"]', `rpc: [https://alice:${PASSWORD}@rpc.example.com/${K1}`), {}, 'YAML: '],
  ])('GIVEN %s THEN the problem is named and no piece of the secret is shown', (_case, text, env: Record<string, string>, line) => {
    let message = '';
    try {
      parseConfig(text, env, 'secret.yaml');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as ConfigError).message;
    }
    expect(message).toContain(line);
    expectNoSecretIn(message, secrets);
  });
});
