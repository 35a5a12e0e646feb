/**
 * The messages of one language as core formatting takes them (src/i18n's Translator is one): the few formatters
 * that write words get them passed in, so core reads no language file and stays free of I/O.
 */
export type Words = (id: string, args?: Readonly<Record<string, string | number>>) => string;
