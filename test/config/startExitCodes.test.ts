import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = join('node_modules', '.bin', 'tsx');

describe('starting with bad settings', () => {
  it('GIVEN a bad config file THEN the start stops with exit code 2 and every problem listed', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cfg-')), 'bad.yaml');
    writeFileSync(file, 'chains: []\ntokens: {}\nsources:\n  - id: x\n    kind: erc4626\n    chain: 1\n    token: t\n    vault: "0x12"\n');
    const run = spawnSync(tsx, ['src/main.ts', '--config', file], { encoding: 'utf8', env: { ...process.env, TELEGRAM_BOT_TOKEN: '' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('sources[0].vault: "0x12" is not an address');
    expect(run.stderr).toContain('chains: ');
    expect(run.stderr).toContain('sources[0].chain: chain 1 is not in chains');
  });

  it('GIVEN a malformed token in the environment THEN exit code 2 says which variable', () => {
    const run = spawnSync(tsx, ['src/main.ts', '--config', 'config/devnet.yaml'], { encoding: 'utf8', env: { ...process.env, TELEGRAM_BOT_TOKEN: 'not a token' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('TELEGRAM_BOT_TOKEN');
  });
});
