/**
 * The four notification scenarios and their channels.
 * @module
 */
import * as t from 'io-ts';

/** Scenarios of customer notifications after calls. */
export type Scenario =
  | 'incoming-missed-call'
  | 'incoming-visit-card'
  | 'outgoing-unreached'
  | 'outgoing-visit-card';

/** io-ts codec of {@link Scenario}. */
export const ScenarioCodec = t.keyof(
  {
    'incoming-missed-call': null,
    'incoming-visit-card': null,
    'outgoing-unreached': null,
    'outgoing-visit-card': null,
  },
  'Scenario',
);

/** Every scenario, in the order of the PBX's dialog. */
export const SCENARIOS: readonly Scenario[] = [
  'incoming-missed-call',
  'incoming-visit-card',
  'outgoing-unreached',
  'outgoing-visit-card',
];

/**
 * The scenarios a suppression window applies to: the missed-call and unreached notices (a visit
 * card already comes once per period).
 */
export type SuppressibleScenario = 'incoming-missed-call' | 'outgoing-unreached';

/** io-ts codec of {@link SuppressibleScenario}. */
export const SuppressibleScenarioCodec = t.keyof(
  { 'incoming-missed-call': null, 'outgoing-unreached': null },
  'SuppressibleScenario',
);

/** `sms` spends SMS from the balance; `telegram` costs a monthly fee per scenario. */
export type Channel = 'sms' | 'telegram';

/** io-ts codec of {@link Channel}. */
export const ChannelCodec = t.keyof({ sms: null, telegram: null }, 'Channel');

/** Call direction. */
export type Direction = 'incoming' | 'outgoing';

/** io-ts codec of {@link Direction}. */
export const DirectionCodec = t.keyof({ incoming: null, outgoing: null }, 'Direction');
