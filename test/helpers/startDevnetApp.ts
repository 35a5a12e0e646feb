import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { createApp, type App, type AppOptions } from '../../src/app.ts';
import type { Config } from '../../src/config/configSchema.ts';
import { loadConfig } from '../../src/config/loadConfig.ts';
import { startDevnet, type Devnet, type StartDevnetOptions } from '../../src/devnet/startDevnet.ts';
import { silentLogger, type Logger } from '../../src/log/logger.ts';
import { startFakeBotApi, type FakeBotApi, type FakeBotApiOptions } from '../fakes/fakeBotApi.ts';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fakeDiscord.ts';
import { envFrom, fakePlatformVars } from './fakePlatformEnv.ts';

/** Both chains at a fixed genesis, the test setting every rate: no vault or Artemis growth, no wobble. */
export const STILL_DEVNET: StartDevnetOptions = { genesisTime: 1_700_000_000, scenario: { vaultApr: 0, artemisApr: 0, wobbleBps: 0, maxL2BlocksPerAdvance: 2_100 } };

/** Something between the bot and a chain (a counting proxy): started per chain, closed by stop(). */
export interface ChainProxy {
  readonly url: string;
  close(): Promise<void>;
}

export interface DevnetAppOptions<P extends ChainProxy> {
  /** How the devnet starts (default STILL_DEVNET). */
  readonly devnet?: StartDevnetOptions;
  /** The fake platforms to start and give the bot (default none: the console only). */
  readonly platforms?: readonly ('telegram' | 'discord')[];
  readonly telegramOptions?: FakeBotApiOptions;
  /** Variables beyond the fakes' (LOG_LEVEL is silent, METIS_BOT_CONFIG config/devnet.yaml). */
  readonly env?: Record<string, string>;
  /** The app's clock (default Date.now). */
  readonly now?: () => number;
  /** A database file in a new temporary folder, for a bot restarted on it; default ':memory:'. */
  readonly databaseFile?: boolean;
  /** Wraps each chain's RPC URL (default: the bot talks to the anvils directly). */
  readonly rpcProxy?: (url: string) => Promise<P>;
  /** Changes to config/devnet.yaml beyond RPC URLs and database (return it parsed, e.g. by configSchema). */
  readonly config?: (loaded: Config) => Config;
  readonly consoleOutput?: Writable;
  readonly logger?: Logger;
  /** Create the app at once (default); false: the test opens it, per case. */
  readonly startApp?: boolean;
}

/** A devnet with the bot configured on it (config/devnet.yaml) and the fakes it talks to. */
export interface DevnetApp<P extends ChainProxy = ChainProxy> {
  readonly devnet: Devnet;
  readonly config: Config;
  /** The open app; throws when none is. */
  readonly app: App;
  /** The fake Bot API; throws unless `platforms` named telegram. */
  readonly telegram: FakeBotApi;
  /** The fake Discord; throws unless `platforms` named discord. */
  readonly discord: FakeDiscord;
  /** The proxies in front of the chains, when `rpcProxy` was given. */
  readonly rpc: { readonly l1: P; readonly l2: P } | undefined;
  /** Stops the open app, if any, and creates a new one (a restart on the same database), with these options changed. */
  open(overrides?: Partial<AppOptions>): Promise<App>;
  /** Stops the app, the fakes, the proxies and the devnet; what failed to start is skipped. */
  stop(): Promise<void>;
}

/**
 * Starts the devnet, the fakes and the proxies, loads config/devnet.yaml pointed at them, and creates the app
 * (no schedule: the test runs the cycles). Whatever started is stopped again when a later step fails.
 */
export async function startDevnetApp<P extends ChainProxy = ChainProxy>(options: DevnetAppOptions<P> = {}): Promise<DevnetApp<P>> {
  const stops: (() => Promise<void>)[] = [];
  let app: App | undefined;
  const stop = async () => {
    await app?.stop();
    app = undefined;
    for (const step of stops.splice(0).reverse()) await step();
  };
  try {
    const devnet = await startDevnet(options.devnet ?? STILL_DEVNET);
    stops.push(() => devnet.stop());
    const platforms = new Set(options.platforms ?? []);
    const [telegram, discord] = await Promise.all([
      platforms.has('telegram') ? startFakeBotApi(options.telegramOptions) : undefined,
      platforms.has('discord') ? startFakeDiscord() : undefined,
    ]);
    stops.push(async () => void (await Promise.all([telegram?.close(), discord?.close()])));
    let rpc: { l1: P; l2: P } | undefined;
    if (options.rpcProxy) {
      const [l1, l2] = await Promise.all([options.rpcProxy(devnet.l1.url), options.rpcProxy(devnet.l2.url)]);
      rpc = { l1, l2 };
      stops.push(async () => void (await Promise.all([l1.close(), l2.close()])));
    }
    const database = options.databaseFile ? join(mkdtempSync(join(tmpdir(), 'devnet-app-')), 'bot.db') : ':memory:';
    const loaded = loadConfig('config/devnet.yaml', { DEVNET_L1_RPC: rpc?.l1.url ?? devnet.l1.url, DEVNET_L2_RPC: rpc?.l2.url ?? devnet.l2.url, METIS_BOT_DB: database });
    const config = options.config ? options.config(loaded) : loaded;
    const env = envFrom({ LOG_LEVEL: 'silent', METIS_BOT_CONFIG: 'config/devnet.yaml', ...fakePlatformVars({ telegram, discord }), ...options.env });
    const open = async (overrides: Partial<AppOptions> = {}) => {
      await app?.stop();
      app = undefined;
      app = await createApp({
        config,
        env,
        logger: options.logger ?? silentLogger,
        ...(options.now ? { now: options.now } : {}),
        ...(options.consoleOutput ? { consoleOutput: options.consoleOutput } : {}),
        ...overrides,
      });
      return app;
    };
    if (options.startApp ?? true) await open();
    const started = <T>(what: string, value: T | undefined): T => {
      if (value === undefined) throw new Error(`startDevnetApp: ${what}`);
      return value;
    };
    return {
      devnet,
      config,
      get app() {
        return started('no app is open', app);
      },
      get telegram() {
        return started("telegram was not started (platforms: ['telegram'])", telegram);
      },
      get discord() {
        return started("discord was not started (platforms: ['discord'])", discord);
      },
      rpc,
      open,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
