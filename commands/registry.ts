import { alertsCommand } from './alerts.ts';
import { apyCommand } from './apy.ts';
import { chartCommand } from './chart.ts';
import { english } from '../src/i18n/translator.ts';
import { translatorOf, usageLine, type CommandContext, type CommandDefinition } from './command.ts';
import { helpCommand } from './help.ts';
import { langCommand } from './lang.ts';
import { leverageCommand } from './leverage.ts';
import { parseArguments } from './parseArguments.ts';
import type { Reply } from '../src/vocabulary/reply.ts';
import { sequencersCommand } from './sequencers.ts';
import { simulateCommand } from './simulate.ts';
import { startCommand } from './start.ts';
import { statusCommand } from './status.ts';
import { subscribeCommand } from './subscribe.ts';
import { unsubscribeCommand } from './unsubscribe.ts';
import { describeUserError, UserError } from './userError.ts';

/** Every command, in the order /help lists them. */
export const commands: readonly CommandDefinition[] = [startCommand, helpCommand, apyCommand, simulateCommand, leverageCommand, sequencersCommand, chartCommand, statusCommand, subscribeCommand, unsubscribeCommand, alertsCommand, langCommand];

const byName = new Map(commands.map((c) => [c.name, c]));

/** Longest text we treat as a command; anything longer is junk or an attack, not a question. */
export const MAX_COMMAND_LENGTH = 512;

export function findCommand(name: string): CommandDefinition | undefined {
  return byName.get(name.toLowerCase());
}

/**
 * The reply for a user mistake: what was wrong, then how to use the command (or the command list), in the
 * context's language (English without a context). The usage line itself is typed syntax, the same in every language.
 */
export function usageReply(error: UserError, command?: CommandDefinition, context?: CommandContext): Reply {
  const t = context ? translatorOf(context) : english;
  const lines = [describeUserError(error, t)];
  if (command) lines.push(t('usage-line', { usage: usageLine(command) }));
  else lines.push(t('usage-commands', { commands: (context?.commands() ?? commands).map((c) => `/${c.name}`).join(' ') }));
  return { kind: 'usage', blocks: [{ kind: 'paragraph', parts: [lines.join('\n')] }] };
}

/**
 * Runs a command with already-split options. A mistake becomes a usage reply; any other failure is
 * rethrown for the platform's single catch.
 */
export function runCommand(command: CommandDefinition, words: readonly string[], context: CommandContext): Reply {
  try {
    return command.run(parseArguments(command, words, context), context);
  } catch (error) {
    if (error instanceof UserError) return usageReply(error, command, context);
    throw error;
  }
}

/**
 * The name of the command in a text message (`/apy@metis_bot seMetis` → `apy`), or undefined for text that is
 * not a command or is addressed to another bot. The one rule for what runs (handleCommandText) and what is
 * counted against a user's limit (the command gate), so chatter in a group does neither.
 */
export function commandNameOf(text: string, botUsername?: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('/')) return undefined;
  const head = trimmed.split(/\s+/, 1)[0] ?? '';
  const [name = '', mention] = head.slice(1).split('@');
  if (mention && botUsername && mention.toLowerCase() !== botUsername.toLowerCase()) return undefined;
  return name;
}

/**
 * Answers a message such as `/apy seMetis` or `/apy@metis_bot`. Returns undefined for text that is not a
 * command (or is addressed to another bot), so group chatter is ignored.
 */
export function handleCommandText(text: string, context: CommandContext, botUsername?: string): Reply | undefined {
  const name = commandNameOf(text, botUsername);
  if (name === undefined) return undefined;
  const words = text.trim().split(/\s+/).slice(1);
  if (text.length > MAX_COMMAND_LENGTH) {
    return usageReply(new UserError('too-long', { length: text.length, max: MAX_COMMAND_LENGTH }), findCommand(name), context);
  }
  const command = findCommand(name);
  if (!command) return usageReply(new UserError('unknown-command', { command: `/${name}` }), undefined, context);
  return runCommand(command, words, context);
}
