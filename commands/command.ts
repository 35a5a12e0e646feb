import type { Snapshot } from '../src/metrics/figures.ts';
import type { Reply } from './reply.ts';

/**
 * One option of a command. The same spec drives the text parser (Telegram, console), the Telegram command
 * list and the Discord slash-command JSON.
 */
export type OptionSpec =
  | {
      readonly name: string;
      readonly description: string;
      readonly type: 'string';
      readonly required?: boolean;
      /** The accepted values (asset names, windows…), from the running config. */
      readonly choices?: (context: CommandContext) => readonly string[];
    }
  | {
      readonly name: string;
      readonly description: string;
      readonly type: 'number' | 'integer';
      readonly required?: boolean;
      readonly min?: number;
      readonly max?: number;
    };

export type ArgumentValues = Readonly<Record<string, string | number | undefined>>;

/** What a command may read: the latest figures (never the network) and the clock. */
export interface CommandContext {
  readonly snapshot: () => Snapshot;
  /** Wall clock, unix ms. */
  readonly now: () => number;
  /** The other commands, for /help. */
  readonly commands: () => readonly CommandDefinition[];
}

export interface CommandDefinition {
  readonly name: string;
  /** One line, at most 100 characters (Discord's limit; Telegram allows 256). */
  readonly description: string;
  readonly options: readonly OptionSpec[];
  /** Only for members who may manage channels (Discord: hidden from others and checked again on arrival). */
  readonly requiresManageChannels?: boolean;
  run(args: ArgumentValues, context: CommandContext): Reply;
}

/** The usage line of a command: `/apy [asset]`. */
export function usageLine(command: CommandDefinition): string {
  const options = command.options.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`));
  return [`/${command.name}`, ...options].join(' ');
}
