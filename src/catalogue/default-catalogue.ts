/**
 * The default catalogue: the figures of the PBX's screens, and illustrative values (listed in
 * `illustrative`) for what the screens do not price.
 * @module
 */
import type { Catalogue } from './catalogue.js';
import { GIB, roubles } from './units.js';

/** Id of «Базовый», the tariff of the PBX's screens (1 500 ₽, 10 employees, 1 МКН). */
export const BASIC_TARIFF = 'basic';

/** The default {@link Catalogue}. Replace it with your own prices: see `illustrative`. */
export const defaultCatalogue: Catalogue = {
  tariffs: {
    [BASIC_TARIFF]: {
      name: 'Базовый',
      monthlyFee: roubles(1500),
      includedEmployees: 10,
      includedMultichannelNumbers: 1,
      extraEmployeeFee: roubles(40),
      baseStorageBytes: 1 * GIB,
    },
    // Base storage is 1, 5 or 10 GB "depending on the tariff", the PBX says: these two are illustrative.
    business: {
      name: 'Бизнес',
      monthlyFee: roubles(3500),
      includedEmployees: 25,
      includedMultichannelNumbers: 2,
      extraEmployeeFee: roubles(40),
      baseStorageBytes: 5 * GIB,
    },
    corporate: {
      name: 'Корпоративный',
      monthlyFee: roubles(7000),
      includedEmployees: 50,
      includedMultichannelNumbers: 3,
      extraEmployeeFee: roubles(35),
      baseStorageBytes: 10 * GIB,
    },
  },
  recording: { monthlyFee: roubles(700) },
  storagePack: { monthlyFee: roubles(150), sizeBytes: 5 * GIB, maxPacks: 9 },
  smsPackages: [
    { size: 100, price: roubles(0) },
    { size: 500, price: roubles(700) },
    { size: 1000, price: roubles(1200) },
    { size: 3000, price: roubles(3000) },
  ],
  telegram: { monthlyFee: roubles(300) },
  numberOptions: {
    callerId: { monthlyFee: roubles(100) },
    shortNumber: { monthlyFee: roubles(50) },
    recording: { monthlyFee: roubles(150) },
    melody: { monthlyFee: roubles(50) },
  },
  extraMultichannelNumber: { monthlyFee: roubles(500) },
  smartCallback: { monthlyFee: roubles(400) },
  illustrative: [
    'tariffs.business',
    'tariffs.corporate',
    'numberOptions.callerId.monthlyFee',
    'numberOptions.shortNumber.monthlyFee',
    'numberOptions.recording.monthlyFee',
    'numberOptions.melody.monthlyFee',
    'extraMultichannelNumber.monthlyFee',
    'smartCallback.monthlyFee',
  ],
};
