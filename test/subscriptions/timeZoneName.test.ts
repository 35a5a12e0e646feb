import { afterEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../commands/command.ts';
import { handleCommandText } from '../../commands/registry.ts';
import { renderText } from '../../src/platforms/renderText.ts';
import { openSqliteStore } from '../../src/store/sqliteStore.ts';
import type { Storage } from '../../src/store/storage.ts';
import { localTime } from '../../src/subscriptions/localTime.ts';
import { currentTimeZoneName, resolveTimeZone } from '../../src/subscriptions/timeZoneName.ts';
import { context as base } from '../commands/snapshotFixture.ts';

describe('resolveTimeZone', () => {
  it.each([
    ['Asia/Kolkata', 'Asia/Kolkata', 'Asia/Kolkata'],
    ['asia/kolkata', 'Asia/Kolkata', 'Asia/Kolkata'],
    ['Asia/Calcutta', 'Asia/Kolkata', 'Asia/Calcutta'],
    ['Europe/Kyiv', 'Europe/Kyiv', 'Europe/Kyiv'],
    ['Europe/Kiev', 'Europe/Kyiv', 'Europe/Kiev'],
    ['Asia/Ho_Chi_Minh', 'Asia/Ho_Chi_Minh', 'Asia/Ho_Chi_Minh'],
    ['Asia/Saigon', 'Asia/Ho_Chi_Minh', 'Asia/Saigon'],
    ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['europe/berlin', 'Europe/Berlin', 'Europe/Berlin'],
    ['utc', 'UTC', 'UTC'],
    ['Etc/UTC', 'UTC', 'Etc/UTC'],
  ])('GIVEN %s THEN it is stored as %s and echoed as %s', (input, canonical, typed) => {
    expect(resolveTimeZone(input)).toEqual({ canonical, typed });
  });

  it('GIVEN a name that is no zone THEN undefined', () => {
    for (const bad of ['Mars/Olympus', 'Asia', '../etc/passwd', '', 'Europe/Berlin; DROP']) expect(resolveTimeZone(bad)).toBeUndefined();
  });

  it('GIVEN every zone the runtime lists THEN its current name is a zone on the same clock', () => {
    const instant = Date.UTC(2026, 6, 1, 12, 0);
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const canonical = currentTimeZoneName(zone);
      expect(localTime(instant, canonical), `${zone} → ${canonical}`).toEqual(localTime(instant, zone));
      // Stable: the current name resolves to itself.
      expect(currentTimeZoneName(canonical)).toBe(canonical);
    }
  });
});

describe('/subscribe digest with a time zone', () => {
  let store: Storage | undefined;
  afterEach(() => store?.close());

  function chatContext(): CommandContext {
    store = openSqliteStore(':memory:');
    const subscriptions = store.subscriptions;
    return {
      ...base,
      chat: { platform: 'telegram', chatId: '42', userId: '42', kind: 'private', isAdmin: () => true },
      subscriptions: { store: subscriptions, openAlerts: () => [], thresholds: () => ({}) as never, heldReadings: () => [], digestDefaults: { time: '09:00', timeZone: 'UTC' } },
    };
  }

  it('GIVEN Asia/Kolkata THEN the answer echoes Asia/Kolkata (not Asia/Calcutta) and /alerts shows it', () => {
    const context = chatContext();
    expect(renderText(handleCommandText('/subscribe digest 08:00 Asia/Kolkata', context)!)).toContain('daily digest at 08:00 Asia/Kolkata.');
    expect(context.subscriptions!.store.forChat('telegram', '42')[0]!.timeZone).toBe('Asia/Kolkata');
    expect(renderText(handleCommandText('/alerts', context)!)).toContain('Digest: 08:00 Asia/Kolkata');
  });

  it('GIVEN the legacy Europe/Kiev THEN it is echoed as typed and stored as Europe/Kyiv', () => {
    const context = chatContext();
    expect(renderText(handleCommandText('/subscribe digest 07:30 europe/kiev', context)!)).toContain('daily digest at 07:30 Europe/Kiev.');
    expect(context.subscriptions!.store.forChat('telegram', '42')[0]!.timeZone).toBe('Europe/Kyiv');
  });
});
