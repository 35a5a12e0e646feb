import { describe, expect, it } from 'vitest';
import { plainText, type Reply } from '../../src/vocabulary/reply.ts';
import { apyDropMessage, depegMessage, leverageMessage, rewardMessage, staleMessage } from '../../src/alerts/alertMessages.ts';
import type { LevelTransition } from '../../src/alerts/rules/levelRule.ts';
import { figure } from '../../src/core/figure.ts';

const words = (reply: Reply) => reply.blocks.map((b) => (b.kind === 'paragraph' ? plainText(b.parts) : b.kind === 'note' ? b.text : '')).join('\n');
const fire: LevelTransition = { kind: 'fire', from: 'ok', to: 'warning' };
const recover: LevelTransition = { kind: 'recover', from: 'warning', to: 'ok' };
/** What JavaScript prints for a number left unformatted: exponents with '+' or '-', or a hyphen-minus. */
const RAW = /\de[+-]\d|-\d|NaN|Infinity/;
const NOW = 1_800_000_000_000;
const data = { blockNumber: 10n ** 20n, chainId: 1088, ageSeconds: 1e12 };

describe('alert messages at extreme chain values: every number through the formatters', () => {
  it('GIVEN values far outside any real range THEN scientific or grouped text, never 1e+21, 1e-7 or a hyphen-minus', () => {
    const texts = [
      words(rewardMessage({ label: 'Sequencer', oldRaw: 1n, newRaw: 10n ** 40n, decimals: 18, nominalApr: figure(3e20), rewardPerBlock: figure(1e22), txHash: `0x${'ab'.repeat(32)}`, chainId: 1, blockNumber: 10n ** 20n, blockTime: NOW / 1000, command: '/apy sequencer', now: NOW })),
      words(leverageMessage(fire, { leverage: 1e21, past: 1e-9, changePercent: 5e22, thresholdPercent: 1e16, clearPercent: 1e-9, data, now: NOW })),
      words(leverageMessage(fire, { leverage: 2, past: 2, changePercent: -1e-9, thresholdPercent: 10, clearPercent: 6, data, now: NOW })),
      words(depegMessage(recover, { label: 'x', asset: 'x', quote: 'y', basis: 'spot', price: figure(1e-12), fairValue: figure(1e21), bps: -1e-9, warningBps: 50.5, criticalBps: 200, clearBps: 1e16, data, command: '/apy x', now: NOW })),
      words(apyDropMessage(fire, { label: 'x', metric: '24 h APY', current: -1, average: 1e18, dropPercent: 1e16, dropPoints: 1e-9, clearRatio: 0.6, data, command: '/apy x', now: NOW })),
      words(staleMessage(fire, { label: 'x', ageSeconds: 1e12, staleAfterSeconds: 1e15, lastRead: { blockNumber: 10n ** 30n, chainId: 1, observedAt: 0 }, now: NOW })),
    ];
    // Dates (1970-01-01) carry hyphens by design; every other hyphen before a digit would be a raw minus.
    for (const text of texts) expect(text.replace(/\d{4}-\d{2}-\d{2}/g, 'DATE')).not.toMatch(RAW);
  });
});
