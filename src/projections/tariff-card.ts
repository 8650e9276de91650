/**
 * `tariffCard`: the PBX's tariff block — «Мой тариф: «Базовый»», monthly fee, employees
 * included and in use, МКН included and in use, fee per extra employee, "Оплачен до 21.05.2025"
 * and "Продлевать абонемент автоматически".
 * @module
 */
import type * as t from 'io-ts';
import type { AccountEvent } from '../account/events.js';
import {
  type ChunkedMap,
  deleteEntry,
  emptyChunkedMap,
  setEntry,
} from '../kernel/collections/chunked-map.js';
import type { TariffTermsCodec } from '../tariff/events.js';
import { DEFAULT_TIME_ZONE } from '../tariff/time-zone.js';
import { formatInZone } from './calendar.js';
import { formatCount, formatPrice } from './format.js';
import { countRu, NUMBER_FORMS } from './plural.js';
import { createProjection } from './projection.js';

/** The tariff card (mutable form; callers get it read-only). */
export interface TariffCardDraft {
  accountId: string | null;
  timeZone: string;
  tariffId: string | null;
  name: string | null;
  monthlyFee: number;
  includedEmployees: number;
  /** Regular user numbers (`added` ones are not employees). */
  employeesInUse: number;
  includedMultichannelNumbers: number;
  multichannelInUse: number;
  extraEmployeeFee: number;
  periodStart: string | null;
  /** End of the paid period ("Оплачен до"). */
  paidUntil: string | null;
  autoRenewal: boolean;
  status: 'active' | 'lapsed' | null;
  /** Regular numbers, to know what a removed number was. */
  regular: ChunkedMap<1>;
}

const initial = (): TariffCardDraft => ({
  accountId: null,
  timeZone: DEFAULT_TIME_ZONE,
  tariffId: null,
  name: null,
  monthlyFee: 0,
  includedEmployees: 0,
  employeesInUse: 0,
  includedMultichannelNumbers: 0,
  multichannelInUse: 0,
  extraEmployeeFee: 0,
  periodStart: null,
  paidUntil: null,
  autoRenewal: false,
  status: null,
  regular: emptyChunkedMap(),
});

const takeTariff = (view: TariffCardDraft, tariff: t.TypeOf<typeof TariffTermsCodec>): void => {
  view.tariffId = tariff.tariffId;
  view.name = tariff.name;
  view.monthlyFee = tariff.monthlyFee;
  view.includedEmployees = tariff.includedEmployees;
  view.includedMultichannelNumbers = tariff.includedMultichannelNumbers;
  view.extraEmployeeFee = tariff.extraEmployeeFee;
};

const recipe = (view: TariffCardDraft, event: AccountEvent): void => {
  switch (event.type) {
    case 'AccountOpened':
      view.accountId = event.data.accountId;
      view.timeZone = event.data.timeZone;
      takeTariff(view, event.data.tariff);
      view.periodStart = event.data.periodStart;
      view.paidUntil = event.data.paidUntil;
      view.autoRenewal = event.data.autoRenewal;
      view.status = 'active';
      return;
    case 'TariffChanged':
      takeTariff(view, event.data.tariff);
      return;
    case 'AutoRenewalSet':
      view.autoRenewal = event.data.enabled;
      return;
    case 'SubscriptionRenewed':
      view.periodStart = event.data.periodStart;
      view.paidUntil = event.data.paidUntil;
      view.status = 'active';
      return;
    case 'SubscriptionLapsed':
      view.status = 'lapsed';
      return;
    case 'MultichannelNumberAdded':
      view.multichannelInUse += 1;
      return;
    case 'MultichannelNumberRemoved':
      view.multichannelInUse = event.data.multichannelNumbers;
      return;
    case 'NumberAdded':
      if (event.data.kind !== 'regular') return;
      setEntry(view.regular, event.data.number, 1);
      view.employeesInUse += 1;
      return;
    case 'NumberRemoved':
      if (deleteEntry(view.regular, event.data.number)) view.employeesInUse -= 1;
      return;
    default:
      return;
  }
};

/** The tariff block of the account. */
export const tariffCard = createProjection({ name: 'tariffCard', initial: initial(), recipe });

/** The tariff block's data: name, fee, employees and МКН included and in use, paid until, auto-renewal. */
export type TariffCard = typeof tariffCard.initial;

/** The tariff block in the words of the PBX's screen (Russian). */
export interface TariffCardText {
  readonly tariff: string;
  readonly monthlyFee: string;
  readonly employees: string;
  readonly multichannelIncluded: string;
  readonly extraEmployeeFee: string;
  /** `Оплачен до 21.05.2025`. */
  readonly paidUntil: string | null;
  readonly autoRenewal: string;
}

/** `Мой тариф: «Базовый»`, `1 500 ₽`, `10`, `1 номер`, `40 ₽`, `Оплачен до 21.05.2025`… */
export const formatTariffCard = (view: TariffCard): TariffCardText => ({
  tariff: `Мой тариф: «${view.name ?? '—'}»`,
  monthlyFee: formatPrice(view.monthlyFee),
  employees: formatCount(view.includedEmployees),
  multichannelIncluded: countRu(view.includedMultichannelNumbers, NUMBER_FORMS),
  extraEmployeeFee: formatPrice(view.extraEmployeeFee),
  paidUntil:
    view.paidUntil === null
      ? null
      : `Оплачен до ${formatInZone(Date.parse(view.paidUntil), view.timeZone, 'dd.MM.yyyy')}`,
  autoRenewal: `Продлевать абонемент автоматически: ${view.autoRenewal ? 'да' : 'нет'}`,
});

/** Once the subscription lapsed: `Абонемент не оплачен: платные услуги приостановлены`; else `null`. */
export const formatLapse = (view: TariffCard): string | null =>
  view.status === 'lapsed' ? 'Абонемент не оплачен: платные услуги приостановлены' : null;
