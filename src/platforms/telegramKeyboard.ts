import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import { encodeAction } from '../vocabulary/actionData.ts';
import type { Control } from '../vocabulary/reply.ts';

/** Telegram shows a menu's choices as buttons, at most this many side by side. */
export const SELECT_BUTTONS_PER_ROW = 3;

/** Telegram refuses an empty button text; a label is cut to what fits a phone's row anyway. */
const MAX_LABEL_LENGTH = 64;

/**
 * A reply's controls as an inline keyboard: a `buttons` row as one row, a `select` as rows of at most three
 * buttons. Each button's callback_data is its encoded action; a button whose data does not fit (over 64 bytes)
 * or whose label is empty is left out, and so is a row left empty. Undefined when nothing remains.
 */
export function telegramKeyboard(controls: readonly Control[] | undefined): InlineKeyboardMarkup | undefined {
  const rows: InlineKeyboardButton[][] = [];
  for (const control of controls ?? []) {
    const buttons = control.actions.flatMap((action): InlineKeyboardButton[] => {
      const data = encodeAction(action);
      const text = action.label.trim().slice(0, MAX_LABEL_LENGTH);
      return data !== undefined && text !== '' ? [{ text, callback_data: data }] : [];
    });
    if (control.kind === 'buttons') {
      if (buttons.length > 0) rows.push(buttons);
    } else for (let i = 0; i < buttons.length; i += SELECT_BUTTONS_PER_ROW) rows.push(buttons.slice(i, i + SELECT_BUTTONS_PER_ROW));
  }
  return rows.length > 0 ? { inline_keyboard: rows } : undefined;
}
