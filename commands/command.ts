import type { Snapshot } from '../src/figures/figures.ts';
import type { MetricHistory } from '../src/store/historyStore.ts';
import type { SubscriptionService } from '../src/subscriptions/subscriptionService.ts';
import type { Reply } from '../src/vocabulary/reply.ts';
import type { Platform } from '../src/vocabulary/platform.ts';
import { english, type Translator } from '../src/i18n/translator.ts';

/**
 * One option of a command. The same spec drives the text parser (Telegram, console), the Telegram command
 * list and the Discord slash-command JSON.
 */
export type OptionSpec =
  | {
      readonly name: string;
      readonly type: 'string';
      readonly required?: boolean;
      /** The accepted values (asset names, windows…), from the running config. */
      readonly choices?: (context: CommandContext) => readonly string[];
      /**
       * Free-form text read by a parser (a duration such as `6m`): the value to pass on, or undefined when
       * the text does not fit; used instead of `choices`.
       */
      readonly parseText?: (raw: string) => string | number | undefined;
      /** Values to offer while typing (Discord autocomplete) without restricting to them. */
      readonly suggestions?: (context: CommandContext) => readonly string[];
      /** What a valid value looks like, for the error message (`30d, 12w, 6m (months), 1y`); words: in the chat's language. */
      readonly expected?: string | ((t: Translator) => string);
    }
  | {
      readonly name: string;
      readonly type: 'number' | 'integer';
      readonly required?: boolean;
      readonly min?: number;
      readonly max?: number;
      /** min (max) itself is outside the range: `amount > 0`, `ltv < 1`. Discord still gets them as min_value/max_value. */
      readonly minExclusive?: boolean;
      readonly maxExclusive?: boolean;
      /** Reads typed text such as `1k` or `4.5%`; undefined when it does not fit. Numbers typed on Discord skip it. */
      readonly parseText?: (raw: string) => number | undefined;
      /** What a valid value looks like, for the error message (`1000, 1,000, 1k, 2.5m, 1e3`); words: in the chat's language. */
      readonly expected?: string | ((t: Translator) => string);
    };

export type ArgumentValues = Readonly<Record<string, string | number | undefined>>;

/** Who asks and where, filled by each platform adapter (absent where no chat is known, e.g. in tests). */
export interface ChatInfo {
  readonly platform: Platform;
  readonly chatId: string;
  readonly userId: string;
  readonly kind: 'private' | 'group' | 'channel';
  /**
   * Whether the sender may change this chat's settings (Telegram: administrator or creator; Discord: Manage
   * Channels; private chats and the console: yes). Resolved by the adapter before the command runs, for
   * commands marked `mutates`.
   */
  readonly isAdmin: () => boolean;
  /** The sender's client language (Telegram `language_code`, Discord `locale`), when the platform tells. */
  readonly languageTag?: string;
}

/** What a command may read: the latest figures (never the network) and the clock. */
export interface CommandContext {
  readonly snapshot: () => Snapshot;
  /** Wall clock, unix ms. */
  readonly now: () => number;
  /** The other commands, for /help. */
  readonly commands: () => readonly CommandDefinition[];
  /** Stored metric history, read-only (for /chart); absent where the bot runs without a store. */
  readonly history?: MetricHistory;
  /** The chat the command came from. */
  readonly chat?: ChatInfo;
  /** Subscriptions and alert settings (/subscribe, /unsubscribe, /alerts); absent without a store. */
  readonly subscriptions?: SubscriptionService;
  /** The chat's language (src/subscriptions/chatLocale.ts); English when absent. */
  readonly t?: Translator;
}

/** The messages of the chat's language. */
export const translatorOf = (context: CommandContext): Translator => context.t ?? english;

export interface CommandDefinition {
  /** ASCII in every language; its description is the message `cmd-<name>` (locales/<language>/commands.ftl). */
  readonly name: string;
  readonly options: readonly OptionSpec[];
  /** Only for members who may manage channels (Discord: hidden from others and checked again on arrival). */
  readonly requiresManageChannels?: boolean;
  /** May change the chat's settings: adapters resolve the sender's admin status (ChatInfo.isAdmin) before run. */
  readonly mutates?: boolean;
  /** A usage line to show instead of the one built from the options. */
  readonly usage?: string;
  /**
   * Options a word may fill without `name=`, matched by shape in any order: each word goes to the first of
   * these (in declared order) that accepts it. Without this list, words fill every option in declared order.
   * Options not listed need `name=value`.
   */
  readonly positionalByShape?: readonly string[];
  run(args: ArgumentValues, context: CommandContext): Reply;
}

/** What a command does, in one line of the language (at most 100 characters: Discord's limit; Telegram allows 256). */
export const commandDescription = (t: Translator, command: CommandDefinition): string => t(`cmd-${command.name}`);
/** What an option of a command takes, in one line of the language. */
export const optionDescription = (t: Translator, command: CommandDefinition, option: OptionSpec): string => t(`cmd-${command.name}-${option.name}`);

/** The usage line of a command: `/apy [asset]`. */
export function usageLine(command: CommandDefinition): string {
  if (command.usage !== undefined) return command.usage;
  const named = (o: OptionSpec) => command.positionalByShape !== undefined && !command.positionalByShape.includes(o.name);
  const options = command.options.map((o) => (named(o) ? `[${o.name}=…]` : o.required ? `<${o.name}>` : `[${o.name}]`));
  return [`/${command.name}`, ...options].join(' ');
}
