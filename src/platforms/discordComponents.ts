import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIStringSelectComponent, type APISelectMenuOption } from 'discord.js';
import { encodeAction } from '../vocabulary/actionData.ts';
import type { Action, Control } from '../vocabulary/reply.ts';

/** Discord's limits for message components. */
export const DISCORD_COMPONENT_LIMITS = { rows: 5, buttonsPerRow: 5, selectOptions: 25, label: 80, customId: 100, placeholder: 150 } as const;

/** A menu's custom_id: not data (each option's value is), only distinct per menu in a message. */
export const SELECT_ID_PREFIX = 'menu:';

export type DiscordComponentRow = APIActionRowComponent<APIButtonComponent | APIStringSelectComponent>;

const cut = (text: string, limit: number) => (text.length <= limit ? text : `${text.slice(0, limit - 1)}…`);

/** An action's label and data, or nothing when its data does not encode or its label is empty. */
function encoded(action: Action): { label: string; data: string } | undefined {
  const data = encodeAction(action);
  const label = cut(action.label.trim(), DISCORD_COMPONENT_LIMITS.label);
  return data !== undefined && label !== '' ? { label, data } : undefined;
}

/**
 * A reply's controls as Discord components: an action row of buttons (Secondary style, custom_id = the
 * encoded action) per `buttons` row, a string select per `select` row (each option's value = the encoded action).
 * Held to Discord's limits: at most 5 rows, 5 buttons a row, 25 options a menu; a button whose data does not
 * encode is left out, and so is a row left empty.
 */
export function discordComponents(controls: readonly Control[] | undefined): DiscordComponentRow[] {
  const rows: DiscordComponentRow[] = [];
  for (const [index, control] of (controls ?? []).entries()) {
    const actions = control.actions.flatMap((a) => encoded(a) ?? []);
    if (control.kind === 'buttons') {
      // The same data twice in one message is refused (custom_id must be unique): the first one stays.
      const buttons = actions.filter((a, i) => actions.findIndex((b) => b.data === a.data) === i && !rows.some((r) => r.components.some((c) => 'custom_id' in c && c.custom_id === a.data)));
      if (buttons.length === 0) continue;
      rows.push({
        type: ComponentType.ActionRow,
        components: buttons.slice(0, DISCORD_COMPONENT_LIMITS.buttonsPerRow).map((a): APIButtonComponent => ({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: a.label, custom_id: a.data })),
      });
    } else {
      const options = actions.filter((a, i) => actions.findIndex((b) => b.data === a.data) === i).slice(0, DISCORD_COMPONENT_LIMITS.selectOptions);
      if (options.length === 0) continue;
      rows.push({
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.StringSelect,
            custom_id: `${SELECT_ID_PREFIX}${index}`,
            ...(control.placeholder.trim() ? { placeholder: cut(control.placeholder.trim(), DISCORD_COMPONENT_LIMITS.placeholder) } : {}),
            options: options.map((a): APISelectMenuOption => ({ label: a.label, value: a.data })),
          },
        ],
      });
    }
  }
  return rows.slice(0, DISCORD_COMPONENT_LIMITS.rows);
}
