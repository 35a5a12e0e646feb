import { translatorOf, type CommandDefinition } from './command.ts';
import type { Reply } from '../src/vocabulary/reply.ts';
import { subscriptionAccess } from './subscriptionAccess.ts';

/** `/unsubscribe [digest|alerts|all]`. */
export const unsubscribeCommand: CommandDefinition = {
  name: 'unsubscribe',
  requiresManageChannels: true,
  mutates: true,
  options: [{ name: 'what', type: 'string', choices: () => ['digest', 'alerts', 'all'] }],
  run(args, context): Reply {
    const access = subscriptionAccess(context, true);
    if ('refused' in access) return access.refused;
    const { chat, service } = access;
    const t = translatorOf(context);
    const what = args.what === 'digest' || args.what === 'alerts' ? args.what : undefined;
    const stopped = service.store.unsubscribe(chat.platform, chat.chatId, what);
    // Every id below exists: sub-none-digest, -alerts, -all; sub-unsubscribed-digest, -alerts, -all.
    const text = t(`${stopped === 0 ? 'sub-none' : 'sub-unsubscribed'}-${what ?? 'all'}`);
    return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: [text] }] };
  },
};
