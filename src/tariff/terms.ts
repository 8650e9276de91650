/**
 * A catalogue tariff's terms as the account keeps them (the price in effect when chosen).
 * @module
 */
import type { Catalogue } from '../catalogue/catalogue.js';
import type { TariffTerms } from './state.js';

/** The terms of catalogue tariff `tariffId`, one fixed shape, or `undefined` if there is none. */
export const termsOf = (catalogue: Catalogue, tariffId: string): TariffTerms | undefined => {
  // Own properties only: an id like "constructor" is not a tariff.
  if (!Object.hasOwn(catalogue.tariffs, tariffId)) return undefined;
  const tariff = catalogue.tariffs[tariffId];
  if (tariff === undefined) return undefined;
  return {
    tariffId,
    name: tariff.name,
    monthlyFee: tariff.monthlyFee,
    includedEmployees: tariff.includedEmployees,
    includedMultichannelNumbers: tariff.includedMultichannelNumbers,
    extraEmployeeFee: tariff.extraEmployeeFee,
    baseStorageBytes: tariff.baseStorageBytes,
  };
};

/** Copies terms (from an event) into a fresh object of the same fixed shape. */
export const copyTerms = (terms: TariffTerms): TariffTerms => ({
  tariffId: terms.tariffId,
  name: terms.name,
  monthlyFee: terms.monthlyFee,
  includedEmployees: terms.includedEmployees,
  includedMultichannelNumbers: terms.includedMultichannelNumbers,
  extraEmployeeFee: terms.extraEmployeeFee,
  baseStorageBytes: terms.baseStorageBytes,
});

/** `UnknownTariff` details and message, naming the field to blame. */
export const unknownTariff = (catalogue: Catalogue, tariffId: string) =>
  ({
    code: 'UnknownTariff',
    message: `no such tariff in the catalogue: ${tariffId}`,
    details: { field: 'data.tariffId', tariffId, known: Object.keys(catalogue.tariffs) },
  }) as const;
