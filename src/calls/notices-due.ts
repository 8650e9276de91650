/**
 * Which notification scenarios a registered call fires: missed-call and unreached notices held
 * back within their suppression windows, visit cards once per period.
 * @module
 */
import type { AccountState } from '../account/state.js';
import type { DeepReadonly } from '../kernel/decider.js';
import type { Scenario, SuppressibleScenario } from '../notifications/scenario.js';
import type { ClientRecord } from './state.js';
import { isFirstContact } from './visit-card.js';

/**
 * Outcomes that mean the client was not reached: nobody answered (`missed`), the line was busy,
 * the call was rejected, or it failed technically. Only `answered` is a conversation.
 */
export const isUnanswered = (outcome: string): boolean => outcome !== 'answered';

/** The call as the scenarios see it. */
export interface CallForNotices {
  readonly direction: 'incoming' | 'outgoing';
  readonly line: 'multichannel' | 'direct';
  readonly outcome: string;
}

/** A scenario due for a call, and whether the suppression window holds it back. */
export interface DueNotice {
  readonly scenario: Scenario;
  readonly suppressed: boolean;
}

const isOn = (state: AccountState, scenario: Scenario): boolean => {
  const settings = state.notifications.scenarios[scenario];
  return settings.sms || settings.telegram;
};

/** One missed-call / unreached notice per client per scenario within that scenario's window. */
const isSuppressed = (
  state: AccountState,
  scenario: SuppressibleScenario,
  lastNoticeMs: number | null,
  atMs: number,
): boolean => {
  const minutes = state.notifications.suppressionMinutes[scenario];
  return minutes > 0 && lastNoticeMs !== null && atMs - lastNoticeMs < minutes * 60_000;
};

/**
 * The scenarios this call fires, in the PBX's order, among those with a channel on.
 * Incoming scenarios fire only for calls through an МКН (never for direct calls). The visit
 * card looks at when the call was made (`madeAtMs`), the suppression window at when notices go
 * out (`atMs`, the report's instant).
 */
export const noticesDue = (
  state: AccountState,
  record: DeepReadonly<ClientRecord> | undefined,
  call: CallForNotices,
  atMs: number,
  madeAtMs: number = atMs,
): DueNotice[] => {
  const due: DueNotice[] = [];
  const months = state.notifications.visitCardMonths;
  const zone = state.tariff.timeZone;
  if (call.direction === 'incoming') {
    if (call.line !== 'multichannel') return due;
    if (isUnanswered(call.outcome) && isOn(state, 'incoming-missed-call')) {
      const suppressed = isSuppressed(
        state,
        'incoming-missed-call',
        record?.lastMissedNoticeMs ?? null,
        atMs,
      );
      due.push({ scenario: 'incoming-missed-call', suppressed });
    }
    if (
      isOn(state, 'incoming-visit-card') &&
      isFirstContact(record?.lastIncomingMs ?? null, madeAtMs, months.incoming, zone)
    )
      due.push({ scenario: 'incoming-visit-card', suppressed: false });
    return due;
  }
  if (isUnanswered(call.outcome) && isOn(state, 'outgoing-unreached')) {
    const suppressed = isSuppressed(state, 'outgoing-unreached', record?.lastUnreachedNoticeMs ?? null, atMs);
    due.push({ scenario: 'outgoing-unreached', suppressed });
  }
  if (
    isOn(state, 'outgoing-visit-card') &&
    isFirstContact(record?.lastOutgoingMs ?? null, madeAtMs, months.outgoing, zone)
  )
    due.push({ scenario: 'outgoing-visit-card', suppressed: false });
  return due;
};
