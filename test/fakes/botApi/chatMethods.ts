import type { BotApiState } from './botApiState.ts';
import { bad, type Json, type MethodHandler } from './types.ts';

/** Chats and their members: getChatMember, getChatAdministrators, getChat (statuses from setAdmins). */
export function defineChatMethods(state: BotApiState, define: (name: string, fn: MethodHandler) => void): void {
  function memberObject(chatId: number, userId: number): Json {
    const status = state.admins.get(chatId)?.get(userId) ?? 'member';
    const user = userId === state.botUser.id ? state.botAsUser : (state.users.get(userId) ?? { id: userId, is_bot: false, first_name: `User ${userId}` });
    switch (status) {
      case 'creator':
        return { status, user, is_anonymous: false };
      case 'administrator':
        return {
          status, user, can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: true,
          can_manage_video_chats: true, can_restrict_members: true, can_promote_members: false, can_change_info: true,
          can_invite_users: true, can_post_stories: false, can_edit_stories: false, can_delete_stories: false,
          can_pin_messages: true, can_manage_topics: false,
        };
      case 'restricted':
        return {
          status, user, is_member: true, until_date: 0, can_send_messages: false, can_send_audios: false,
          can_send_documents: false, can_send_photos: false, can_send_videos: false, can_send_video_notes: false,
          can_send_voice_notes: false, can_send_polls: false, can_send_other_messages: false,
          can_add_web_page_previews: false, can_change_info: false, can_invite_users: false, can_pin_messages: false,
          can_manage_topics: false,
        };
      case 'kicked':
        return { status, user, until_date: 0 };
      default:
        return { status, user };
    }
  }

  define('getChatMember', (p) => {
    const chatId = state.resolveChatId(p.chat_id);
    if (typeof p.user_id !== 'number') throw bad('invalid user_id specified');
    return memberObject(chatId, p.user_id);
  });
  define('getChatAdministrators', (p) => {
    const chatId = state.resolveChatId(p.chat_id);
    const out: Json[] = [];
    for (const [uid, status] of state.admins.get(chatId) ?? []) {
      if (status === 'creator' || status === 'administrator') out.push(memberObject(chatId, uid));
    }
    return out;
  });
  define('getChat', (p) => {
    const chatId = state.resolveChatId(p.chat_id);
    return { ...state.chatObject(chatId), accent_color_id: 0, max_reaction_count: 11 };
  });
}
