/**
 * IANA time-zone names as people type them. The runtime's ICU keeps CLDR's stable ids, which for some zones are
 * the names IANA has since retired (it resolves Asia/Kolkata to Asia/Calcutta): the bot stores and shows
 * IANA's current name, and echoes the spelling the user typed when that is a valid name too.
 */

// CLDR id (what Intl resolves to) → IANA's current name, for every zone where the two differ in ICU 7x.
const CURRENT_NAME: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** The CLDR id for this name, when the runtime knows the zone (case-insensitive input). */
function cldrId(name: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

let knownSpellings: Map<string, string> | undefined;

/** Every name the runtime lists and every current IANA name above, keyed by lower case, for the user's spelling. */
function spellings(): Map<string, string> {
  knownSpellings ??= new Map([...Intl.supportedValuesOf('timeZone'), ...Object.values(CURRENT_NAME), 'UTC'].map((n) => [n.toLowerCase(), n]));
  return knownSpellings;
}

/** A zone the user named: `canonical` is stored and used, `typed` is how to echo the user's own choice. */
export interface TimeZoneName {
  /** IANA's current name for the zone (Asia/Kolkata for Asia/Calcutta, Europe/Kyiv for Europe/Kiev). */
  readonly canonical: string;
  /** The name as the user typed it, in its proper case where the runtime lists it (asia/calcutta → Asia/Calcutta). */
  readonly typed: string;
}

/**
 * Resolves a zone name, alias or legacy name (case-insensitive) to IANA's current name, or undefined when it
 * is no zone the runtime knows.
 * @example resolveTimeZone('asia/kolkata') // { canonical: 'Asia/Kolkata', typed: 'Asia/Kolkata' }
 * @example resolveTimeZone('Asia/Calcutta') // { canonical: 'Asia/Kolkata', typed: 'Asia/Calcutta' }
 */
export function resolveTimeZone(name: string): TimeZoneName | undefined {
  const id = cldrId(name);
  if (id === undefined) return undefined;
  const canonical = CURRENT_NAME[id] ?? id;
  // A valid alias the runtime does not list (Etc/UTC, US/Eastern) is echoed exactly as typed.
  return { canonical, typed: spellings().get(name.toLowerCase()) ?? name };
}

/** IANA's current name of a stored or configured zone (rows written before names were canonical may hold a CLDR id). */
export function currentTimeZoneName(name: string): string {
  return resolveTimeZone(name)?.canonical ?? name;
}
