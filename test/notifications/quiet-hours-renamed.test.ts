import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  type AccountEvent,
  accountEventRegistry,
  createCommandHandler,
  createInMemoryEventStore,
  decodeCommand,
  decodeEvent,
  decodeStoredAccountEvent,
  history,
  historyLines,
  replay,
} from '../../src/index.js';
import { given } from '../../src/testing/index.js';
import {
  ACCOUNT,
  call,
  cmd,
  configure,
  decider,
  evt,
  historyOf,
  ofType,
  withNumbers,
} from '../calls/fixtures.js';

const NIGHT = { from: '22:00', to: '06:00' };
const RENAMED = 'data.quietHours: renamed to data.sendingHours, the window when notices may be sent';

/** An envelope as a service would post it. */
const posted = (data: unknown) => ({
  type: 'SetQuietHours',
  data,
  metadata: { commandId: 'c-hours', accountId: ACCOUNT, at: '2025-04-21T10:00:00+03:00', actor: 'user-1' },
});

/** Events as a 0.1.0 store kept them: `QuietHoursSet` at version 1 with `quietHours`. */
const rowsOf010 = (events: readonly AccountEvent[]) =>
  events.map((event, i) => {
    const old = event.type === 'QuietHoursSet';
    return {
      type: event.type,
      data: old ? { quietHours: (event.data as { sendingHours: unknown }).sendingHours } : event.data,
      metadata: {
        ...event.metadata,
        eventId: `e-${i + 1}`,
        streamId: `account-${ACCOUNT}`,
        version: i + 1,
        globalPosition: i + 1,
        schemaVersion: old ? 1 : (accountEventRegistry.schemaVersionOf(event.type) ?? 1),
      },
    };
  });

describe('Given the sending hours, the window when notices may be sent', () => {
  it('when SetQuietHours carries sendingHours, then QuietHoursSet records them under that name', () => {
    const set = cmd('SetQuietHours', { sendingHours: NIGHT });
    given(decider, withNumbers())
      .when(set)
      .then([evt('QuietHoursSet', { sendingHours: NIGHT }, set)]);
    expect(replay(historyOf(withNumbers(), set)).notifications.sendingHours).toEqual(NIGHT);
  });

  it('when a command still names the field quietHours, then it is refused saying what to send instead', () => {
    const decoded = decodeCommand(posted({ quietHours: NIGHT }));
    expect(isLeft(decoded)).toBe(true);
    if (!isLeft(decoded)) return;
    expect(decoded.left.issues).toHaveLength(1);
    expect(decoded.left.issues[0]?.path).toBe('data.quietHours');
    expect(decoded.left.issues[0]?.message).toBe(RENAMED);
    // …also beside the new name, and when clearing.
    for (const data of [{ quietHours: null }, { quietHours: NIGHT, sendingHours: NIGHT }]) {
      const again = decodeCommand(posted(data));
      expect(isLeft(again) && again.left.issues.map((issue) => issue.path)).toEqual(['data.quietHours']);
    }
  });

  it('when the handler gets the old field, then nothing is recorded and the same id may be sent again', async () => {
    const eventStore = createInMemoryEventStore<AccountEvent>();
    const handler = createCommandHandler({ eventStore });
    expect(isRight(await handler.execute(cmd('OpenAccount', { tariffId: 'basic' })))).toBe(true);
    const refused = await handler.handleUnknown(posted({ quietHours: NIGHT }))();
    expect(isLeft(refused) && refused.left._tag).toBe('ValidationError');
    expect(isLeft(refused) && refused.left.message).toContain(RENAMED);
    const fixed = await handler.handleUnknown(posted({ sendingHours: NIGHT }))();
    expect(isRight(fixed) && fixed.right.events.map((e) => e.data)).toEqual([{ sendingHours: NIGHT }]);
  });

  it('when the new field is malformed, then the path names sendingHours', () => {
    for (const [data, path] of [
      [{ sendingHours: { from: '9:00', to: '20:00' } }, 'data.sendingHours.from'],
      [{ sendingHours: { from: '09:00', to: '24:00' } }, 'data.sendingHours.to'],
      [{}, 'data.sendingHours'],
    ] as const) {
      const decoded = decodeCommand(posted(data));
      expect(isLeft(decoded) && decoded.left.issues.map((issue) => issue.path)).toContain(path);
    }
  });
});

