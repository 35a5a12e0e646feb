import type { ChatInfo, CommandContext } from './command.ts';
import type { Reply } from '../src/vocabulary/reply.ts';
import type { SubscriptionService } from '../src/subscriptions/subscriptionService.ts';

const say = (text: string): Reply => ({ kind: 'usage', blocks: [{ kind: 'paragraph', parts: [text] }] });

/**
 * The chat and the subscription service a subscription command needs, or the reply explaining why it
 * cannot run here. With `change`, also checks that the sender may change this chat's settings.
 */
export function subscriptionAccess(context: CommandContext, change: boolean): { chat: ChatInfo; service: SubscriptionService } | { refused: Reply } {
  const { chat, subscriptions } = context;
  if (!chat || !subscriptions) return { refused: say('Subscriptions are not available here.') };
  if (change && chat.kind !== 'private' && !chat.isAdmin()) {
    const where = chat.kind === 'channel' || chat.platform === 'discord' ? 'this channel' : 'this group';
    const who = chat.platform === 'discord' ? 'members with the Manage Channels permission' : `${where}'s admins`;
    return { refused: say(`Only ${who} can change ${where}'s subscriptions and alert settings; anyone can read them with /alerts.`) };
  }
  return { chat, service: subscriptions };
}
