/** Numbers used across the numbers tests, and an account history with them. */
import type { AccountEvent } from '../../src/account/events.js';
import { cmd, historyOf, openAccount } from '../tariff/fixtures.js';

/** Multichannel numbers (Moscow). */
export const MKN_1 = '+74951234567';
export const MKN_2 = '+74957654321';
/** Employees' numbers. */
export const IVANOV = '+79123456789';
export const PETROVA = '+79123456790';
/** An external number added to the PBX. */
export const EXTERNAL = '+79991112233';
/** A number the account does not have. */
export const STRANGER = '+79160000000';

export const addIvanov = () =>
  cmd('AddNumber', { number: IVANOV, kind: 'regular', fullName: 'Иванов Иван', department: 'Продажи' });
export const addPetrova = () =>
  cmd('AddNumber', { number: PETROVA, kind: 'regular', fullName: 'Петрова Анна', department: 'Поддержка' });
export const addExternal = () =>
  cmd('AddNumber', { number: EXTERNAL, kind: 'added', fullName: 'Склад', department: '' });

/** An opened account with one МКН and the three user numbers. */
export const staffed = (...more: Parameters<typeof historyOf>): AccountEvent[] =>
  historyOf(
    openAccount(),
    cmd('AddMultichannelNumber', { number: MKN_1 }),
    addIvanov(),
    addPetrova(),
    addExternal(),
    ...more,
  );

/** `option` turned on for `numbers`. */
export const enable = (option: 'callerId' | 'shortNumber' | 'recording' | 'melody', ...numbers: string[]) =>
  cmd('EnableNumberOption', { option, numbers });
