/**
 * The price catalogue: tariffs and the price of every option, validated by io-ts and replaceable
 * by the caller. Figures the PBX's screens give are the defaults; figures they do not give are
 * illustrative and listed in `illustrative`, for a service to override.
 * Events carry the price in effect when a charge starts, so changing the catalogue never
 * rewrites history.
 * @module
 */
import * as t from 'io-ts';
import { NonNegativeInt, nonEmptyString, PositiveInt, strictType } from '../kernel/codecs.js';

const Kopecks = NonNegativeInt;

/** The terms of a tariff. */
export const Tariff = strictType(
  {
    name: nonEmptyString(100),
    /** Subscription fee per month, kopecks. */
    monthlyFee: Kopecks,
    /** Employees (regular user numbers) included in the fee. */
    includedEmployees: NonNegativeInt,
    /** Multichannel numbers (МКН) included in the fee. */
    includedMultichannelNumbers: NonNegativeInt,
    /** Monthly fee per employee beyond the included ones, kopecks. */
    extraEmployeeFee: Kopecks,
    /** Base recording storage, bytes (1, 5 or 10 GB depending on the tariff). */
    baseStorageBytes: PositiveInt,
  },
  undefined,
  'Tariff',
);
/** The terms of a tariff. */
export type Tariff = t.TypeOf<typeof Tariff>;

/** An SMS package: `size` messages for `price` kopecks. */
export const SmsPackage = strictType({ size: PositiveInt, price: Kopecks }, undefined, 'SmsPackage');
/** A package size on sale and its one-off price, kopecks (by default 100 SMS for 0 ₽ … 3 000 for 3 000 ₽). */
export type SmsPackage = t.TypeOf<typeof SmsPackage>;

const MonthlyFee = strictType({ monthlyFee: Kopecks }, undefined, 'MonthlyFee');

/** io-ts codec of the catalogue. */
export const Catalogue = strictType(
  {
    /** Tariffs by id. */
    tariffs: t.record(t.string, Tariff),
    /** Recording of incoming calls to МКН. */
    recording: MonthlyFee,
    /** Extra recording storage packs. */
    storagePack: strictType(
      { monthlyFee: Kopecks, sizeBytes: PositiveInt, maxPacks: NonNegativeInt },
      undefined,
      'StoragePackTerms',
    ),
    /** SMS packages on offer. */
    smsPackages: t.readonlyArray(SmsPackage),
    /** Telegram channel, per notification scenario on which it is on. */
    telegram: MonthlyFee,
    /** Per-number options, price per number per month. */
    numberOptions: strictType(
      { callerId: MonthlyFee, shortNumber: MonthlyFee, recording: MonthlyFee, melody: MonthlyFee },
      undefined,
      'NumberOptionPrices',
    ),
    /** Each МКН beyond the tariff's included ones. */
    extraMultichannelNumber: MonthlyFee,
    /** Smart callback option. */
    smartCallback: MonthlyFee,
    /** Dotted paths of the figures the PBX's screens do not give: a service must override them. */
    illustrative: t.readonlyArray(t.string),
  },
  undefined,
  'Catalogue',
);
/** The price catalogue. */
export type Catalogue = t.TypeOf<typeof Catalogue>;
