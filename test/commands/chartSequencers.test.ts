import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleCommandText } from '../../commands/registry.ts';
import { plainText, type Block, type Reply } from '../../src/vocabulary/reply.ts';
import type { HistoryStore } from '../../src/store/historyStore.ts';
import { decodePng } from '../charts/decodePng.ts';
import { sequencerChartContext } from '../helpers/sequencerChartContext.ts';
import { owner, storeWithHourlyReads } from '../helpers/sequencerHistory.ts';
import { context as fixtureContext } from './snapshotFixture.ts';

let store: HistoryStore;
beforeAll(() => {
  store = storeWithHourlyReads();
});
afterAll(() => store.close());

const image = (reply: Reply | undefined) => reply?.blocks.find((b): b is Extract<Block, { kind: 'image' }> => b.kind === 'image');
const words = (reply: Reply | undefined) =>
  (reply?.blocks ?? []).map((b) => (b.kind === 'paragraph' ? plainText(b.parts) : b.kind === 'title' || b.kind === 'note' ? b.text : '')).filter(Boolean).join('\n');
const run = (text: string) => handleCommandText(text, sequencerChartContext(store));

describe('/chart sequencers', () => {
  it('GIVEN stored sequencer reads THEN a 1000×540 stacked chart, the figures and the last block with the data age', () => {
    const reply = run('/chart sequencers');
    expect(reply?.kind).toBe('answer');
    expect(reply?.blocks.map((b) => b.kind)).toEqual(['title', 'image', 'paragraph', 'note']);
    const picture = image(reply)!;
    expect(picture.filename).toBe('chart-sequencers-7d.png');
    expect([decodePng(picture.png).width, decodePng(picture.png).height]).toEqual([1000, 540]);
    const text = words(reply);
    expect(text).toContain('METIS locked by operator — last 7 d');
    expect(text).toContain('By operator at the last read: Artemis 35.0%, 0x4444…4444 34.0%, ENKI 31.0%.');
    expect(text).toContain('last read block 4242, data as of 2025-10-09 08:53 UTC (age 2m) · 168 reads.');
  });

  it('GIVEN a window, in any case THEN it is used', () => {
    expect(image(run('/chart SEQUENCERS 30d'))?.filename).toBe('chart-sequencers-30d.png');
  });

  it('GIVEN no sequencer read yet THEN it says so', () => {
    expect(words(handleCommandText('/chart sequencers', { ...fixtureContext, history: store }))).toBe('No sequencer has been read yet.');
  });
});

describe('/chart <sequencer>', () => {
  it('GIVEN a name, a unique part of it, an id or the owner address THEN that sequencer’s two-panel chart', () => {
    const reply = run('/chart gamma 30d');
    expect(image(reply)?.filename).toBe('chart-seq3-30d.png');
    expect([decodePng(image(reply)!.png).width, decodePng(image(reply)!.png).height]).toEqual([1000, 720]);
    expect(words(reply)).toContain('Sequencer Gamma — locked and reward per day, last 30 d');
    expect(words(run('/chart alph'))).toContain('Alpha: locked: latest 310.00k METIS (31.0% of the base)');
    expect(image(run('/chart 4'))?.filename).toBe('chart-seq4-7d.png');
    expect(image(run(`/chart ${owner(2)}`))?.filename).toBe('chart-seq2-7d.png');
  });

  it('GIVEN a source id THEN the source’s chart still wins: "sequencer" is the APY chart, not a sequencer', () => {
    expect(words(run('/chart sequencer'))).toBe(
      'Not enough history for a 7d chart of Sequencer mining yet: 0 stored points in the window, and a chart needs at least 2.\nThe bot keeps a point every poll cycle; try again later.',
    );
  });

  it('GIVEN a typo THEN the usage line, what it probably meant and every name', () => {
    const reply = run('/chart gama');
    expect(reply?.kind).toBe('usage');
    expect(words(reply)).toBe(
      'Unknown asset "gama". Did you mean Gamma? Known: sequencer, seMetis, eMetis-METIS, sequencers, Alpha, Beta, Gamma, 0x4444…4444, 0x5555…5555.\nUsage: /chart <asset|sequencers|sequencer> [window]',
    );
    expect(words(run('/chart dogecoin'))).toBe('Unknown asset "dogecoin". Known: sequencer, seMetis, eMetis-METIS, sequencers, Alpha, Beta, Gamma, 0x4444…4444, 0x5555…5555.\nUsage: /chart <asset|sequencers|sequencer> [window]');
  });

  it('GIVEN a part of two names THEN both, and a request for the id', () => {
    const reply = run('/chart artemis');
    expect(reply?.kind).toBe('usage');
    expect(words(reply)).toBe('"artemis" matches 2 sequencers: 2 Beta, 3 Gamma. Give the id.');
  });

  it('GIVEN no stored history THEN it says so for sequencers too', () => {
    const { history: _none, ...withoutHistory } = sequencerChartContext(store);
    expect(words(handleCommandText('/chart sequencers', withoutHistory))).toBe('Charts need the stored history, and this bot runs without one.');
  });
});
