/**
 * `OpenAccount`: the account starts on a catalogue tariff, its first period at once.
 * @module
 */
import { accept, type DecideFn, eventOf, reject } from '../account/decision.js';
import { anchoredPeriod } from './periods.js';
import { termsOf, unknownTariff } from './terms.js';
import { DEFAULT_TIME_ZONE } from './time-zone.js';

/**
 * Opens the account at `metadata.at` on `data.tariffId` (time zone default Europe/Moscow,
 * auto-renewal default on). The first period is paid: [openedAt, openedAt + 1 month).
 * Errors: `AccountAlreadyOpened`, `UnknownTariff`.
 */
export const decideOpenAccount: DecideFn<'OpenAccount'> = (command, state, context) => {
  if (state.tariff.accountId !== null) {
    return reject('AccountAlreadyOpened', `account ${state.tariff.accountId} is already opened`, {
      accountId: state.tariff.accountId,
      openedAt: state.tariff.openedAt,
    });
  }
  const { tariffId } = command.data;
  const terms = termsOf(context.catalogue, tariffId);
  if (terms === undefined) {
    const error = unknownTariff(context.catalogue, tariffId);
    return reject(error.code, error.message, error.details);
  }
  const timeZone = command.data.timeZone ?? DEFAULT_TIME_ZONE;
  const openedAt = command.metadata.at;
  const first = anchoredPeriod(openedAt, timeZone, 0);
  return accept(
    eventOf(
      'AccountOpened',
      {
        accountId: command.metadata.accountId,
        tariff: terms,
        timeZone,
        openedAt,
        periodStart: openedAt,
        paidUntil: first.end,
        autoRenewal: command.data.autoRenewal ?? true,
      },
      context,
    ),
  );
};
