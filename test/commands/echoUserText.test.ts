import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/registry.ts';
import { echoUserText, MAX_ECHO_LENGTH, stripControls } from '../../commands/echoUserText.ts';
import { plainText } from '../../src/vocabulary/reply.ts';
import { handleCommandText } from '../../commands/registry.ts';
import { renderTelegramHtml } from '../../src/platforms/renderTelegramHtml.ts';
import { context } from './snapshotFixture.ts';

const FSI = '\u2068';
const PDI = '\u2069';
const RLO = '\u202E';
/** Every bidi control (embeddings, overrides, isolates, marks), the zero-width and other invisible characters (a line break between lines is ours). */
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029]/u;

const usageText = (line: string) => {
  const reply = handleCommandText(line, context);
  expect(reply?.kind).toBe('usage');
  return reply!.blocks.map((b) => (b.kind === 'paragraph' ? plainText(b.parts) : '')).join('\n');
};

describe('echoUserText', () => {
  it('GIVEN plain ASCII THEN as typed, without isolates (it cannot reorder a left-to-right sentence)', () => {
    expect(echoUserText('dogecoin')).toBe('dogecoin');
    expect(echoUserText('4.5%')).toBe('4.5%');
  });

  it('GIVEN a right-to-left override and the other bidi controls THEN they are gone', () => {
    expect(echoUserText(`${RLO}nioc`)).toBe('nioc');
    for (const control of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C']) {
      expect(echoUserText(`a${control}b`), `U+${control.codePointAt(0)!.toString(16)}`).toBe('ab');
    }
  });

  it('GIVEN zero-width, control and separator characters THEN they are gone', () => {
    expect(echoUserText('se\u200BMe\u200Cti\u200Ds\u2060\uFEFF')).toBe('seMetis');
    expect(echoUserText('a\u0000b\u0007c\u001Bd\u007Fe\u0085f\u2028g\u2029h\ni\tj')).toBe('abcdefghij');
    // A lone surrogate is not text either; a real astral character is kept (and isolated, being beyond ASCII).
    expect(echoUserText('x\uD800y')).toBe('xy');
    expect(echoUserText('🦊')).toBe(`${FSI}🦊${PDI}`);
  });

  it('GIVEN right-to-left letters THEN isolated in U+2068 … U+2069', () => {
    expect(echoUserText('שלום')).toBe(`${FSI}שלום${PDI}`);
    expect(echoUserText(`${RLO}مرحبا`)).toBe(`${FSI}مرحبا${PDI}`);
  });

  it('GIVEN a long text THEN at most 40 code points, the cut marked, never half a surrogate pair', () => {
    expect(MAX_ECHO_LENGTH).toBe(40);
    expect(echoUserText('x'.repeat(100))).toBe(`${'x'.repeat(39)}…`);
    expect(echoUserText('x'.repeat(40))).toBe('x'.repeat(40));
    const foxes = echoUserText('🦊'.repeat(50));
    expect(foxes).toBe(`${FSI}${'🦊'.repeat(39)}…${PDI}`);
    // Controls do not count against the cap: they are removed first.
    expect(echoUserText(`${RLO.repeat(100)}short`)).toBe('short');
  });

  it('GIVEN stripControls THEN only the invisible characters go', () => {
    expect(stripControls(`se${RLO}Metis`)).toBe('seMetis');
    expect(stripControls('שלום')).toBe('שלום');
  });
});

describe('user text in usage replies', () => {
  it('GIVEN a value with a right-to-left override THEN the reply quotes it without the override', () => {
    const out = usageText(`/apy ${RLO}nioc.exe`);
    expect(out).toContain('Unknown asset "nioc.exe".');
    expect(out).not.toMatch(INVISIBLE);
  });

  it('GIVEN right-to-left text in every kind of echo THEN each is isolated and nothing else is reordered', () => {
    const rtl = `${RLO}שלום`;
    const isolated = `${FSI}שלום${PDI}`;
    expect(usageText(`/apy ${rtl}`)).toContain(`Unknown asset "${isolated}". Known:`);
    expect(usageText(`/simulate amount=${rtl}`)).toContain(`amount must be a number, not "${isolated}"`);
    expect(usageText(`/simulate 1000 duration=${rtl}`)).toContain(`duration "${isolated}" is not valid`);
    expect(usageText(`/simulate 1000 1y seMetis loop daily ${rtl}`)).toContain(`Unexpected "${isolated}".`);
    expect(usageText(`/simulate 1000 ${rtl}`)).toContain(`"${isolated}" fits no option`);
    expect(usageText(`/apy x${RLO}y=1`)).toContain('Unknown asset "xy=1".');
    expect(usageText(`/${rtl}`)).toContain(`Unknown command ${FSI}/שלום${PDI}.`);
  });

  it('GIVEN a long value THEN the echo is capped at 40 characters', () => {
    const out = usageText(`/apy ${'a'.repeat(200)}`);
    expect(out).toContain(`Unknown asset "${'a'.repeat(39)}…".`);
  });

  it('GIVEN the Telegram rendering THEN the isolates survive HTML escaping and no override is sent', () => {
    const reply = handleCommandText(`/apy ${RLO}<b>שלום</b>`, context)!;
    const html = renderTelegramHtml(reply).join('');
    expect(html).toContain(`${FSI}&lt;b&gt;שלום&lt;/b&gt;${PDI}`);
    expect(html).not.toContain(RLO);
  });

  it('GIVEN every command and a value full of controls THEN no usage reply carries a bidi control outside its isolates', () => {
    for (const command of commands) {
      const reply = handleCommandText(`/${command.name} ${RLO}\u202Ax\u200By ${RLO}z`, context);
      if (reply?.kind !== 'usage') continue;
      const words = reply.blocks.map((b) => (b.kind === 'paragraph' ? plainText(b.parts) : '')).join('\n');
      expect(words.replace(/\u2068[^\u2069]*\u2069/gu, ''), command.name).not.toMatch(INVISIBLE);
    }
  });
});
