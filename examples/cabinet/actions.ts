/**
 * What each button sends: a form's fields become one command of the library. Fields are passed
 * on as typed (a size as a number, a flag as a boolean); the handler's decoder checks them, so
 * a tampered form is refused with the field it got wrong, like any other bad input.
 * @module
 */
import type { SectionId } from './forms.js';

/** A command to send. */
export interface CommandToSend {
  readonly type: string;
  readonly data: unknown;
}

/** A form action: the section it belongs to and the command its fields make. */
export interface Action {
  readonly section: SectionId;
  readonly command: (form: URLSearchParams) => CommandToSend;
}

const flag = (form: URLSearchParams, name: string): boolean => form.get(name) === 'true';
const confirm = (form: URLSearchParams) => (flag(form, 'confirmEviction') ? { confirmEviction: true } : {});

/** Every action the page's forms post, by name (`POST /actions/<name>`). */
export const ACTIONS: Readonly<Record<string, Action>> = {
  'auto-renewal': {
    section: 'tariff',
    command: (f) => ({ type: 'SetAutoRenewal', data: { enabled: flag(f, 'enabled') } }),
  },
  'change-tariff': {
    section: 'tariff',
    command: (f) => ({ type: 'ChangeTariff', data: { tariffId: f.get('tariffId'), ...confirm(f) } }),
  },
  'add-pack': { section: 'storage', command: () => ({ type: 'AddStoragePack', data: {} }) },
  'remove-pack': { section: 'storage', command: (f) => ({ type: 'RemoveStoragePack', data: confirm(f) }) },
  'auto-add-packs': {
    section: 'storage',
    command: (f) => ({ type: 'SetAutoAddPacks', data: { enabled: flag(f, 'enabled') } }),
  },
  'buy-sms': {
    section: 'sms',
    command: (f) => ({ type: 'PurchaseSmsPackage', data: { size: Number(f.get('size')) } }),
  },
  'configure-notification': {
    section: 'sms',
    command: (f) => ({
      type: 'ConfigureNotification',
      // An unticked checkbox sends nothing: present means on. Browsers send a textarea's line
      // breaks as CRLF; the text is saved (and counted) with the LF the user typed.
      data: {
        scenario: f.get('scenario'),
        sms: f.has('sms'),
        telegram: f.has('telegram'),
        text: (f.get('text') ?? '').replaceAll('\r\n', '\n'),
      },
    }),
  },
  'visit-card-period': {
    section: 'sms',
    command: (f) => ({
      type: 'SetVisitCardPeriod',
      data: { direction: f.get('direction'), months: Number(f.get('months')) },
    }),
  },
  'number-option': {
    section: 'numbers',
    command: (f) => ({
      type: flag(f, 'enable') ? 'EnableNumberOption' : 'DisableNumberOption',
      data: { option: f.get('option'), numbers: [f.get('number')] },
    }),
  },
};
