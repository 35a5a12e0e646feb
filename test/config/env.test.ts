import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.ts';
import { collectSecrets, createSecretScrubber } from '../../src/log/redactSecrets.ts';

describe('parseEnv', () => {
  it('GIVEN a misspelt variable while the real one is unset THEN it is a problem naming the one meant', () => {
    expect(parseEnv({ TELEGRAM_BOT_TOKN: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw', PATH: '/usr/bin' })).toEqual({
      problems: ['TELEGRAM_BOT_TOKN: not a variable the bot reads (did you mean TELEGRAM_BOT_TOKEN? it is not set)'],
    });
    expect(parseEnv({ LOGLEVEL: 'debug' })).toEqual({ problems: ['LOGLEVEL: not a variable the bot reads (did you mean LOG_LEVEL? it is not set)'] });
  });

  it('GIVEN a near name beside the real one, or unrelated variables THEN nothing is said (they may be read through ${VAR})', () => {
    const parsed = parseEnv({ LOG_LEVEL: 'warn', LOGLEVEL: 'debug', ETH_RPC_URL: 'http://127.0.0.1:8545', HOME: '/root', METIS_BOT_DB: 'x.db' });
    expect(parsed).toEqual({ env: { LOG_LEVEL: 'warn', METIS_BOT_CONFIG: 'config/default.yaml' } });
  });

  it('GIVEN a Bot API or REST root that is not http(s) THEN it is refused', () => {
    expect(parseEnv({ TELEGRAM_API_ROOT: 'ftp://127.0.0.1:8081', DISCORD_REST_API: 'javascript:alert(1)' })).toEqual({
      problems: [
        'TELEGRAM_API_ROOT: TELEGRAM_API_ROOT must be a URL (http or https) such as http://127.0.0.1:8081',
        'DISCORD_REST_API: DISCORD_REST_API must be a URL (http or https) such as http://127.0.0.1:8080/api',
      ],
    });
    expect(parseEnv({ TELEGRAM_API_ROOT: 'https://bots.example.com', DISCORD_REST_API: 'http://127.0.0.1:8080/api' })).toMatchObject({ env: { TELEGRAM_API_ROOT: 'https://bots.example.com' } });
  });

  it('GIVEN a wrong LOG_LEVEL THEN the levels are listed, every problem at once', () => {
    expect(parseEnv({ LOG_LEVEL: 'verbose', TELEGRAM_BOT_TOKEN: 'nope' })).toEqual({
      problems: [
        'TELEGRAM_BOT_TOKEN: TELEGRAM_BOT_TOKEN does not look like a bot token (digits:letters, as @BotFather gives it)',
        'LOG_LEVEL: LOG_LEVEL must be one of debug, info, warn, error, silent',
      ],
    });
  });

  it('GIVEN a Bot API root with credentials THEN the log scrubber knows it as a secret', () => {
    const root = 'https://bot:Zq7XkP2mWv9TnR4sLc8YbH3d@bots.example.com';
    const scrub = createSecretScrubber(collectSecrets({ TELEGRAM_API_ROOT: root }, { chains: [] }));
    expect(scrub(`request to ${root}/bot123/getMe failed`)).toBe('request to https://bots.example.com/…/bot123/getMe failed');
  });
});
