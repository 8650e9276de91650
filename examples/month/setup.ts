/**
 * The demo account's set-up, as an administrator would click it through the source's screens:
 * open on «Базовый», two МКН, 142 numbers, recording, storage auto-add, per-number options (in
 * bulk, like the column-header checkbox), the 3 000-SMS package, the four notification
 * scenarios with Russian texts, and smart callback.
 * @module
 */
import type { Session } from './session.js';
import { numbersOf, type StaffNumber } from './staff.js';

/** The main МКН, as typed, and in E.164. */
export const MAIN_MKN = { typed: '+7 (495) 100-00-00', number: '+74951000000' };
/** The second МКН (a toll-free line used as caller ID by logistics). */
export const FREE_MKN = { typed: '8 800 555-35-35', number: '+78005553535' };

/** The scenarios' texts (Cyrillic: UCS-2, 70 characters per SMS, 67 per part when split). */
export const TEXTS = {
  'incoming-missed-call': 'Вы звонили в «Ромашку». Мы перезвоним вам в течение 15 минут.',
  'incoming-visit-card':
    '«Ромашка»: цветы с доставкой по Москве за 2 часа. Сайт romashka.ru, тел. +7 495 100-00-00. Спасибо за звонок!',
  'outgoing-unreached': 'Вам звонили из «Ромашки». Перезвоните, пожалуйста: +7 495 100-00-00.',
  'outgoing-visit-card': 'Спасибо за разговор! «Ромашка», +7 495 100-00-00, romashka.ru',
} as const;

/** Who has which option (numbers in E.164). */
export interface Roster {
  /** Operators answering МКН calls and calling clients. */
  readonly operators: readonly string[];
  /** Numbers with caller ID (АОН) → the МКН they show: their unanswered calls open callback windows. */
  readonly callerId: ReadonlyMap<string, string>;
  /** Numbers whose own calls are recorded (the per-number option). */
  readonly recorded: ReadonlySet<string>;
}

/** Sends the set-up commands, ten seconds apart from `startMs`; returns the instant after them. */
export const setUpAccount = async (
  session: Session,
  staff: readonly StaffNumber[],
  startMs: number,
): Promise<{ readonly roster: Roster; readonly doneMs: number }> => {
  let at = startMs;
  const next = () => {
    at += 10_000;
    return at;
  };
  await session.must('OpenAccount', { tariffId: 'basic' }, at);
  await session.must('AddMultichannelNumber', { number: MAIN_MKN.typed }, next());
  await session.must('AddMultichannelNumber', { number: FREE_MKN.typed }, next());
  for (const s of staff) {
    await session.must(
      'AddNumber',
      { number: s.typed, kind: s.kind, fullName: s.fullName, department: s.department },
      next(),
    );
  }
  await session.must('EnableRecording', {}, next());
  await session.must('SetAutoAddPacks', { enabled: true }, next());

  const sales = numbersOf(staff, 'Отдел продаж');
  const support = numbersOf(staff, 'Служба поддержки');
  const logistics = numbersOf(staff, 'Логистика');
  const external = numbersOf(staff, 'Курьеры');
  const regular = staff.filter((s) => s.kind === 'regular').map((s) => s.number);

  // Caller ID for sales and logistics; couriers are listed too and skipped (kind «Добавленный»).
  await session.must(
    'EnableNumberOption',
    { option: 'callerId', numbers: [...sales, ...logistics, ...external], skipIneligible: true },
    next(),
  );
  for (const number of logistics) {
    await session.must('SetCallerIdNumber', { number, multichannelNumber: FREE_MKN.typed }, next());
  }
  await session.must('EnableNumberOption', { option: 'recording', numbers: support }, next());
  await session.must('EnableNumberOption', { option: 'shortNumber', numbers: regular }, next());
  for (const [i, number] of regular.entries()) {
    await session.must('AssignShortNumber', { number, shortNumber: String(1001 + i) }, next());
  }

  await session.must('PurchaseSmsPackage', { size: 3000 }, next());
  await session.must(
    'ConfigureNotification',
    { scenario: 'incoming-missed-call', sms: true, telegram: true, text: TEXTS['incoming-missed-call'] },
    next(),
  );
  await session.must(
    'ConfigureNotification',
    { scenario: 'incoming-visit-card', sms: true, telegram: false, text: TEXTS['incoming-visit-card'] },
    next(),
  );
  await session.must(
    'ConfigureNotification',
    { scenario: 'outgoing-unreached', sms: true, telegram: false, text: TEXTS['outgoing-unreached'] },
    next(),
  );
  await session.must(
    'ConfigureNotification',
    { scenario: 'outgoing-visit-card', sms: false, telegram: true, text: TEXTS['outgoing-visit-card'] },
    next(),
  );
  await session.must('SetVisitCardPeriod', { direction: 'incoming', months: 3 }, next());
  await session.must('EnableSmartCallback', { windowMinutes: 30 }, next());

  return {
    roster: {
      operators: [...sales, ...support, ...logistics],
      callerId: new Map([
        ...sales.map((n): [string, string] => [n, MAIN_MKN.number]),
        ...logistics.map((n): [string, string] => [n, FREE_MKN.number]),
      ]),
      recorded: new Set(support),
    },
    doneMs: next(),
  };
};
