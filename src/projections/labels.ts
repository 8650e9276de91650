/**
 * Names of things in Russian and English, shared by the bill and the history.
 * @module
 */
import type { Channel, Scenario } from '../notifications/scenario.js';
import type { NumberOption } from '../numbers/state.js';

/** The languages read models render in. */
export type Language = 'ru' | 'en';

/** Per-number options. */
export const OPTION_NAMES: Record<Language, Record<NumberOption, string>> = {
  ru: {
    callerId: 'АОН (подстановка многоканального номера)',
    recording: 'Запись звонков сотрудника',
    shortNumber: 'Короткая нумерация',
    melody: 'Мелодия при звонке сотруднику',
  },
  en: {
    callerId: 'Caller ID (multichannel number shown)',
    recording: 'Employee call recording',
    shortNumber: 'Short number',
    melody: 'Melody for callers',
  },
};

/** Notification scenarios. */
export const SCENARIO_NAMES: Record<Language, Record<Scenario, string>> = {
  ru: {
    'incoming-missed-call': 'Информирование недозвонившегося абонента',
    'incoming-visit-card': 'Визитка (входящие)',
    'outgoing-unreached': 'Информирование при недозвоне абоненту',
    'outgoing-visit-card': 'Визитка (исходящие)',
  },
  en: {
    'incoming-missed-call': 'Missed-call notice',
    'incoming-visit-card': 'Visit card (incoming)',
    'outgoing-unreached': 'Unreached notice',
    'outgoing-visit-card': 'Visit card (outgoing)',
  },
};

/** Channels. */
export const CHANNEL_NAMES: Record<Language, Record<Channel, string>> = {
  ru: { sms: 'SMS', telegram: 'Telegram' },
  en: { sms: 'SMS', telegram: 'Telegram' },
};
