import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  PermissionFlagsBits,
  Routes,
  type APIApplicationCommandBasicOption,
  type REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { commandDescription, optionDescription, type CommandDefinition, type OptionSpec } from '../../commands/command.ts';
import { english, translator, type Translator } from '../i18n/translator.ts';
import { LOCALES } from '../i18n/locale.ts';

/** Discord's limits for a slash command and its options. */
export const DISCORD_DESCRIPTION_LIMIT = 100;
const NAME_PATTERN = /^[-_'\p{Ll}\p{Lm}\p{Lo}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

const fit = (text: string, limit: number) => (text.length <= limit ? text : `${text.slice(0, limit - 1)}…`);

function checkName(kind: string, name: string): string {
  if (!NAME_PATTERN.test(name)) throw new Error(`${kind} name "${name}" is not valid on Discord (1–32 lowercase letters, digits, - or _)`);
  return name;
}

/** Discord's code for each of our languages other than English (Discord's own default). */
const DISCORD_LOCALE = { 'zh-CN': 'zh-CN' } as const;

/** One description in English and, as Discord's `description_localizations`, in every other language. */
function described(describe: (t: Translator) => string) {
  const localizations = Object.fromEntries(LOCALES.filter((l) => l !== 'en').map((l) => [DISCORD_LOCALE[l], fit(describe(translator(l)), DISCORD_DESCRIPTION_LIMIT)]));
  return { description: fit(describe(english), DISCORD_DESCRIPTION_LIMIT), description_localizations: localizations };
}

function optionJson(command: CommandDefinition, spec: OptionSpec): APIApplicationCommandBasicOption {
  const base = {
    name: checkName('option', spec.name),
    ...described((t) => optionDescription(t, command, spec)),
    ...(spec.required ? { required: true } : {}),
  };
  if (spec.type === 'string') {
    // The accepted values come from the running config, so Discord asks us while the user types.
    return { ...base, type: ApplicationCommandOptionType.String, ...(spec.choices || spec.suggestions ? { autocomplete: true } : {}) };
  }
  const range = { ...(spec.min !== undefined ? { min_value: spec.min } : {}), ...(spec.max !== undefined ? { max_value: spec.max } : {}) };
  return spec.type === 'integer'
    ? { ...base, type: ApplicationCommandOptionType.Integer, ...range }
    : { ...base, type: ApplicationCommandOptionType.Number, ...range };
}

/**
 * The slash-command JSON for one definition: the same name, description and options the text parser uses.
 * Required options go first (Discord refuses a required option after an optional one).
 * @throws Error when a name is not one Discord accepts (a programming mistake, caught at start).
 */
export function discordCommandJson(command: CommandDefinition): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const options = [...command.options].sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false));
  return {
    type: ApplicationCommandType.ChatInput,
    name: checkName('command', command.name),
    ...described((t) => commandDescription(t, command)),
    ...(options.length > 0 ? { options: options.map((o) => optionJson(command, o)) } : {}),
    ...(command.requiresManageChannels ? { default_member_permissions: PermissionFlagsBits.ManageChannels.toString() } : {}),
  };
}

/** The slash-command JSON for every definition, in order. */
export const discordCommandsJson = (commands: readonly CommandDefinition[]) => commands.map(discordCommandJson);

/** What we compare of an option, whether we built it or Discord returned it. */
interface OptionShape {
  readonly type: number;
  readonly name: string;
  readonly description: string;
  readonly description_localizations?: Readonly<Record<string, string | null | undefined>> | null;
  readonly required?: boolean;
  readonly autocomplete?: boolean;
  readonly min_value?: number;
  readonly max_value?: number;
  readonly min_length?: number;
  readonly max_length?: number;
  readonly choices?: readonly { readonly name: string; readonly value: string | number }[];
  readonly options?: readonly OptionShape[];
  readonly channel_types?: readonly number[];
}

/** What we compare of a command: everything we set, with Discord's defaults filled in; ids and versions left out. */
export interface CommandShape {
  readonly type?: number;
  readonly name: string;
  readonly description?: string;
  readonly description_localizations?: Readonly<Record<string, string | null | undefined>> | null;
  readonly default_member_permissions?: string | null;
  readonly nsfw?: boolean;
  readonly options?: readonly OptionShape[];
}

function normaliseOption(o: OptionShape): unknown {
  return {
    type: o.type,
    name: o.name,
    description: o.description,
    description_localizations: o.description_localizations ?? {},
    required: o.required ?? false,
    autocomplete: o.autocomplete ?? false,
    min_value: o.min_value ?? null,
    max_value: o.max_value ?? null,
    min_length: o.min_length ?? null,
    max_length: o.max_length ?? null,
    choices: (o.choices ?? []).map((c) => ({ name: c.name, value: c.value })),
    options: (o.options ?? []).map(normaliseOption),
    channel_types: [...(o.channel_types ?? [])].sort((a, b) => a - b),
  };
}

function normalise(commands: readonly CommandShape[]): string {
  const canonical = commands
    .map((c) => ({
      type: c.type ?? ApplicationCommandType.ChatInput,
      name: c.name,
      description: c.description ?? '',
      description_localizations: c.description_localizations ?? {},
      default_member_permissions: c.default_member_permissions ?? null,
      nsfw: c.nsfw ?? false,
      options: (c.options ?? []).map(normaliseOption),
    }))
    .sort((a, b) => `${a.type}:${a.name}`.localeCompare(`${b.type}:${b.name}`));
  return JSON.stringify(canonical);
}

/**
 * Whether Discord already has exactly the commands we want. Ids, versions, name localizations and the fields Discord
 * fills in by itself (dm_permission, contexts, integration_types) are ignored; command order is not significant,
 * option order is (Discord shows options in that order).
 */
export function commandsMatch(desired: readonly CommandShape[], current: readonly CommandShape[]): boolean {
  return normalise(desired) === normalise(current);
}

export interface RegisterCommandsOptions {
  readonly rest: Pick<REST, 'get' | 'put'>;
  readonly applicationId: string;
  /** Register in one server (instant, for development); global when absent. */
  readonly guildId?: string;
  readonly commands: readonly CommandDefinition[];
}

/**
 * Makes Discord's command list equal our definitions: reads what is registered and only when it differs
 * overwrites the whole list in one PUT (so restarts do not spend Discord's daily command-creation budget).
 * @returns true when it wrote, false when Discord already had these commands.
 * @example await registerCommands({ rest: client.rest, applicationId, commands })
 */
export async function registerCommands(options: RegisterCommandsOptions): Promise<boolean> {
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const desired = discordCommandsJson(options.commands);
  // Discord lists the localizations only when asked; without them every start would see a difference and PUT.
  const current = (await options.rest.get(route, { query: new URLSearchParams({ with_localizations: 'true' }) })) as CommandShape[];
  if (commandsMatch(desired, current)) return false;
  await options.rest.put(route, { body: desired });
  return true;
}
