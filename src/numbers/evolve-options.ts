/**
 * Evolutions of per-number options. Each costs O(numbers named in the event), never more.
 * @module
 */
import type { EvolveFn } from '../account/decision.js';
import type { AccountStateDraft } from '../account/state.js';

type Users = AccountStateDraft['numbers']['users'];

const own = (users: Users, number: string) => (Object.hasOwn(users, number) ? users[number] : undefined);

/** An option turned on: fixed shapes per option, with the price in effect. */
export const evolveNumberOptionEnabled: EvolveFn<'NumberOptionEnabled'> = (draft, { data }) => {
  const users = draft.numbers.users;
  const monthlyFee = data.monthlyFee;
  for (const number of data.numbers) {
    const user = own(users, number);
    if (user === undefined) continue;
    switch (data.option) {
      case 'callerId':
        user.callerId = { monthlyFee, multichannelNumber: data.callerIdNumber };
        break;
      case 'shortNumber':
        user.shortNumber = { monthlyFee, code: null };
        break;
      case 'recording':
        user.recording = { monthlyFee };
        break;
      case 'melody':
        user.melody = { monthlyFee, melodyId: null };
        break;
    }
  }
};

/** An option turned off; a short number it had is free again. */
export const evolveNumberOptionDisabled: EvolveFn<'NumberOptionDisabled'> = (draft, { data }) => {
  const { users, shortNumbers } = draft.numbers;
  for (const number of data.numbers) {
    const user = own(users, number);
    if (user === undefined) continue;
    const code = user.shortNumber?.code ?? null;
    if (data.option === 'shortNumber' && code !== null && shortNumbers[code] === number) {
      delete shortNumbers[code];
    }
    user[data.option] = null;
  }
};

/** A number shows another МКН as its caller ID. */
export const evolveCallerIdNumberSet: EvolveFn<'CallerIdNumberSet'> = (draft, { data }) => {
  const callerId = own(draft.numbers.users, data.number)?.callerId;
  if (callerId) callerId.multichannelNumber = data.multichannelNumber;
};

/** A short number moved to a number; its previous one is free again. */
export const evolveShortNumberAssigned: EvolveFn<'ShortNumberAssigned'> = (draft, { data }) => {
  const { users, shortNumbers } = draft.numbers;
  const shortNumber = own(users, data.number)?.shortNumber;
  if (!shortNumber) return;
  if (data.previous !== null && shortNumbers[data.previous] === data.number)
    delete shortNumbers[data.previous];
  shortNumbers[data.shortNumber] = data.number;
  shortNumber.code = data.shortNumber;
};

/** A number plays a melody to its callers. */
export const evolveNumberMelodySet: EvolveFn<'NumberMelodySet'> = (draft, { data }) => {
  const melody = own(draft.numbers.users, data.number)?.melody;
  if (melody) melody.melodyId = data.melodyId;
};
