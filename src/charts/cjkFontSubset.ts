import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import subsetFont from 'subset-font';
import { LOCALES } from '../i18n/locale.ts';
import { readLocaleFiles } from '../i18n/localeFiles.ts';

/**
 * Noto Sans SC cut down to the characters the bot writes. resvg parses every font file on every render, and the
 * full font is 10 MB a weight (about 250 ms a Chinese chart against 35 ms in English); cut to the characters of
 * the messages it is a few hundred kB. A picture with a character outside the cut (a Chinese name in the
 * config's labels) still gets the full font.
 */
export interface CjkSubset {
  /** The cut font files, one per weight of the full ones, in the same order. */
  readonly files: readonly string[];
  /** Whether every character of `text` is in the cut. */
  covers(text: string): boolean;
}

/** Characters the formatters write besides the messages: signs, arrows, the ellipsis. */
const FORMAT_SIGNS = '−×±Δ·…≈→←‹›—–°⚠✅🚨';

/** Every character of every message in every language, printable ASCII and the formatters' signs, sorted. */
export function messageCharacters(): string {
  const chars = new Set<string>(FORMAT_SIGNS);
  for (let c = 0x20; c < 0x7f; c++) chars.add(String.fromCharCode(c));
  for (const locale of LOCALES) for (const source of readLocaleFiles(locale).values()) for (const ch of source) if (ch >= ' ') chars.add(ch);
  return [...chars].sort().join('');
}

let ready: CjkSubset | undefined;
let pending: Promise<CjkSubset | undefined> | undefined;

/** The cut fonts when they are ready; the first call starts cutting them (in the background) and answers undefined. */
export function cjkSubset(fullFiles: readonly string[]): CjkSubset | undefined {
  if (!ready && !pending) void prepareCjkSubset(fullFiles);
  return ready;
}

/**
 * Cuts the full font files to the message characters once per process, into the temporary folder (kept across
 * restarts: the file name is a hash of the characters and the source file, so a changed message makes a new cut).
 * Resolves to undefined if the cut fails; charts then keep the full font.
 */
export function prepareCjkSubset(fullFiles: readonly string[], directory = join(tmpdir(), 'metis-yield-bot-fonts')): Promise<CjkSubset | undefined> {
  pending ??= cut(fullFiles, directory).then(
    (subset) => (ready = subset),
    () => undefined,
  );
  return pending;
}

async function cut(fullFiles: readonly string[], directory: string): Promise<CjkSubset> {
  const characters = messageCharacters();
  const covered = new Set(characters);
  mkdirSync(directory, { recursive: true });
  const files: string[] = [];
  for (const full of fullFiles) {
    const source = readFileSync(full);
    const hash = createHash('sha256').update(characters).update(source).digest('hex').slice(0, 16);
    const file = join(directory, `${basename(full, '.ttf')}-${hash}.ttf`);
    if (!existsSync(file)) {
      const cutFont = await subsetFont(source, characters, { targetFormat: 'truetype' });
      // Written beside and renamed: a second process (or a crash) never reads half a font.
      const partial = `${file}.${process.pid}.part`;
      writeFileSync(partial, cutFont);
      renameSync(partial, file);
    }
    files.push(file);
  }
  return { files, covers: (text) => [...text].every((ch) => ch < ' ' || covered.has(ch)) };
}

/** Forgets the cut (tests prepare it afresh). */
export function resetCjkSubset(): void {
  ready = undefined;
  pending = undefined;
}
