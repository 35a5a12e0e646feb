import type { Translator } from '../src/i18n/translator.ts';
import type { Action, Reply } from '../src/vocabulary/reply.ts';

/** The times the picker offers, in the chat's zone. */
export const PICKER_TIMES = ['06:00', '08:00', '09:00', '12:00', '18:00', '21:00'] as const;

/** The word in /subscribe's time slot that asks for the picker: `/subscribe digest pick [timezone]`. */
export const PICK_WORD = 'pick';

/**
 * The digest time picker: one button per time, each the typed command that sets it in `zone`
 * (`/subscribe digest 06:00 Asia/Tokyo`), editing the picker into the confirmation. The current time is marked.
 * The zone is IANA's current name, so the longest (America/Argentina/ComodRivadavia) still fits a button's 64 bytes.
 */
export function digestTimePicker(t: Translator, zone: string, current: string | undefined): Reply {
  const actions: Action[] = PICKER_TIMES.map((time) => ({ label: time === current ? `· ${time} ·` : time, command: `/subscribe digest ${time} ${zone}`, edit: true }));
  return {
    kind: 'answer',
    blocks: [{ kind: 'paragraph', parts: [t('sub-pick-time', { zone })] }],
    controls: [
      { kind: 'buttons', actions: actions.slice(0, 3) },
      { kind: 'buttons', actions: actions.slice(3) },
    ],
  };
}
