import { describe, expect, it } from 'vitest';
import { plainText, type Reply } from '../../commands/reply.ts';
import { apyDropMessage, depegMessage, leverageMessage, rewardMessage, staleMessage } from '../../src/alerts/alertMessages.ts';
import type { LevelTransition } from '../../src/alerts/rules/levelRule.ts';

const words = (reply: Reply) => reply.blocks.map((b) => (b.kind === 'paragraph' ? plainText(b.parts) : '')).join('\n');
const fire: LevelTransition = { kind: 'fire', from: 'ok', to: 'warning' };
const recover: LevelTransition = { kind: 'recover', from: 'warning', to: 'ok' };
/** What JavaScript prints for a number left unformatted: exponents with '+' or '-', or a hyphen-minus. */
const RAW = /\de[+-]\d|-\d|NaN|Infinity/;

describe('alert messages: every number through the formatters', () => {
  it('GIVEN ordinary values THEN the same words as before', () => {
    expect(words(rewardMessage('Sequencer', 0.02, 0.015, 0.1183))).toContain('rewardPerBlock 0.02 → 0.015 METIS per L2 block. Nominal APR now 11.83%.');
    expect(words(leverageMessage(fire, 1.2346, 12.34))).toContain('1.235×, +12.3% over 24 h.');
    expect(words(leverageMessage(fire, 1.1, -10.04))).toContain('1.100×, −10.0% over 24 h.');
    expect(words(depegMessage(fire, 'eMetis/METIS', -80, 'spot', 50, 200, 30))).toContain('Trades −80 bps from fair value on the spot price (warning at 50 bps, critical at 200 bps).');
    // 0.09 against 0.12: 25 % and 3 points under.
    expect(words(apyDropMessage(fire, 'seMetis', 0.09, 0.12))).toContain('APY 9.00%, 25.0% (3.00 points) below its 7 d average of 12.00%.');
  });

  it('GIVEN extreme chain values THEN scientific or grouped text, never 1e+21, 1e-7 or a hyphen-minus', () => {
    const texts = [
      words(rewardMessage('Sequencer', 1e-7, 1e21, 3e20)),
      words(leverageMessage(fire, 1e21, 5e22)),
      words(leverageMessage(fire, 2, -1e-9)),
      words(depegMessage(recover, 'x', -1e-9, 'spot', 50.5, 200, 1e16)),
      words(apyDropMessage(fire, 'x', -1, 1e18)),
      words(staleMessage(fire, 'x', 1e12)),
    ];
    for (const text of texts) expect(text).not.toMatch(RAW);
    expect(texts[0]).toContain('rewardPerBlock 1e−7 → 1e21 METIS per L2 block.');
    expect(texts[1]).toContain('1.000e21×, +5.00e22% over 24 h.');
    expect(texts[3]).toContain('Back within 1.00e16 bps of fair value');
    expect(texts[5]).toContain('last good read 16,666,666,667 min ago');
  });
});