describe('Given a QuietHoursSet event stored by 0.1.0 (schema version 1, field quietHours)', () => {
  const stored = {
    type: 'QuietHoursSet',
    data: { quietHours: NIGHT },
    metadata: {
      at: '2025-04-21T10:00:00+03:00',
      commandId: 'c-1',
      actor: 'user-1',
      eventId: 'c-1/0',
      streamId: `account-${ACCOUNT}`,
      version: 2,
      globalPosition: 2,
      schemaVersion: 1,
    },
  };

  it('when it is read, then it comes as version 2 with the same window named sendingHours', () => {
    expect(accountEventRegistry.schemaVersionOf('QuietHoursSet')).toBe(2);
    const read = decodeStoredAccountEvent(stored);
    expect(isRight(read) && read.right.data).toEqual({ sendingHours: NIGHT });
    expect(isRight(read) && read.right.metadata.schemaVersion).toBe(2);
    const cleared = decodeStoredAccountEvent({ ...stored, data: { quietHours: null } });
    expect(isRight(cleared) && cleared.right.data).toEqual({ sendingHours: null });
    const decoded = decodeEvent({ type: stored.type, data: stored.data, metadata: { ...stored.metadata } });
    expect(isRight(decoded) && decoded.right.data).toEqual({ sendingHours: NIGHT });
  });

  it('when a version-1 payload is malformed, then the error names the field as read today', () => {
    const read = decodeStoredAccountEvent({ ...stored, data: { quietHours: { from: '22:00' } } });
    expect(isLeft(read) && read.left.issues.map((issue) => issue.path)).toContain('data.sendingHours.to');
  });

  it('when a current payload is read, then it is left as it is', () => {
    const current = {
      ...stored,
      data: { sendingHours: NIGHT },
      metadata: { ...stored.metadata, schemaVersion: 2 },
    };
    const read = decodeStoredAccountEvent(current);
    expect(isRight(read) && read.right.data).toEqual({ sendingHours: NIGHT });
    // A store that stamped version 1 on a current payload does not lose it either.
    const mislabelled = decodeStoredAccountEvent({ ...current, metadata: stored.metadata });
    expect(isRight(mislabelled) && mislabelled.right.data).toEqual({ sendingHours: NIGHT });
  });

  it('when the 0.1.0 log is loaded, then a call at noon defers its notice to 22:00 and the history reads it', async () => {
    const events = historyOf(
      withNumbers(),
      cmd('PurchaseSmsPackage', { size: 500 }),
      configure('incoming-missed-call', 'Мы перезвоним', { sms: true, telegram: false }),
      cmd('SetQuietHours', { sendingHours: NIGHT }),
    );
    const rows = rowsOf010(events);
    expect(rows.filter((row) => row.metadata.schemaVersion === 1 && 'quietHours' in row.data)).toHaveLength(
      1,
    );
    const eventStore = createInMemoryEventStore<AccountEvent>({ registry: accountEventRegistry, rows });
    const handler = createCommandHandler({ eventStore });
    const handled = await handler.execute(call('call-1', '2025-04-22T12:00:00+03:00'));
    expect(isRight(handled)).toBe(true);
    if (!isRight(handled)) return;
    const sent = ofType(handled.right.events, 'NotificationSent');
    expect(sent.map((e) => [e.data.sendAt, e.data.deferred])).toEqual([
      ['2025-04-22T22:00:00.000+03:00', true],
    ]);

    const read = await eventStore.readStream(`account-${ACCOUNT}`)();
    expect(isRight(read)).toBe(true);
    if (!isRight(read)) return;
    const lines = historyLines(history(read.right), { language: 'en' }).map((line) => line.text);
    expect(lines).toContain('Notices are sent from 22:00 to 06:00');
  });
});
