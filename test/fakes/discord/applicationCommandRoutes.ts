import type { DiscordState } from './discordState.ts';
import { FakeDiscordError, invalidForm, isObject, ok, text, type Json, type Route, type RouteResult } from './types.ts';

const NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Checks one command of a bulk overwrite the way Discord does (the parts that catch our mistakes). */
function validateCommand(c: unknown, i: number): Json {
  if (!isObject(c)) throw invalidForm(`${i}`, 'Must be an object.');
  const type = c.type ?? 1;
  const name = text(c.name);
  if (!NAME_PATTERN.test(name) || name !== name.toLowerCase()) throw invalidForm(`${i}.name`, 'Command name is invalid');
  const description = text(c.description);
  if (type === 1 && (description.length < 1 || description.length > 100)) throw invalidForm(`${i}.description`, 'Must be between 1 and 100 in length.');
  const dmp = c.default_member_permissions;
  if (dmp !== undefined && dmp !== null && (typeof dmp !== 'string' || !/^\d+$/.test(dmp))) throw invalidForm(`${i}.default_member_permissions`, 'Must be a bitfield string.');
  const options = c.options ?? [];
  if (!Array.isArray(options) || options.length > 25) throw invalidForm(`${i}.options`, 'Must be 25 or fewer in length.');
  let optionalSeen = false;
  options.forEach((o: unknown, j) => {
    const at = `${i}.options.${j}`;
    if (!isObject(o)) throw invalidForm(at, 'Must be an object.');
    if (typeof o.type !== 'number' || o.type < 1 || o.type > 11) throw invalidForm(`${at}.type`, 'Value is not a valid option type.');
    if (!NAME_PATTERN.test(text(o.name)) || text(o.name) !== text(o.name).toLowerCase()) throw invalidForm(`${at}.name`, 'Option name is invalid');
    const d = text(o.description);
    if (d.length < 1 || d.length > 100) throw invalidForm(`${at}.description`, 'Must be between 1 and 100 in length.');
    if (o.required === true && optionalSeen) throw invalidForm(`${at}.required`, 'Required options must be placed before non-required options');
    if (o.required !== true) optionalSeen = true;
    if (o.autocomplete === true && ![3, 4, 10].includes(o.type)) throw invalidForm(`${at}.autocomplete`, 'Autocomplete is only for string, integer and number options');
    if (o.autocomplete === true && Array.isArray(o.choices) && o.choices.length > 0) throw invalidForm(`${at}.autocomplete`, 'Autocomplete cannot be set with choices');
    if ((o.min_value !== undefined || o.max_value !== undefined) && ![4, 10].includes(o.type)) throw invalidForm(`${at}.min_value`, 'Only for integer and number options');
  });
  return c;
}

/** A stored command the way Discord answers it: ids, version and the defaults it fills in. */
function storedCommand(c: Json, id: string, applicationId: string, version: string, guildId: string | undefined): Json {
  const out: Json = {
    id,
    application_id: applicationId,
    version,
    default_member_permissions: c.default_member_permissions ?? null,
    type: c.type ?? 1,
    name: c.name,
    description: c.description ?? '',
    description_localizations: c.description_localizations ?? null,
    ...(guildId ? { guild_id: guildId } : { dm_permission: true, contexts: null, integration_types: [0] }),
    nsfw: c.nsfw ?? false,
  };
  if (Array.isArray(c.options) && c.options.length > 0) {
    // Discord leaves out `required: false` and `autocomplete: false` in what it returns.
    out.options = c.options.map((o: Json) => {
      const { required, autocomplete, ...rest } = o;
      return { ...rest, ...(required === true ? { required: true } : {}), ...(autocomplete === true ? { autocomplete: true } : {}) };
    });
  }
  return out;
}

/** Application commands, global and per guild: GET lists them, PUT overwrites them all (ids kept by name). */
export function applicationCommandRoutes(state: DiscordState): Route[] {
  /**
   * Discord gives the localization dictionaries only when asked (`with_localizations=true`); otherwise it leaves
   * them out (and would give `description_localized` in the caller's language).
   */
  const withoutLocalizations = (c: Json): Json => {
    const { description_localizations: _d, ...rest } = c;
    return { ...rest, ...(Array.isArray(c.options) ? { options: c.options.map((o: Json) => { const { description_localizations: _o, ...keep } = o; return keep; }) } : {}) };
  };

  function appCommands(appId: string, guildId: string | undefined, method: string, body: unknown, query: Record<string, string>): RouteResult {
    if (appId !== state.applicationId) throw new FakeDiscordError(403, 50001, 'Missing Access');
    if (guildId && !state.guilds.some((g) => g.id === guildId)) throw new FakeDiscordError(403, 50001, 'Missing Access');
    const key = guildId ?? 'global';
    if (method === 'GET') {
      const listed = state.commands.get(key) ?? [];
      return ok(query.with_localizations === 'true' ? listed : listed.map(withoutLocalizations));
    }
    if (!Array.isArray(body)) throw invalidForm('_', 'Must be an array.');
    if (body.length > 100) throw invalidForm('_', 'Must be 100 or fewer in length.');
    const valid = body.map(validateCommand);
    const names = valid.map((c) => `${String(c.type ?? 1)}:${text(c.name)}`);
    if (new Set(names).size !== names.length) throw invalidForm('_', 'Application command names must be unique');
    const previous = state.commands.get(key) ?? [];
    const stored = valid.map((c) => {
      const same = previous.find((p) => p.name === c.name && p.type === (c.type ?? 1));
      return storedCommand(c, typeof same?.id === 'string' ? same.id : state.snowflake(), state.applicationId, state.snowflake(), guildId);
    });
    state.commands.set(key, stored);
    return ok(stored);
  }

  return (['GET', 'PUT'] as const).flatMap((method): Route[] => [
    {
      method,
      pattern: /^\/applications\/(\d+)\/commands$/,
      name: `${method} /applications/:app/commands`,
      auth: true,
      handle: (m, body, query) => appCommands(m[1]!, undefined, method, body, query),
    },
    {
      method,
      pattern: /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/,
      name: `${method} /applications/:app/guilds/:guild/commands`,
      auth: true,
      handle: (m, body, query) => appCommands(m[1]!, m[2]!, method, body, query),
    },
  ]);
}
