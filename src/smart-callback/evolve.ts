/**
 * Evolutions of smart callback. The latest window per client wins; a routed call, an answered
 * call between its operator and client, or the removal of its МКН closes it, and an expired one
 * is dropped when a call finds it.
 * @module
 */
import type { Evolutions } from '../account/decision.js';
import { deleteEntry, emptyChunkedMap, getEntry, setEntry } from '../kernel/collections/chunked-map.js';
import { eventInstantMs } from '../kernel/event-instant.js';
import type { smartCallbackEvents } from './events.js';

type Owned = keyof typeof smartCallbackEvents;

/** Evolutions of this capability, by event type. */
export const smartCallbackEvolutions: Evolutions<Owned> = {
  SmartCallbackEnabled: (draft, { data }) => {
    const option = draft.smartCallback;
    option.enabled = true;
    option.windowMinutes = data.windowMinutes;
    option.monthlyFee = data.monthlyFee;
  },
  SmartCallbackDisabled: (draft) => {
    const option = draft.smartCallback;
    option.enabled = false;
    option.monthlyFee = 0;
    option.windows = emptyChunkedMap();
  },
  SmartCallbackWindowSet: (draft, { data }) => {
    draft.smartCallback.windowMinutes = data.minutes;
  },
  SmartCallbackWindowOpened: (draft, { data, metadata }) => {
    setEntry(draft.smartCallback.windows, data.client, {
      operator: data.operator,
      callId: data.callId,
      openedAtMs: eventInstantMs(data.openedAt ?? metadata.at),
      expiresAtMs: eventInstantMs(data.expiresAt),
      multichannelNumber: data.multichannelNumber,
    });
  },
  SmartCallbackWindowClosed: (draft, { data }) => {
    const windows = draft.smartCallback.windows;
    // Only the window the event names: a later one for the same client stays.
    if (getEntry(windows, data.client)?.callId === data.callId) deleteEntry(windows, data.client);
  },
  IncomingCallRouted: (draft, { data }) => {
    if (data.operator !== null || data.reason === 'window-expired')
      deleteEntry(draft.smartCallback.windows, data.client);
  },
};
