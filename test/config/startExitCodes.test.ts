import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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

  it('GIVEN a .env in the working directory THEN its variables are read, and the shell\'s win over it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dotenv-'));
    writeFileSync(join(dir, 'from-file.yaml'), 'chains: []\n');
    writeFileSync(join(dir, '.env'), `# copied from .env.example\nTELEGRAM_BOT_TOKEN=\nMETIS_BOT_CONFIG=${join(dir, 'from-file.yaml')}\nLOG_LEVEL="silent"\n`);
    const main = join(process.cwd(), 'src', 'main.ts');
    const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !['METIS_BOT_CONFIG', 'TELEGRAM_BOT_TOKEN', 'LOG_LEVEL'].includes(name)));
    const fromFile = spawnSync(join(process.cwd(), tsx), [main], { cwd: dir, encoding: 'utf8', env: clean });
    expect(fromFile.status).toBe(2);
    expect(fromFile.stderr).toContain('from-file.yaml');
    const shellWins = spawnSync(join(process.cwd(), tsx), [main], { cwd: dir, encoding: 'utf8', env: { ...clean, METIS_BOT_CONFIG: join(dir, 'from-shell.yaml') } });
    expect(shellWins.status).toBe(2);
    expect(shellWins.stderr).toContain('from-shell.yaml');
    expect(shellWins.stderr).not.toContain('from-file.yaml');
  });

  it('GIVEN a .env that cannot be read THEN exit code 2 names it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dotenv-'));
    mkdirSync(join(dir, '.env'));
    const run = spawnSync(join(process.cwd(), tsx), [join(process.cwd(), 'src', 'main.ts')], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Environment: cannot read .env');
  });

  it('GIVEN a malformed token in the environment THEN exit code 2 says which variable', () => {
    const run = spawnSync(tsx, ['src/main.ts', '--config', 'config/devnet.yaml'], { encoding: 'utf8', env: { ...process.env, TELEGRAM_BOT_TOKEN: 'not a token' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('TELEGRAM_BOT_TOKEN');
  });
});

const KEY = '9aa3d95b3bc440fa88ea12eaa4456161';
const QUERY_KEY = 'Zq7XkP2mWv9TnR4sLc8YbH3d';
const PASSWORD = 'hunter2hunter2';
const TELEGRAM_SECRET = 'AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const ENV_KEY = 'Lk3PqR8sTv2WxY6zAb4CdE9f';

/** A config with one problem of every kind, each around a secret. */
const badConfig = `
poll: { stalAfter: 15m }
chains:
  - id: 1
    name: Ethereum
    rpc:
      - "127.0.0.1:8545/v3/${KEY}?apikey=${QUERY_KEY}"
      - "htps://alice:${PASSWORD}@rpc.example.com/v3/${KEY}"
      - "\${ETH_RPC_URL}"
    logsMaxRange: lots
tokens:
  METIS: {}
  eMetis: { base: METIS }
sources:
  - { id: eMetis, kind: erc20-supply, chain: 1, token: eMetis, address: "0x97a2de3a09f4a4229369ee82c7f76be1a5564661", label: "123456789:${TELEGRAM_SECRET}" }
  - { id: eMetis, kind: erc20-supply, chain: 5, token: eMetis, address: "0x97a2de3a09f4a4229369ee82c7f76be1a5564661" }
`;

const expectedLines = [
  'poll.stalAfter: unknown key "stalAfter" (did you mean "staleAfter"?)',
  'chains[0].rpc[0]: "127.0.0.1:8545/…" is not an http(s) URL (it needs http:// or https:// in front)',
  'chains[0].rpc[1]: "htps://rpc.example.com/…" is not an http(s) URL',
  'chains[0].rpc[2]: "mainnet.infura.io/…" (from ${ETH_RPC_URL}) is not an http(s) URL (it needs http:// or https:// in front)',
  'chains[0].logsMaxRange: expected a number, found the string "lots"',
  'sources[0].label: holds what looks like a bot token',
  'sources[1].id: source id "eMetis" is used twice',
  'sources[1].chain: chain 5 is not in chains',
];

function expectNoSecretIn(text: string): void {
  for (const secret of [KEY, QUERY_KEY, PASSWORD, TELEGRAM_SECRET, ENV_KEY]) {
    for (let i = 0; i + 8 <= secret.length; i++) expect(text, `a piece of ${secret}`).not.toContain(secret.slice(i, i + 8));
  }
}

describe('config problems as the operator sees them', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'cfg-')), 'secrets.yaml');
  writeFileSync(file, badConfig);
  const env = { ...process.env, TELEGRAM_BOT_TOKEN: '', DISCORD_TOKEN: '', ETH_RPC_URL: `mainnet.infura.io/v3/${ENV_KEY}` };

  it.each([
    ['the bot (src/main.ts, what npm start runs)', 'src/main.ts'],
    ['npm run doctor (src/doctor.ts)', 'src/doctor.ts'],
  ])('GIVEN a config with a problem of every kind around secrets THEN %s exits 2 listing all of them and no piece of a secret', (_name, entry) => {
    const run = spawnSync(tsx, [entry, '--config', file], { encoding: 'utf8', env });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`Config ${file}: ${expectedLines.length} problems`);
    for (const line of expectedLines) expect(run.stderr).toContain(`  - ${line}`);
    expectNoSecretIn(run.stderr + run.stdout);
  });

  it('GIVEN a bad environment and a bad config THEN one start lists the problems of both', () => {
    const run = spawnSync(tsx, ['src/main.ts', '--config', file], { encoding: 'utf8', env: { ...env, TELEGRAM_BOT_TOKN: `123456789:${TELEGRAM_SECRET}` } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Environment: 1 problem(s)\n  - TELEGRAM_BOT_TOKN: not a variable the bot reads (did you mean TELEGRAM_BOT_TOKEN? it is not set)');
    expect(run.stderr).toContain(`Config ${file}: ${expectedLines.length} problems`);
    expectNoSecretIn(run.stderr + run.stdout);
  });
});
