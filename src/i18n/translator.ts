import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { DEFAULT_LOCALE, type Locale } from './locale.ts';
import { readLocaleFiles } from './localeFiles.ts';

/**
 * A message's arguments. Figures come in already formatted (strings) so a number reads the same in every
 * language; a plain number is for a plural choice (`{ $count -> [one] … *[other] … }`).
 */
export type MessageArgs = Readonly<Record<string, string | number>>;

/** Messages of one language: `t('lang-name')`, `t('lang-set', { language: 'English' })`. */
export interface Translator {
  (id: string, args?: MessageArgs): string;
  readonly locale: Locale;
}

const bundles = new Map<Locale, FluentBundle>();

/** The language's messages from locales/<locale>/*.ftl, parsed once per process. */
function bundleOf(locale: Locale): FluentBundle {
  let bundle = bundles.get(locale);
  if (bundle) return bundle;
  // No Unicode isolation marks around arguments: the text goes to chats and monospace tables, not to a bidi page.
  bundle = new FluentBundle(locale, { useIsolating: false });
  for (const [name, source] of readLocaleFiles(locale)) {
    const errors = bundle.addResource(new FluentResource(source));
    if (errors.length > 0) throw new Error(`locales/${locale}/${name}: ${errors.map((e) => e.message).join('; ')}`);
  }
  bundles.set(locale, bundle);
  return bundle;
}

function format(bundle: FluentBundle, id: string, args: MessageArgs | undefined): string | undefined {
  const message = bundle.getMessage(id);
  if (!message?.value) return undefined;
  return bundle.formatPattern(message.value, args as Record<string, FluentVariable> | undefined, []);
}

const translators = new Map<Locale, Translator>();

/**
 * The translator of a language. A message missing in it falls back to English, and one missing in English too
 * shows its id: a reply never fails over a message (the key-parity test keeps both languages complete).
 */
export function translator(locale: Locale): Translator {
  let t = translators.get(locale);
  if (t) return t;
  const fn = (id: string, args?: MessageArgs) => format(bundleOf(locale), id, args) ?? (locale === DEFAULT_LOCALE ? undefined : format(bundleOf(DEFAULT_LOCALE), id, args)) ?? id;
  t = Object.assign(fn, { locale });
  translators.set(locale, t);
  return t;
}

/** English, the default language. */
export const english: Translator = translator(DEFAULT_LOCALE);
