/**
 * Small pools of values the generated commands draw from, so that commands interact: the same
 * numbers, recordings, calls and melodies come back again and again, in several spellings.
 */
import fc from 'fast-check';
import { GIB } from '../../../src/catalogue/units.js';

/** Multichannel numbers (МКН), each in several spellings of one E.164 number. */
export const MKN_SPELLINGS = [
  ['+74951234567', '8 (495) 123-45-67', '+7 495 123 45 67'],
  ['+74957654321', '84957654321'],
  ['+74959990011', '8-495-999-00-11'],
] as const;

/** User numbers: employees' and external ones, several spellings each. */
export const USER_SPELLINGS = [
  ['+79123456780', '8 912 345-67-80'],
  ['+79123456781', '+7 (912) 345-67-81'],
  ['+79123456782'],
  ['+79123456783', '89123456783'],
  ['+79031112233'],
  ['+79035556677', '8 (903) 555-66-77'],
] as const;

/** Clients who call and are called: some are also user numbers or an МКН. */
export const CLIENT_SPELLINGS = [
  ['+79261234567', '8 926 123 45 67'],
  ['+79267654321'],
  ['+79161112233', '+7-916-111-22-33'],
  ['+74997001122'],
  ['+79123456783'],
  ['+74951234567'],
] as const;

/** Strings that are not phone numbers at all (refused by decoding). */
export const NOT_NUMBERS = ['', '12', '+7 000', 'телефон', '+7912345678901234', '📞'] as const;

/** One of the numbers in one of its spellings; the first `hot` numbers come up four times as often. */
const spelling = (pool: readonly (readonly string[])[], hot: number) =>
  fc
    .tuple(
      fc.oneof(
        { weight: 4 * hot, arbitrary: fc.nat({ max: hot - 1 }) },
        { weight: pool.length - hot, arbitrary: fc.integer({ min: hot, max: pool.length - 1 }) },
      ),
      fc.nat({ max: 7 }),
    )
    .map(([i, j]) => {
      const spellings = pool[i] as readonly string[];
      return spellings[j % spellings.length] as string;
    });

/** An МКН in one of its spellings. */
export const mkn = spelling(MKN_SPELLINGS, 1);
/** A user number in one of its spellings. */
export const userNumber = spelling(USER_SPELLINGS, 3);
/** A client number in one of its spellings. */
export const client = spelling(CLIENT_SPELLINGS, 3);
/** Any number of the pools (МКН or user), so a number may be used in the wrong role. */
export const anyNumber = fc.oneof({ weight: 4, arbitrary: userNumber }, { weight: 1, arbitrary: mkn });

/** Recording ids: a small pool (they are stored, evicted, deleted and stored again). */
export const recordingId = fc.constantFrom(
  'r-1',
  'r-2',
  'r-3',
  'r-4',
  'r-5',
  'r-6',
  'r-7',
  'r-8',
  'запись-9',
  '🎙️-10',
  'constructor',
  'toString',
);
/** Call ids: a small pool, so a call is sometimes registered twice. */
export const callId = fc.constantFrom(
  'call-1',
  'call-2',
  'call-3',
  'call-4',
  'call-5',
  'звонок-6',
  '☎-7',
  'c-8',
);
/** Melody ids. */
export const melodyId = fc.constantFrom('m-1', 'm-2', 'мелодия-3', 'hasOwnProperty');
/** Tariff ids: the catalogue's, and some that are not there. */
export const tariffId = fc.constantFrom('basic', 'business', 'corporate', 'basic', 'premium', 'constructor');
/** Time zones an account may be opened in (with and without daylight saving). */
export const timeZone = fc.constantFrom(
  'Europe/Moscow',
  'Asia/Vladivostok',
  'Europe/Berlin',
  'America/New_York',
);
/** Short numbers: a small pool so that they collide. */
export const shortNumber = fc.constantFrom('0001', '1234', '9999', '1234', '0000');

const MIB = 1024 ** 2;

/** Recording sizes: mostly small or mid-sized, sometimes larger than any quota. */
export const sizeBytes = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 20 * MIB }) },
  { weight: 5, arbitrary: fc.integer({ min: 100 * MIB, max: 2 * GIB }) },
  { weight: 2, arbitrary: fc.integer({ min: 2 * GIB, max: 6 * GIB }) },
  { weight: 1, arbitrary: fc.integer({ min: 6 * GIB, max: 70 * GIB }) },
);

/** Texts of notices: GSM-7, Cyrillic, emoji, blank, exactly at and beyond 210 characters. */
export const noticeText = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'Thank you for calling! We will call you back.',
      'Спасибо за звонок! Мы перезвоним вам в течение часа.',
      'Мы не смогли дозвониться 😔 Перезвоните нам: +7 495 123-45-67',
      'Price: 100€ {promo} [code] ~ | ^ \\',
      'Ваш менеджер — Анна 👩‍💼. Визитка: https://example.ru/визитка',
      'a'.repeat(160),
      'a'.repeat(161),
      'б'.repeat(70),
      'б'.repeat(71),
      '😀'.repeat(210),
      '😀'.repeat(211),
      'x'.repeat(210),
      'Й'.repeat(211),
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '\u200b', '\n') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 240 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 120 }) },
);

/** Full names: Cyrillic, Latin, emoji; sometimes blank or too long (refused by decoding). */
export const fullName = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('Иванов Иван', 'Петрова Анна', 'Ким Мин-джун 🧑‍💻', 'O’Brien') },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', 'Я'.repeat(201)) },
);

/** Departments: any text, empty included. */
export const department = fc.constantFrom('Продажи', 'Support', '', 'Бухгалтерия 📊');
