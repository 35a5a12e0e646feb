import type { BotApiState } from './botApiState.ts';
import { bad, codePoints, isObject, type Json, type MethodHandler } from './types.ts';

/** Where setMyCommands stores a list: by scope and language. */
export const commandsKey = (scope: unknown, lang: unknown): string =>
  `${JSON.stringify(isObject(scope) ? scope : { type: 'default' })}|${typeof lang === 'string' ? lang : ''}`;

/** The bot's own methods: getMe, deleteWebhook, getWebhookInfo (none set; fakeWebhook.ts installs a real one), setMyCommands, getMyCommands. */
export function defineBotMethods(state: BotApiState, define: (name: string, fn: MethodHandler) => void, dropUpdates: () => void): void {
  define('getMe', () => state.botUser);
  define('deleteWebhook', (p) => {
    if (p.drop_pending_updates === true) dropUpdates();
    return true;
  });
  define('getWebhookInfo', () => ({ url: '', has_custom_certificate: false, pending_update_count: 0 }));

  define('setMyCommands', (p) => {
    if (!Array.isArray(p.commands)) throw bad('parameter "commands" is required');
    if (p.commands.length > 100) throw bad('too many commands');
    for (const c of p.commands) {
      if (!isObject(c) || typeof c.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(c.command)) throw bad('BOT_COMMAND_INVALID');
      if (typeof c.description !== 'string' || codePoints(c.description) < 1 || codePoints(c.description) > 256) {
        throw bad('BOT_COMMAND_DESCRIPTION_INVALID');
      }
    }
    state.commands.set(commandsKey(p.scope, p.language_code), p.commands.map((c) => ({ ...(c as Json) })));
    return true;
  });
  define('getMyCommands', (p) => state.commands.get(commandsKey(p.scope, p.language_code)) ?? []);
}
