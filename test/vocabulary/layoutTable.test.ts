import { describe, expect, it } from 'vitest';
import { displayWidth, layoutTable } from '../../src/vocabulary/reply.ts';

describe('layoutTable', () => {
  it('GIVEN Chinese headers and cells THEN columns line up in a monospace block (a Chinese character takes two columns)', () => {
    const lines = layoutTable(
      [
        { header: '来源', align: 'left' },
        { header: '当前 APY', align: 'right' },
      ],
      [
        ['seMetis', '18.20%'],
        ['排序器', '9.50%'],
      ],
    );
    expect(lines).toEqual(['来源     当前 APY', 'seMetis    18.20%', '排序器      9.50%']);
    expect(new Set(lines.map(displayWidth)).size).toBe(1);
  });

  it.each([
    ['seMetis', 7],
    ['排序器', 6],
    ['（默认）', 8],
    ['−130 bps', 8],
    ['', 0],
  ])('GIVEN %j THEN %i columns', (text, columns) => {
    expect(displayWidth(text)).toBe(columns);
  });
});
