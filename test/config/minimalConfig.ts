import { ConfigError, parseConfig } from '../../src/config/loadConfig.ts';

/** The smallest config the loader accepts: one chain, one token with its base, one supply source. */
export const MINIMAL_CONFIG_YAML = `
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

/** The problems the loader lists for a config text (none when it loads). */
export function problemsOf(text: string, env: Record<string, string> = {}): readonly string[] {
  try {
    parseConfig(text, env, 'test.yaml');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}
