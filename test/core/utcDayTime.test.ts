import { describe, expect, it } from 'vitest';
import { utcDayTime } from '../../src/core/utcDayTime.ts';
import { explorerTxUrl } from '../../src/config/explorerTxUrl.ts';
import { english, translator } from '../../src/i18n/translator.ts';
import { localDateTitle } from '../../src/subscriptions/localTime.ts';

describe('utcDayTime', () => {
  it('writes day, month and UTC clock; the year only when it is not this year', () => {
    expect(utcDayTime(Date.UTC(2026, 11, 2, 14, 5), Date.UTC(2026, 11, 9))).toBe('2 Dec 14:05 UTC');
    expect(utcDayTime(Date.UTC(2026, 0, 31, 0, 0, 59), Date.UTC(2027, 0, 2))).toBe('31 Jan 2026 00:00 UTC');
  });
});

describe('localDateTitle', () => {
  it("gives the zone's local weekday, date and time (Berlin is UTC+1 in December, UTC+2 in July)", () => {
    expect(localDateTitle(english, Date.UTC(2026, 11, 2, 8, 0), 'Europe/Berlin')).toBe('Wed 2 Dec 2026 · 09:00');
    expect(localDateTitle(english, Date.UTC(2026, 6, 1, 22, 30), 'Europe/Berlin')).toBe('Thu 2 Jul 2026 · 00:30');
    expect(localDateTitle(english, Date.UTC(2026, 11, 2, 8, 0), 'UTC')).toBe('Wed 2 Dec 2026 · 08:00');
    // In Chinese: the date as Chinese writes it, the weekday in Chinese, the same local numbers.
    expect(localDateTitle(translator('zh-CN'), Date.UTC(2026, 11, 2, 8, 0), 'Europe/Berlin')).toBe('2026年12月2日 周三 · 09:00');
    expect(localDateTitle(translator('zh-CN'), Date.UTC(2026, 6, 1, 22, 30), 'Europe/Berlin')).toBe('2026年7月2日 周四 · 00:30');
    expect(localDateTitle(translator('zh-CN'), Date.UTC(2027, 0, 3, 23, 0), 'Asia/Shanghai')).toBe('2027年1月4日 周一 · 07:00');
  });
});

describe('explorerTxUrl', () => {
  it('uses chains[].explorer, else the defaults for chains 1 and 1088, else no link', () => {
    expect(explorerTxUrl([], 1, '0xab')).toBe('https://etherscan.io/tx/0xab');
    expect(explorerTxUrl([{ id: 1088 }], 1088, '0xab')).toBe('https://andromeda-explorer.metis.io/tx/0xab');
    expect(explorerTxUrl([{ id: 59902, explorer: 'https://sepolia-explorer.metisdevops.link/' }], 59902, '0xab')).toBe('https://sepolia-explorer.metisdevops.link/tx/0xab');
    expect(explorerTxUrl([{ id: 59902 }], 59902, '0xab')).toBeUndefined();
    expect(explorerTxUrl([{ id: 1, explorer: false }], 1, '0xab')).toBeUndefined();
  });
});
