/**
 * Fixed preludes: accounts built up by hand so that random steps land on something (an МКН with
 * recording on, numbers with options, SMS and notice texts, smart callback).
 */
import type { Fixed } from './steps.js';

/** An МКН with recording on, a regular number recording its own calls, and an added number. */
export const RECORDING_ACCOUNT: readonly Fixed[] = [
  ['AddMultichannelNumber', { number: '+74951234567' }],
  ['EnableRecording', {}],
  ['AddNumber', { number: '+79123456780', kind: 'regular', fullName: 'Иванов Иван', department: 'Продажи' }],
  ['EnableNumberOption', { option: 'recording', numbers: ['8 912 345-67-80'] }],
  ['AddNumber', { number: '+79123456781', kind: 'added', fullName: 'Внешний', department: '' }],
];

/** Two operators with caller ID, the free SMS package (of a tiny-package catalogue), every scenario on, smart callback on. */
export const CALLING_ACCOUNT: readonly Fixed[] = [
  ['AddMultichannelNumber', { number: '+74951234567' }],
  ['AddNumber', { number: '+79123456780', kind: 'regular', fullName: 'Иванов Иван', department: 'Продажи' }],
  ['AddNumber', { number: '+79123456781', kind: 'regular', fullName: 'Петрова Анна', department: 'Продажи' }],
  ['EnableNumberOption', { option: 'callerId', numbers: ['+79123456780', '+79123456781'] }],
  ['PurchaseSmsPackage', { size: 3 }],
  [
    'ConfigureNotification',
    { scenario: 'incoming-missed-call', sms: true, telegram: false, text: 'Мы пропустили ваш звонок 😔' },
  ],
  [
    'ConfigureNotification',
    { scenario: 'incoming-visit-card', sms: true, telegram: true, text: 'Visit card' },
  ],
  [
    'ConfigureNotification',
    { scenario: 'outgoing-unreached', sms: true, telegram: false, text: 'Не дозвонились. '.repeat(5) },
  ],
  ['ConfigureNotification', { scenario: 'outgoing-visit-card', sms: false, telegram: true, text: 'Визитка' }],
  ['EnableSmartCallback', {}],
];

/** An МКН, three regular numbers and a melody. */
export const NUMBERS_ACCOUNT: readonly Fixed[] = [
  ['AddMultichannelNumber', { number: '+74951234567' }],
  ['AddNumber', { number: '+79123456780', kind: 'regular', fullName: 'Иванов Иван', department: 'Продажи' }],
  ['AddNumber', { number: '+79123456781', kind: 'regular', fullName: 'Петрова Анна', department: '' }],
  ['AddNumber', { number: '+79123456782', kind: 'added', fullName: 'Внешний 📞', department: 'Партнёры' }],
  ['UploadMelody', { melodyId: 'm-1', name: 'Вальс' }],
];

/** Recording and calling together: an operator with caller ID who also records, SMS, texts. */
export const FULL_ACCOUNT: readonly Fixed[] = [
  ...RECORDING_ACCOUNT,
  ['EnableNumberOption', { option: 'callerId', numbers: ['+79123456780'] }],
  ['PurchaseSmsPackage', { size: 500 }],
  [
    'ConfigureNotification',
    { scenario: 'incoming-missed-call', sms: true, telegram: true, text: 'Перезвоним!' },
  ],
  [
    'ConfigureNotification',
    { scenario: 'outgoing-visit-card', sms: true, telegram: false, text: '🙂'.repeat(40) },
  ],
  ['EnableSmartCallback', { windowMinutes: 15 }],
  ['SetAutoAddPacks', { enabled: true }],
];
