/**
 * Stored events of 0.1.0 still replay: payloads that changed shape are upcast on read, and a
 * history written by 0.1.0 folds into a state the rules of this version work on.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/account/decider.js';
import {
  type AccountEvent,
  accountEventRegistry,
  decodeStoredAccountEvent,
} from '../../src/account/events.js';
import { BASIC_TARIFF, defaultCatalogue } from '../../src/catalogue/default-catalogue.js';
import { getEntry } from '../../src/kernel/collections/chunked-map.js';

let version = 0;
/** A row as 0.1.0 stored it: schema version 1 for every type. */
const row = (type: string, data: Record<string, unknown>, at: string) => {
  version++;
  return {
    type,
    data,
    metadata: {
      at,
      commandId: `old-${version}`,
      actor: 'user-1',
      eventId: `old-${version}/0`,
      streamId: 'account-acc-1',
      version,
      globalPosition: version,
      schemaVersion: 1,
    },
  };
};

const OPENED = '2025-04-21T10:00:00+03:00';
const rows0_1_0 = () => {
  version = 0;
  return [
    row(
      'AccountOpened',
      {
        accountId: 'acc-1',
        tariff: { tariffId: BASIC_TARIFF, ...defaultCatalogue.tariffs[BASIC_TARIFF] },
        timeZone: 'Europe/Moscow',
        openedAt: OPENED,
        periodStart: OPENED,
        paidUntil: '2025-05-21T10:00:00+03:00',
        autoRenewal: true,
      },
      OPENED,
    ),
    row('MultichannelNumberAdded', { number: '+74951234567', main: true, extraMonthlyFee: 0 }, OPENED),
    row(
      'NumberAdded',
      { number: '+79161234567', kind: 'regular', fullName: 'Иванова Анна', department: '' },
      OPENED,
    ),
    row(
      'NumberOptionEnabled',
      {
        option: 'callerId',
        numbers: ['+79161234567'],
        skipped: [],
        monthlyFee: 10_000,
        callerIdNumber: '+74951234567',
      },
      OPENED,
    ),
    row('SmartCallbackEnabled', { windowMinutes: 60, monthlyFee: 40_000 }, OPENED),
    row(
      'CallRegistered',
      {
        callId: 'call-1',
        direction: 'outgoing',
        line: 'direct',
        multichannelNumber: null,
        client: '+79123456789',
        operator: '+79161234567',
        outcome: 'missed',
      },
      '2025-04-22T12:00:00+03:00',
    ),
    row(
      'SmartCallbackWindowOpened',
      {
        client: '+79123456789',
        operator: '+79161234567',
        callId: 'call-1',
        expiresAt: '2025-04-22T10:00:00.000Z',
      },
      '2025-04-22T12:00:00+03:00',
    ),
    row(
      'SubscriptionRenewed',
      { periodStart: '2025-05-21T10:00:00+03:00', paidUntil: '2025-06-21T10:00:00+03:00', manual: false },
      '2025-05-21T10:00:00+03:00',
    ),
  ];
};

const decodeAll = (rows: readonly unknown[]): AccountEvent[] =>
  rows.map((raw) => {
    const decoded = decodeStoredAccountEvent(raw);
    if (isLeft(decoded)) throw new Error(decoded.left.message);
    return decoded.right as unknown as AccountEvent;
  });

describe('events of 0.1.0', () => {
  it('changed payloads are upcast on read to the current shape and schema version', () => {
    const events = decodeAll(rows0_1_0());
    const byType = (type: string) => events.find((e) => e.type === type);
    expect(byType('CallRegistered')?.data).toMatchObject({ startedAt: null, endedAt: null });
    expect(byType('SmartCallbackWindowOpened')?.data).toMatchObject({
      openedAt: null,
      multichannelNumber: null,
    });
    expect(byType('SubscriptionRenewed')?.data).toMatchObject({ manual: false, restarted: false });
    for (const type of ['CallRegistered', 'SmartCallbackWindowOpened', 'SubscriptionRenewed']) {
      expect(accountEventRegistry.schemaVersionOf(type)).toBe(2);
      expect(
        (byType(type)?.metadata as unknown as { schemaVersion?: number } | undefined)?.schemaVersion,
      ).toBe(2);
    }
  });

  it('a 0.1.0 history replays: the window opens when its event was written, the call counts when reported', () => {
    const state = replay(decodeAll(rows0_1_0()));
    const window = getEntry(state.smartCallback.windows, '+79123456789');
    expect(window).toEqual({
      operator: '+79161234567',
      callId: 'call-1',
      openedAtMs: Date.parse('2025-04-22T12:00:00+03:00'),
      expiresAtMs: Date.parse('2025-04-22T10:00:00.000Z'),
      multichannelNumber: null,
    });
    expect(getEntry(state.calls.clients, '+79123456789')?.lastOutgoingMs).toBe(
      Date.parse('2025-04-22T12:00:00+03:00'),
    );
    expect(state.tariff.subscription).toMatchObject({
      anchor: OPENED,
      periodStart: '2025-05-21T10:00:00+03:00',
      paidUntil: '2025-06-21T10:00:00+03:00',
    });
    expect(state.timeline.latestAt).toBe('2025-05-21T10:00:00+03:00');
  });

  it('a row stamped with the current version but the old payload is refused naming the missing field', () => {
    const [old] = rows0_1_0().filter((r) => r.type === 'SubscriptionRenewed');
    if (old === undefined) throw new Error('no renewal row');
    const mislabelled = { ...old, metadata: { ...old.metadata, schemaVersion: 2 } };
    const decoded = decodeStoredAccountEvent(mislabelled);
    expect(isLeft(decoded) ? decoded.left.message : 'decoded').toMatch(/data\.restarted/);
  });
});
