import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../src/config/loadConfig.ts';

const minimal = `
chains:
  - id: 1
    name: Ethereum
    rpc: ["http://127.0.0.1:8545"]
tokens:
  METIS: {}
  eMetis: { base: METIS }
sources:
  - id: eMetis
    kind: erc20-supply
    chain: 1
    token: eMetis
    address: "0x97a2de3a09f4a4229369ee82c7f76be1a5564661"
`;

function problemsOf(text: string, env: Record<string, string> = {}): readonly string[] {
  try {
    parseConfig(text, env, 'test.yaml');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

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
    expect(problemsOf(text, { RPC_A: 'http://127.0.0.1:1' })).toEqual([
      'chains[0].rpc[2]: environment variable RPC_C is not set (write ${RPC_C:-default} to give a default)',
      'chains[0].rpc[2]: "" is not an http(s) URL',
    ]);
    const config = parseConfig(text, { RPC_A: 'http://a:1', RPC_C: 'http://c:3' });
    expect(config.chains[0]!.rpc).toEqual(['http://a:1', 'http://127.0.0.1:9', 'http://c:3']);
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
