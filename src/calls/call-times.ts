/**
 * A call's own times: when it was made (for the visit card and closing callback windows) and
 * when it ended (a callback window opens then). A report comes when the call is over, so
 * missing times fall back on the report's instant.
 * @module
 */
import type { DecisionContext } from '../account/decision.js';
import { type AccountDomainError, accountError } from '../account/errors.js';
import { refuseFactInstant } from '../account/fact-instant.js';
import type { AccountState } from '../account/state.js';
import { instantMs } from '../kernel/codecs.js';

/** The times a report may give. */
export interface CallTimes {
  readonly startedAt?: string | null | undefined;
  readonly endedAt?: string | null | undefined;
}

/** The instant the call counts as made: its start, else its end, else the report's. */
export const callMadeAt = (call: CallTimes, reportedAt: string): string =>
  call.startedAt ?? call.endedAt ?? reportedAt;

/** The instant the call ended: its end, else the report's. */
export const callEndedAt = (call: CallTimes, reportedAt: string): string => call.endedAt ?? reportedAt;

/**
 * Refuses times a report cannot carry: after the report or before the opening
 * (`InstantAfterCommand`, `InstantBeforeOpening`), or an end before the start
 * (`CallEndedBeforeStart`).
 */
export const refuseCallTimes = (
  state: AccountState,
  call: CallTimes,
  context: DecisionContext,
): AccountDomainError | undefined => {
  const { startedAt, endedAt } = call;
  if (startedAt != null) {
    const refused = refuseFactInstant(state, 'data.startedAt', startedAt, context);
    if (refused !== undefined) return refused;
  }
  if (endedAt != null) {
    const refused = refuseFactInstant(state, 'data.endedAt', endedAt, context);
    if (refused !== undefined) return refused;
    if (startedAt != null && instantMs(endedAt) < instantMs(startedAt)) {
      return accountError(
        'CallEndedBeforeStart',
        `data.endedAt ${endedAt} is before data.startedAt ${startedAt}`,
        {
          field: 'data.endedAt',
          startedAt,
          endedAt,
        },
      );
    }
  }
  return undefined;
};
