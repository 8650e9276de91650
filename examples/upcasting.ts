/**
 * Upgrading an event's schema without touching the events already stored: an upcaster turns
 * data written at version `v` into version `v + 1` when it is read. Embedded in
 * docs/upgrading-events.md and run by test/examples/upcasting.test.ts.
 *
 * The story: `VisitCardPeriodSet` once carried `{ direction, period: "3m" }` (version 1); it now
 * carries `{ direction, months: 3 }` (version 2). Old rows stay as they are.
 * @module
 */
import * as t from 'io-ts';
import {
  type AccountEvent,
  accountEventCodecs,
  createInMemoryEventStore,
  createPayloadRegistry,
  type EventDefinition,
  type Upcaster,
} from '../src/index.js';

// #region upcaster
/** The old shape, only to recognise it. */
const VisitCardPeriodSetV1 = t.type({ direction: t.string, period: t.string });

/** Version 1 → 2: `period: "3m"` becomes `months: 3`. */
export const visitCardPeriodV1toV2: Upcaster = (data) =>
  VisitCardPeriodSetV1.is(data) && /^\d+m$/.test(data.period)
    ? { direction: data.direction, months: Number.parseInt(data.period, 10) }
    : data; // left as it is: the current codec then reports what is wrong, with its path
// #endregion upcaster

// #region registry
/** The account's event registry with `VisitCardPeriodSet` at schema version 2. */
export const registry = createPayloadRegistry({
  ...Object.fromEntries(
    Object.entries(accountEventCodecs).map(([type, codec]): [string, EventDefinition] => [type, { codec }]),
  ),
  VisitCardPeriodSet: {
    codec: accountEventCodecs.VisitCardPeriodSet,
    schemaVersion: 2,
    upcasters: { 1: visitCardPeriodV1toV2 },
  },
});
// #endregion registry

/** A row as a store kept it before the change. */
export const oldRow = (period: string) => ({
  type: 'VisitCardPeriodSet',
  data: { direction: 'incoming', period },
  metadata: {
    at: '2024-11-02T12:00:00+03:00',
    commandId: 'cmd-7',
    actor: 'admin',
    eventId: 'cmd-7/0',
    streamId: 'account-acme',
    version: 1,
    globalPosition: 1,
    schemaVersion: 1,
  },
});

/** Reads old rows through a store that decodes with the registry. */
export const readOldRows = async (rows: readonly unknown[]) => {
  // #region read
  const eventStore = createInMemoryEventStore<AccountEvent>({ registry, rows });
  const events = await eventStore.readStream('account-acme')();
  // Right: [{ type: 'VisitCardPeriodSet', data: { direction: 'incoming', months: 3 },
  //           metadata: { …, schemaVersion: 2 } }]
  // A row the upcaster cannot fix comes back as a StoreError naming the stream, version and path:
  // Left: { code: 'MalformedEvent', message: 'event account-acme@1 does not decode: data.months: …' }
  // #endregion read
  return events;
};
