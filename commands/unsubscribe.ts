import { translatorOf, type CommandDefinition } from './command.ts';
import type { Reply } from '../src/vocabulary/reply.ts';
import { subscriptionAccess } from './subscriptionAccess.ts';
import { PICK_WHAT, unsubscribePicker } from './unsubscribePicker.ts';

/** `/unsubscribe [digest|alerts|all]` (all when none is given), or `/unsubscribe pick`: a button per thing to stop. */
export const unsubscribeCommand: CommandDefinition = {
  name: 'unsubscribe',
  requiresManageChannels: true,
  mutates: true,
  usage: `/unsubscribe [digest|alerts|all|${PICK_WHAT}]`,
  options: [{ name: 'what', type: 'string', choices: () => ['digest', 'alerts', 'all', PICK_WHAT] }],
  run(args, context): Reply {
    const access = subscriptionAccess(context, true);
    if ('refused' in access) return access.refused;
    const { chat, service } = access;
    const t = translatorOf(context);
    if (args.what === PICK_WHAT) return unsubscribePicker(t, service.store.forChat(chat.platform, chat.chatId), context.now());
    const what = args.what === 'digest' || args.what === 'alerts' ? args.what : undefined;
    const stopped = service.store.unsubscribe(chat.platform, chat.chatId, what);
    // Every id below exists: sub-none-digest, -alerts, -all; sub-unsubscribed-digest, -alerts, -all.
    const text = t(`${stopped === 0 ? 'sub-none' : 'sub-unsubscribed'}-${what ?? 'all'}`);
    return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: [text] }] };
  },
};
