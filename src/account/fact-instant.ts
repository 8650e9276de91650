/**
 * Facts that carry their own instant (a recording's `recordedAt`, a call's start and end): such
 * an instant may lie before the command's — a report comes after what it reports — but never
 * after it, and never before the account was opened. Earlier than the account's latest event is
 * fine: it is the fact's time, not the account's.
 * @module
 */
import { instantMs } from '../kernel/codecs.js';
import type { DecisionContext } from './decision.js';
import { type AccountDomainError, accountError } from './errors.js';
import type { AccountState } from './state.js';

/**
 * `InstantAfterCommand` when `value` (the instant in `field`) lies after the command's instant,
 * `InstantBeforeOpening` when before the account was opened; else `undefined`.
 */
export const refuseFactInstant = (
  state: AccountState,
  field: string,
  value: string,
  context: Pick<DecisionContext, 'atMs' | 'metadata'>,
): AccountDomainError | undefined => {
  const valueMs = instantMs(value);
  const at = context.metadata.at;
  if (valueMs > context.atMs) {
    return accountError(
      'InstantAfterCommand',
      `${field} ${value} is later than the command's instant ${at}`,
      {
        field,
        value,
        at,
      },
    );
  }
  const openedAt = state.tariff.openedAt;
  if (openedAt !== null && valueMs < instantMs(openedAt)) {
    return accountError(
      'InstantBeforeOpening',
      `${field} ${value} is before the account was opened (${openedAt})`,
      { field, value, openedAt },
    );
  }
  return undefined;
};
