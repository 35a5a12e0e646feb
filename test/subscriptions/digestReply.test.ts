import { describe, expect, it } from 'vitest';
import { figure } from '../../src/core/figure.ts';
import type { Snapshot } from '../../src/figures/figures.ts';
import type { OpenAlert } from '../../src/alerts/openAlert.ts';
import { renderDiscord } from '../../src/platforms/renderDiscord.ts';
import { renderTelegramHtml } from '../../src/platforms/renderTelegramHtml.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import { digestBody, digestReply } from '../../src/subscriptions/digestReply.ts';
import { NOW, snapshot as fixture } from '../commands/snapshotFixture.ts';
import { sequencersView } from '../../src/figures/sequencersView.ts';
import { config, source, storeWithHistory, tower } from '../helpers/sequencerHistory.ts';

/**
 * The digest of the snapshot fixture at NOW (Fri 15 Jan 2027 08:00 UTC, 09:00 in Berlin): golden texts on every
 * platform. The sequencer's nominal APY is 17.078 %, unchanged over 24 h; 7 d ago it was 16.00 %: the snapshot
 * says +1.078 pp. seMetis: 24 h APY 12.74 %, −0.01 pp over 24 h, no 7 d change (the fixture has none). The pool is 37 bps under
 * fair on spot (no TWAP). Reads: 2 min ago, seMetis 1 h ago (stale after 15 min).
 */
const snapshot: Snapshot = {
  ...fixture,
  sources: fixture.sources.map((s) => (s.figures?.kind === 'sequencer' ? { ...s, figures: { ...s.figures, nominalApyChange7d: figure(0.17078 - 0.16) } } : s)),
};

describe('the daily digest (golden)', () => {
  const open: OpenAlert[] = [{ rule: 'depeg', sourceId: 'eMetis-METIS', level: 'warning' }];
  const reply = () => digestReply(digestBody(snapshot, NOW), { nowMs: NOW, timeZone: 'Europe/Berlin' }, open);

  it('on the console: what each number is, why one is missing, local date and zone in the title, the data age', () => {
    expect(renderText(reply())).toBe(
      [
        'DAILY DIGEST · FRI 15 JAN 2027 · 09:00 EUROPE/BERLIN',
        '',
        '• Sequencer mining: nominal APY 17.08% · Δ24h ±0.00 pp · Δ7d +1.08 pp',
        '• seMetis <vault> & co: 24 h APY 12.74% · Δ24h −0.01 pp · Δ7d — (history < 7 d) (stale: read 1 h ago)',
        '• eMetis/METIS: depeg spot −37 bps',
        '• Tower leverage: 1.119× · Δ24h +0.0021×',
        '',
        'Open alerts: depeg eMetis-METIS (warning)',
        '',
        '(Data: read 2 min ago, the oldest 1 h ago (seMetis <vault> & co). Δ: change in percentage points (pp) over 24 h and 7 d.)',
      ].join('\n'),
    );
  });

  it('on Telegram (HTML, the label escaped) and Discord (embed title, description, footer)', () => {
    expect(renderTelegramHtml(reply())).toEqual([
      [
        '<b>Daily digest · Fri 15 Jan 2027 · 09:00 Europe/Berlin</b>',
        '',
        '• <b>Sequencer mining</b>: nominal APY 17.08% · Δ24h ±0.00 pp · Δ7d +1.08 pp',
        '• <b>seMetis &lt;vault&gt; &amp; co</b>: 24 h APY 12.74% · Δ24h −0.01 pp · Δ7d — (history &lt; 7 d) (stale: read 1 h ago)',
        '• <b>eMetis/METIS</b>: depeg spot −37 bps',
        '• <b>Tower leverage</b>: 1.119× · Δ24h +0.0021×',
        '',
        '<b>Open alerts</b>: depeg eMetis-METIS (warning)',
        '',
        '<i>Data: read 2 min ago, the oldest 1 h ago (seMetis &lt;vault&gt; &amp; co). Δ: change in percentage points (pp) over 24 h and 7 d.</i>',
      ].join('\n'),
    ]);
    const [message] = renderDiscord(reply());
    expect(message!.embeds![0]).toMatchObject({
      title: 'Daily digest · Fri 15 Jan 2027 · 09:00 Europe/Berlin',
      description: [
        '• **Sequencer mining**: nominal APY 17.08% · Δ24h ±0.00 pp · Δ7d +1.08 pp',
        '• **seMetis \\<vault> & co**: 24 h APY 12.74% · Δ24h −0.01 pp · Δ7d — (history \\< 7 d) (stale: read 1 h ago)',
        '• **eMetis/METIS**: depeg spot −37 bps',
        '• **Tower leverage**: 1.119× · Δ24h +0.0021×',
        '',
        '**Open alerts**: depeg eMetis-METIS (warning)',
      ].join('\n'),
      footer: { text: 'Data: read 2 min ago, the oldest 1 h ago (seMetis <vault> & co). Δ: change in percentage points (pp) over 24 h and 7 d.' },
    });
  });

  it('in UTC and in summer: the title follows the zone (Berlin is UTC+2 in July)', () => {
    const body = digestBody(snapshot, NOW);
    expect(renderText(digestReply(body, { nowMs: NOW, timeZone: 'UTC' }, [])).split('\n')[0]).toBe('DAILY DIGEST · FRI 15 JAN 2027 · 08:00 UTC');
    expect(renderText(digestReply(body, { nowMs: Date.UTC(2027, 6, 1, 7, 0), timeZone: 'Europe/Berlin' }, [])).split('\n')[0]).toBe('DAILY DIGEST · THU 1 JUL 2027 · 09:00 EUROPE/BERLIN');
  });
});

describe('the daily digest with the sequencers read', () => {
  it('GIVEN who runs the base THEN one line: LST protocols each named, independent sequencers, the rooted ratio', () => {
    const store = storeWithHistory();
    const sequencers = sequencersView({ config, source, observation: store.latestObservation('sequencer')!, store, tower })!;
    const text = renderText(digestReply(digestBody({ ...fixture, sequencers }, NOW * 1000), { nowMs: NOW * 1000, timeZone: 'UTC' }, []));
    // Base 1,000,000: ENKI runs 310k (31.0 %), Artemis 200k + 150k exiting (35.0 %), independent 340k (34.0 %).
    // Rooted = claims 600k ÷ (1,000k − 310k − 350k run by the issuers) = 600 ÷ 340 = 1.765.
    expect(text).toContain('Base run by: LST protocols 66.0% (ENKI 31.0%, Artemis 35.0%), independent sequencers 34.0% · rooted 1.765');
    store.close();
  });
});
