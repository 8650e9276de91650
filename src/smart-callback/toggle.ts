/**
 * Turning smart callback on and off, and its window (1–1 440 minutes, default 60). The
 * codecs bound the window already; the decisions check again for typed commands.
 * @module
 */
import { left } from 'fp-ts/lib/Either.js';
import { accept, type DecideFn, type Decision, eventOf, reject } from '../account/decision.js';
import { subscriptionLapsed } from '../tariff/guards.js';

const invalidWindow = (minutes: number, field: string): Decision | undefined =>
  Number.isSafeInteger(minutes) && minutes >= 1 && minutes <= 1440
    ? undefined
    : reject('InvalidCallbackWindow', `the callback window is 1 to 1440 minutes, got ${minutes}`, {
        field,
        minutes,
        min: 1,
        max: 1440,
      });

/**
 * Turns smart callback on with the price in effect; the window is the one given, else the one
 * set before (default 60). Refusals: `SmartCallbackAlreadyEnabled`, `InvalidCallbackWindow`,
 * `SubscriptionLapsed`.
 */
export const decideEnableSmartCallback: DecideFn<'EnableSmartCallback'> = (command, state, context) => {
  const current = state.smartCallback;
  if (current.enabled) {
    return reject('SmartCallbackAlreadyEnabled', 'smart callback is already on', {
      windowMinutes: current.windowMinutes,
    });
  }
  const windowMinutes = command.data.windowMinutes ?? current.windowMinutes;
  const invalid = invalidWindow(windowMinutes, 'data.windowMinutes');
  if (invalid !== undefined) return invalid;
  const lapsed = subscriptionLapsed(state, context);
  if (lapsed !== undefined) return left(lapsed);
  return accept(
    eventOf(
      'SmartCallbackEnabled',
      { windowMinutes, monthlyFee: context.catalogue.smartCallback.monthlyFee },
      context,
    ),
  );
};

/** Turns smart callback off (open windows are dropped). Refusal: `SmartCallbackNotEnabled`. */
export const decideDisableSmartCallback: DecideFn<'DisableSmartCallback'> = (_command, state, context) =>
  state.smartCallback.enabled
    ? accept(eventOf('SmartCallbackDisabled', {}, context))
    : reject('SmartCallbackNotEnabled', 'smart callback is not on', {});

/**
 * Sets the window for windows opened from now on (allowed while the option is off, kept for
 * when it is turned on). The same value appends nothing. Refusal: `InvalidCallbackWindow`.
 */
export const decideSetSmartCallbackWindow: DecideFn<'SetSmartCallbackWindow'> = (command, state, context) => {
  const { minutes } = command.data;
  const invalid = invalidWindow(minutes, 'data.minutes');
  if (invalid !== undefined) return invalid;
  if (state.smartCallback.windowMinutes === minutes) return accept();
  return accept(eventOf('SmartCallbackWindowSet', { minutes }, context));
};
