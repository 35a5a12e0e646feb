import { LOCALES, localeOfWord, localeWord } from '../src/i18n/locale.ts';
import { translator } from '../src/i18n/translator.ts';
import type { Action, Reply } from '../src/vocabulary/reply.ts';
import { translatorOf, type CommandDefinition } from './command.ts';
import { subscriptionAccess } from './subscriptionAccess.ts';

/** One button per language, each labelled in its own language. */
const languageButtons = (): Action[] => LOCALES.map((locale) => ({ label: translator(locale)('lang-name'), command: `/lang ${localeWord(locale)}`, edit: true }));

/** `/lang`: the chat's language and a button per language; `/lang en|zh` sets it (admins, in a group). */
export const langCommand: CommandDefinition = {
  name: 'lang',
  mutates: true,
  options: [{ name: 'language', type: 'string', choices: () => LOCALES.map(localeWord) }],
  run(args, context): Reply {
    const t = translatorOf(context);
    if (args.language === undefined) {
      return {
        kind: 'answer',
        blocks: [{ kind: 'paragraph', parts: [t('lang-current', { language: t('lang-name') })] }],
        controls: [{ kind: 'buttons', actions: languageButtons() }],
      };
    }
    const access = subscriptionAccess(context, true);
    if ('refused' in access) return access.refused;
    const locale = localeOfWord(String(args.language))!; // the option's choices let only a known word through
    access.service.store.setLanguage(access.chat.platform, access.chat.chatId, locale);
    // Said in the new language: the first words the chat reads in it.
    const said = translator(locale);
    return { kind: 'answer', blocks: [{ kind: 'paragraph', parts: [said('lang-set', { language: said('lang-name') })] }] };
  },
};
