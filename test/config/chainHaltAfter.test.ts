import { describe, expect, it } from 'vitest';
import { chainHaltAfter } from '../../src/config/chainHaltAfter.ts';
import { ConfigError, parseConfig } from '../../src/config/loadConfig.ts';

const withChains = (chains: string) => `
chains:
${chains}
tokens:
  METIS: {}
  eMetis: { base: METIS }
sources:
  - { id: eMetis, kind: erc20-supply, chain: 1088, token: eMetis, address: "0x97a2de3a09f4a4229369ee82c7f76be1a5564661" }
`;

describe('chains[].haltAfter', () => {
  it('GIVEN none THEN the default by chain id: 2 min for Ethereum (1), 5 min for Metis (1088), 10 min for others', () => {
    const config = parseConfig(
      withChains(`
  - { id: 1, name: Ethereum, rpc: ["http://127.0.0.1:8545"] }
  - { id: 1088, name: Metis, rpc: ["http://127.0.0.1:9545"] }
  - { id: 59144, name: Linea, rpc: ["http://127.0.0.1:7545"] }`),
      {},
    );
    expect(config.chains.map(chainHaltAfter)).toEqual([120, 300, 600]);
  });

  it('GIVEN a duration THEN it overrides the default, in seconds', () => {
    const config = parseConfig(withChains(`  - { id: 1088, name: Metis, rpc: ["http://127.0.0.1:9545"], haltAfter: 15m }`), {});
    expect(chainHaltAfter(config.chains[0]!)).toBe(900);
  });

  it('GIVEN something that is not a duration THEN the config is refused, naming the path', () => {
    try {
      parseConfig(withChains(`  - { id: 1088, name: Metis, rpc: ["http://127.0.0.1:9545"], haltAfter: soon }`), {}, 'test.yaml');
      expect.unreachable('a bad haltAfter was accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^chains\[0\]\.haltAfter: "soon" is not a duration/);
    }
  });
});
