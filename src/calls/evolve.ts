/**
 * Evolutions of registered calls: the client's record remembers the call (its id, and its
 * instant per direction for the visit card; incoming direct calls do not count).
 * @module
 */
import type { Evolutions } from '../account/decision.js';
import { eventInstantMs } from '../kernel/event-instant.js';
import { clientRecordFor, latest, rememberCallId } from './client-record.js';
import type { callsEvents } from './events.js';

type Owned = keyof typeof callsEvents;

/** Evolutions of this capability, by event type. */
export const callsEvolutions: Evolutions<Owned> = {
  CallRegistered: (draft, { data, metadata }) => {
    const calls = draft.calls;
    calls.registered++;
    const record = clientRecordFor(calls.clients, data.client);
    rememberCallId(record, data.callId);
    // One parse per call, of the instant the call counts as made.
    const atMs = eventInstantMs(data.startedAt ?? data.endedAt ?? metadata.at);
    if (data.direction === 'outgoing') record.lastOutgoingMs = latest(record.lastOutgoingMs, atMs);
    else if (data.line === 'multichannel') record.lastIncomingMs = latest(record.lastIncomingMs, atMs);
  },
};
