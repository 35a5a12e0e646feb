import { translatorOf, type ChatInfo, type CommandContext } from './command.ts';
import type { Reply } from '../src/vocabulary/reply.ts';
import type { SubscriptionService } from '../src/subscriptions/subscriptionService.ts';

const say = (text: string): Reply => ({ kind: 'usage', blocks: [{ kind: 'paragraph', parts: [text] }] });

/**
 * The chat and the subscription service a subscription command needs, or the reply explaining why it
 * cannot run here (in the chat's language). With `change`, also checks that the sender may change this chat's settings.
 */
export function subscriptionAccess(context: CommandContext, change: boolean): { chat: ChatInfo; service: SubscriptionService } | { refused: Reply } {
  const { chat, subscriptions } = context;
  const t = translatorOf(context);
  if (!chat || !subscriptions) return { refused: say(t('sub-unavailable')) };
  if (change && chat.kind !== 'private' && !chat.isAdmin()) {
    // Discord's right is a permission; Telegram's, being an admin of the group or channel.
    const refusal = chat.platform === 'discord' ? 'sub-refused-discord' : chat.kind === 'channel' ? 'sub-refused-channel' : 'sub-refused-group';
    return { refused: say(t(refusal)) };
  }
  return { chat, service: subscriptions };
}
