/**
 * The layers of the code base, bottom first: a file may import its own layer and the layers before it, never one
 * after it. This list is the one statement of that rule; the import-graph test enforces it, and the README's
 * layout table is checked against it.
 */
export interface Layer {
  readonly name: string;
  /** Folders (or, for the app, single files) this layer owns, relative to the repository root. */
  readonly paths: readonly string[];
  readonly what: string;
}

export const LAYERS: readonly Layer[] = [
  { name: 'vocabulary', paths: ['src/vocabulary'], what: 'the vocabulary every layer speaks: the neutral `Reply`, `Platform`, chain constants, the error base' },
  { name: 'core', paths: ['src/core'], what: 'pure math and formatting, no I/O' },
  { name: 'i18n', paths: ['src/i18n'], what: 'the languages (English, Chinese): Fluent messages from `locales/`, one translator per language' },
  { name: 'log', paths: ['src/log'], what: 'JSON logs with secrets scrubbed' },
  { name: 'rpc', paths: ['src/rpc'], what: 'JSON-RPC over HTTP with failover and log-range limits' },
  { name: 'config', paths: ['src/config'], what: 'the config file and environment, validated once' },
  { name: 'sources', paths: ['src/sources'], what: 'viem reads, one reader per source kind' },
  { name: 'store', paths: ['src/store'], what: 'SQLite: history, subscriptions, outbox, alert state, each behind its interface' },
  { name: 'figures', paths: ['src/figures'], what: 'every figure, computed once into the snapshot from history' },
  { name: 'charts', paths: ['src/charts'], what: 'PNG charts of the history' },
  { name: 'rules', paths: ['src/alerts'], what: 'alert rules as pure measures and thresholds, and the engine that applies them' },
  { name: 'poller', paths: ['src/poller'], what: 'the poll cycle: read, store, recompute the snapshot; its schedule' },
  { name: 'delivery', paths: ['src/delivery'], what: 'the outbox worker and per-platform rate limits' },
  { name: 'subscriptions', paths: ['src/subscriptions'], what: 'subscriptions and the daily digest' },
  { name: 'commands', paths: ['commands'], what: 'platform-neutral commands returning a neutral reply' },
  { name: 'ops', paths: ['src/ops'], what: '`/healthz`, `/metrics`, platform status, shutdown' },
  { name: 'platforms', paths: ['src/platforms'], what: 'Telegram (grammY), Discord (discord.js) and the console' },
  { name: 'devnet', paths: ['src/devnet'], what: 'local anvil chains with the real contracts, for tests and the demo' },
  { name: 'app', paths: ['src/app.ts', 'src/appPlatforms.ts', 'src/main.ts', 'src/demo.ts', 'src/doctor.ts', 'src/subscriptionRuntime.ts'], what: 'wiring: the entry points and what they start' },
];

/** The layer a repository-relative file path belongs to, or undefined when it is outside `src/` and `commands/`. */
export function layerOf(file: string): Layer | undefined {
  return LAYERS.find((layer) => layer.paths.some((p) => file === p || file.startsWith(`${p}/`)));
}
