/**
 * Commands of the account, its tariff and subscription.
 * @module
 */
import * as t from 'io-ts';
import { Id, strictType, True } from '../kernel/codecs.js';
import { TimeZone } from './time-zone.js';

/** Command payload codecs of this capability, by command type. */
export const tariffCommands = {
  /** Opens the account on a catalogue tariff (time zone default `Europe/Moscow`, auto-renewal default on). */
  OpenAccount: strictType({ tariffId: Id }, { timeZone: TimeZone, autoRenewal: t.boolean }),
  /** Changes the tariff at once; `confirmEviction` when less base storage would evict recordings. */
  ChangeTariff: strictType({ tariffId: Id }, { confirmEviction: True }),
  /** Turns auto-renewal of the subscription on or off. */
  SetAutoRenewal: strictType({ enabled: t.boolean }),
  /**
   * Ends the current period: renews with auto-renewal on, else lapses. `manual: true` is a
   * payment by the customer: it renews whatever the flag, also a lapsed subscription.
   */
  RenewSubscription: strictType({}, { manual: t.boolean }),
};
