/**
 * Evolutions of multichannel numbers, user numbers and their options.
 * @module
 */
import type { Evolutions } from '../account/decision.js';
import type { numbersEvents } from './events.js';
import {
  evolveCallerIdNumberSet,
  evolveNumberMelodySet,
  evolveNumberOptionDisabled,
  evolveNumberOptionEnabled,
  evolveShortNumberAssigned,
} from './evolve-options.js';

/** Evolutions of this capability, by event type. */
export const numbersEvolutions: Evolutions<keyof typeof numbersEvents> = {
  MultichannelNumberAdded: (draft, { data }) => {
    const numbers = draft.numbers;
    numbers.multichannel.push(data.number);
    if (data.main) numbers.mainMultichannel = data.number;
    numbers.extraMultichannelFee = data.extraMonthlyFee;
  },
  MainMultichannelNumberSet: (draft, { data }) => {
    draft.numbers.mainMultichannel = data.number;
  },
  MultichannelNumberRemoved: (draft, { data }) => {
    const numbers = draft.numbers;
    // An account has a few МКН: filtering the list is cheap, and it is rare.
    numbers.multichannel = numbers.multichannel.filter((number) => number !== data.number);
    for (const number of data.callerIdNumbers) {
      const callerId = Object.hasOwn(numbers.users, number) ? numbers.users[number]?.callerId : undefined;
      if (callerId) callerId.multichannelNumber = data.fallback;
    }
  },
  NumberAdded: (draft, { data }) => {
    draft.numbers.users[data.number] = {
      number: data.number,
      kind: data.kind,
      fullName: data.fullName,
      department: data.department,
      callerId: null,
      shortNumber: null,
      recording: null,
      melody: null,
    };
  },
  NumberRemoved: (draft, { data }) => {
    const { users, shortNumbers } = draft.numbers;
    const freed = data.freedShortNumber;
    if (freed !== null && shortNumbers[freed] === data.number) delete shortNumbers[freed];
    delete users[data.number];
  },
  NumberOptionEnabled: evolveNumberOptionEnabled,
  NumberOptionDisabled: evolveNumberOptionDisabled,
  CallerIdNumberSet: evolveCallerIdNumberSet,
  ShortNumberAssigned: evolveShortNumberAssigned,
  MelodyUploaded: (draft, { data, metadata }) => {
    draft.numbers.melodies[data.melodyId] = { name: data.name, uploadedAt: metadata.at };
  },
  NumberMelodySet: evolveNumberMelodySet,
};
