import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { collectSecrets, createSecretScrubber } from '../../src/log/redactSecrets.ts';

const TELEGRAM_TOKEN = '7012345678:AAHk3xQ9fakeTelegramSecret_-zz';
const DISCORD_TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.GhXk2q.fakeDiscordSignature_0123456789abc';
const RPC_PATH_KEY = 'https://mainnet.infura.io/v3/9f3c0ffee1234567890abcdef1234567';
const RPC_QUERY_KEY = 'https://metis.example.org/rpc?apikey=QUERYKEY-0123456789&owner=1088';

function capture(secrets: string[] = [TELEGRAM_TOKEN, DISCORD_TOKEN, RPC_PATH_KEY, RPC_QUERY_KEY]) {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => lines.push(line), now: () => Date.UTC(2025, 0, 2, 3, 4, 5), secrets });
  return { logger, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('createLogger (pino behind the Logger interface)', () => {
  it('GIVEN a message and fields THEN one JSON line with level, time, msg and the fields', () => {
    const { logger, lines, records } = capture();
    logger.info('poll cycle done', { ms: 12, observations: 7, head: 123456789012345678901234567890n });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    expect(records()[0]).toEqual({ level: 'info', time: '2025-01-02T03:04:05.000Z', msg: 'poll cycle done', ms: 12, observations: 7, head: '123456789012345678901234567890' });
  });

  it('GIVEN a level THEN lines below it are dropped, and silent drops everything', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', write: (line) => lines.push(line) });
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['c', 'd']);
    const none: string[] = [];
    createLogger({ level: 'silent', write: (line) => none.push(line) }).error('x');
    expect(none).toEqual([]);
  });

  it('GIVEN an error with a cause and a code THEN type, message, code, stack and cause are kept', () => {
    const { logger, records } = capture();
    const cause = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    logger.error('failed', { error: new Error('request failed', { cause }) });
    const error = records()[0]!.error as Record<string, unknown>;
    expect(error).toMatchObject({ type: 'Error', message: 'request failed', cause: { type: 'Error', message: 'socket hang up', code: 'ECONNRESET' } });
    expect(String(error.stack)).toContain('request failed');
  });

  it('GIVEN fields named like pino keys or cycles THEN nothing is lost and nothing throws', () => {
    const { logger, records } = capture();
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    logger.info('odd', { msg: 'inner', level: 3, loop });
    expect(records()[0]).toMatchObject({ msg: 'odd', level: 'info', field_msg: 'inner', field_level: 3, loop: { name: 'loop', self: '[circular]' } });
  });

  it('GIVEN secret-looking keys THEN their values are redacted whatever they hold', () => {
    const { logger, records } = capture([]);
    logger.info('request', { token: 'abc', headers: { authorization: 'Bot xyz' }, request: { password: 'p' } });
    expect(records()[0]).toMatchObject({ token: '[redacted]', headers: { authorization: '[redacted]' }, request: { password: '[redacted]' } });
  });

  it('GIVEN the Telegram token inside an error message (grammY puts the URL in it) THEN the line never has it', () => {
    const { logger, lines } = capture();
    const fetchError = new Error(`request to https://api.telegram.org/bot${TELEGRAM_TOKEN}/sendMessage failed, reason: socket hang up`);
    const httpError = Object.assign(new Error("Network request for 'sendMessage' failed!"), { error: fetchError });
    logger.warn(`could not call bot${TELEGRAM_TOKEN}`, { error: httpError, url: `https://api.telegram.org/bot${encodeURIComponent(TELEGRAM_TOKEN)}/getMe` });
    const line = lines.join('');
    expect(line).not.toContain(TELEGRAM_TOKEN);
    expect(line).not.toContain(TELEGRAM_TOKEN.split(':')[1]);
    expect(line).not.toContain(encodeURIComponent(TELEGRAM_TOKEN));
    expect(line).toContain('https://api.telegram.org/bot[redacted]/sendMessage');
  });

  it('GIVEN the Discord token or its signature alone THEN both are redacted', () => {
    const { logger, lines } = capture();
    logger.error('login failed', { error: new Error(`token ${DISCORD_TOKEN} rejected`), detail: `signature ${DISCORD_TOKEN.split('.')[2]}` });
    expect(lines.join('')).not.toContain(DISCORD_TOKEN.split('.')[2]);
  });

  it('GIVEN an RPC URL with a key in its path or query THEN it shows as scheme and host only, and the key alone is redacted too', () => {
    const { logger, lines, records } = capture();
    logger.warn('rpc failed', {
      error: new Error(`POST ${RPC_PATH_KEY} failed`),
      url: RPC_QUERY_KEY,
      key: '9f3c0ffee1234567890abcdef1234567',
      apikey: 'QUERYKEY-0123456789',
      json: JSON.stringify({ url: RPC_PATH_KEY }),
    });
    const line = lines.join('');
    expect(line).not.toContain('9f3c0ffee1234567890abcdef1234567');
    expect(line).not.toContain('QUERYKEY-0123456789');
    expect(records()[0]).toMatchObject({ url: 'https://metis.example.org/…', error: { message: 'POST https://mainnet.infura.io/… failed' } });
  });

  it('GIVEN public RPC URLs and short values THEN nothing ordinary is redacted', () => {
    const { logger, records } = capture(collectSecrets({}, { chains: [{ rpc: ['https://andromeda.metis.io/?owner=1088', 'http://127.0.0.1:8545'] }] }));
    logger.info('chain 1088 at http://127.0.0.1:8545', { chainId: 1088, owner: '1088' });
    expect(records()[0]).toMatchObject({ msg: 'chain 1088 at http://127.0.0.1:8545', chainId: 1088, owner: '1088' });
  });
});

describe('createSecretScrubber', () => {
  it('GIVEN no secrets THEN text passes unchanged', () => {
    expect(createSecretScrubber([])('anything 123')).toBe('anything 123');
  });

  it('GIVEN the env and the config THEN the secrets are the tokens and every RPC URL', () => {
    expect(collectSecrets({ TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN, DISCORD_TOKEN: undefined }, { chains: [{ rpc: [RPC_PATH_KEY] }, { rpc: [RPC_QUERY_KEY] }] })).toEqual([
      TELEGRAM_TOKEN,
      RPC_PATH_KEY,
      RPC_QUERY_KEY,
    ]);
  });
});

describe('Discord interaction tokens', () => {
  it('GIVEN a REST URL with an interaction or webhook token THEN the token is redacted without any configuration', () => {
    const scrub = createSecretScrubber([]);
    const token = 'aW50ZXJhY3Rpb246MTU3NDU2Mjg5MTgwODM3NDgwNDo2OGMxZjM4ZjBh';
    expect(scrub(`http://127.0.0.1:1/api/v10/interactions/1574562891808374804/${token}/callback?with_response=false`)).toBe(
      'http://127.0.0.1:1/api/v10/interactions/1574562891808374804/[redacted]/callback?with_response=false',
    );
    expect(scrub(`PATCH /webhooks/100000000000000001/${token}/messages/@original`)).toBe('PATCH /webhooks/100000000000000001/[redacted]/messages/@original');
  });
});
