/**
 * Every account event: definitions by type (codec, schema version, upcasters), the
 * `AccountEvent` union, and `decodeEvent` for untrusted input.
 * @module
 */
import { type Either, isLeft, right } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { callsEvents } from '../calls/events.js';
import { Id, Instant } from '../kernel/codecs.js';
import type { Event, EventMetadata, StoredEvent } from '../kernel/envelope.js';
import type { ValidationError } from '../kernel/errors.js';
import { createPayloadRegistry, type EventDefinition } from '../kernel/registry.js';
import { decodeStoredEvent } from '../kernel/stored-event.js';
import { decodeWith } from '../kernel/validation.js';
import { notificationsEvents } from '../notifications/events.js';
import { numbersEvents } from '../numbers/events.js';
import { recordingEvents } from '../recording/events.js';
import { smartCallbackEvents } from '../smart-callback/events.js';
import { smsEvents } from '../sms/events.js';
import { storageEvents } from '../storage/events.js';
import { tariffEvents } from '../tariff/events.js';
import { eventUpcasters } from './upcasters.js';

/** Payload codecs of every account event, by type (current schema). */
export const accountEventCodecs = {
  ...tariffEvents,
  ...numbersEvents,
  ...recordingEvents,
  ...storageEvents,
  ...smsEvents,
  ...notificationsEvents,
  ...smartCallbackEvents,
  ...callsEvents,
};

type Codecs = typeof accountEventCodecs;

/** The union of event type names (`'AccountOpened' | 'TariffChanged' | …`). */
export type AccountEventType = keyof Codecs;

/** The payload of an event of one type. */
export type AccountEventData<K extends AccountEventType> = t.TypeOf<Codecs[K]>;

/** The event whose `type` is `T`, with its payload typed. */
export type AccountEventOf<K extends AccountEventType> = Event<K, AccountEventData<K>>;

/** Any account event (as decided; stored ones are `StoredEvent<AccountEvent>`). */
export type AccountEvent = { [K in AccountEventType]: AccountEventOf<K> }[AccountEventType];

/** Any account event as kept by a store. */
export type StoredAccountEvent = StoredEvent<AccountEvent>;

/** Every event type name, in the registry's order (the order a log error lists them in). */
export const accountEventTypes = Object.keys(accountEventCodecs) as AccountEventType[];

/** The registry of event payloads, with schema versions and upcasters. */
export const accountEventRegistry = createPayloadRegistry(
  Object.fromEntries(
    Object.entries(accountEventCodecs).map(([type, codec]): [string, EventDefinition] => {
      const upcasting = eventUpcasters[type];
      return [type, upcasting === undefined ? { codec } : { codec, ...upcasting }];
    }),
  ),
);

const DecidedMetadata = t.type({ at: Instant, commandId: Id, actor: Id }, 'EventMetadata');
/** The envelope of a decided event (`data` is checked by its type's codec); schema walkers read it. */
export const DecidedEnvelope = t.type(
  { type: t.string, data: t.unknown, metadata: DecidedMetadata },
  'AccountEvent',
);
const OptionalVersion = t.partial({ schemaVersion: t.unknown });

/**
 * Validates untrusted input into an {@link AccountEvent}. If `metadata.schemaVersion` is given,
 * older payloads are upcast to the current shape. Extra metadata (a stored event's position
 * fields) is dropped; use {@link decodeStoredAccountEvent} to keep it.
 */
export const decodeEvent = (input: unknown): Either<ValidationError, AccountEvent> => {
  // The payload is copied and checked once, by the registry.
  const envelope = decodeWith(DecidedEnvelope, input, '', 'data');
  if (isLeft(envelope)) return envelope;
  const { type, data, metadata } = envelope.right;
  const version = OptionalVersion.is(metadata)
    ? (metadata as { schemaVersion?: unknown }).schemaVersion
    : undefined;
  const payload = accountEventRegistry.decodeData(
    type,
    data,
    version === undefined ? undefined : (version as number),
  );
  if (isLeft(payload)) return payload;
  const decided: EventMetadata = { at: metadata.at, commandId: metadata.commandId, actor: metadata.actor };
  return right({ type, data: payload.right, metadata: decided } as AccountEvent);
};

/** Validates a stored event (envelope with position fields, and payload, upcast). */
export const decodeStoredAccountEvent = (input: unknown): Either<ValidationError, StoredAccountEvent> =>
  decodeStoredEvent<AccountEvent>(accountEventRegistry, input);

/** io-ts codec of {@link AccountEvent} (decoding is {@link decodeEvent}: lookup by type). */
export const AccountEvent = new t.Type<AccountEvent, AccountEvent, unknown>(
  'AccountEvent',
  (u): u is AccountEvent => !isLeft(decodeEvent(u)),
  (u, c) => {
    const decoded = decodeEvent(u);
    return isLeft(decoded)
      ? t.failures(
          decoded.left.issues.map((issue) => ({ value: issue.actual, context: c, message: issue.message })),
        )
      : t.success(decoded.right);
  },
  t.identity,
);
