/**
 * The page's own read model, built with the library's `createProjection`: the settings its
 * forms show as they are now — the storage auto-add flag, each notification scenario's channels
 * and text, and the visit cards' periods. (The library's read models answer money and usage; a
 * settings form only needs the last value saved.)
 * @module
 */
import { createProjection, type Direction, SCENARIOS, type Scenario } from '../../src/index.js';

/** One scenario as its form shows it. */
export interface ScenarioForm {
  sms: boolean;
  telegram: boolean;
  text: string;
}

/** The settings view (mutable form; the page gets it read-only). */
export interface SettingsDraft {
  autoAddPacks: boolean;
  scenarios: Record<Scenario, ScenarioForm>;
  /** Months, 1–12; a visit card is sent after the first call within this many months. */
  visitCardMonths: Record<Direction, number>;
}

const initial = (): SettingsDraft => ({
  autoAddPacks: false,
  scenarios: Object.fromEntries(
    SCENARIOS.map((s): [Scenario, ScenarioForm] => [s, { sms: false, telegram: false, text: '' }]),
  ) as Record<Scenario, ScenarioForm>,
  // The library's default period until one is set.
  visitCardMonths: { incoming: 1, outgoing: 1 },
});

/** The forms' current values. */
export const settings = createProjection({
  name: 'cabinetSettings',
  initial: initial(),
  recipe: (view: SettingsDraft, event) => {
    switch (event.type) {
      case 'AutoAddPacksSet':
        view.autoAddPacks = event.data.enabled;
        return;
      case 'NotificationConfigured': {
        const form = view.scenarios[event.data.scenario];
        form.sms = event.data.sms;
        form.telegram = event.data.telegram;
        form.text = event.data.text;
        return;
      }
      case 'VisitCardPeriodSet':
        view.visitCardMonths[event.data.direction] = event.data.months;
        return;
      default:
        return;
    }
  },
});

/** The settings view. */
export type Settings = typeof settings.initial;
