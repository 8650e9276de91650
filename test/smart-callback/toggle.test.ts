import { describe, expect, it } from 'vitest';
import type { AccountCommandOf } from '../../src/account/commands.js';
import { given } from '../../src/testing/index.js';
import {
  cmd,
  decider,
  detailsOf,
  evt,
  expectMalformed,
  historyOf,
  lapsed,
  opened,
  stateOf,
} from '../calls/fixtures.js';

describe('EnableSmartCallback', () => {
  it('turns it on with the default 60-minute window and the price in effect', () => {
    const command = cmd('EnableSmartCallback', {});
    given(decider, opened())
      .when(command)
      .then([evt('SmartCallbackEnabled', { windowMinutes: 60, monthlyFee: 40_000 }, command)]);
    const state = stateOf(historyOf(opened(), cmd('EnableSmartCallback', { windowMinutes: 15 })));
    expect([
      state.smartCallback.enabled,
      state.smartCallback.windowMinutes,
      state.smartCallback.monthlyFee,
    ]).toEqual([true, 15, 40_000]);
  });

  it('keeps a window set while it was off', () => {
    given(decider, historyOf(opened(), cmd('SetSmartCallbackWindow', { minutes: 30 })))
      .when(cmd('EnableSmartCallback', {}))
      .then((events) => expect(events[0]?.data).toEqual({ windowMinutes: 30, monthlyFee: 40_000 }));
  });

  it('refuses when already on: SmartCallbackAlreadyEnabled', () => {
    given(decider, historyOf(opened(), cmd('EnableSmartCallback', {})))
      .when(cmd('EnableSmartCallback', {}))
      .thenError('SmartCallbackAlreadyEnabled');
  });

  it('refuses while the subscription is lapsed: SubscriptionLapsed', () => {
    given(decider, lapsed())
      .when(cmd('EnableSmartCallback', {}, '2025-05-22T10:00:00+03:00'))
      .thenError('SubscriptionLapsed');
  });

  it('refuses a window out of 1–1 440 through decodeCommand and in decide', () => {
    expectMalformed('EnableSmartCallback', { windowMinutes: 0 }, 'data.windowMinutes');
    expectMalformed('EnableSmartCallback', { windowMinutes: 1441 }, 'data.windowMinutes');
    expectMalformed('EnableSmartCallback', { window: 10 }, 'data.window');
    const error = given(decider, opened())
      .when(cmd('EnableSmartCallback', { windowMinutes: 0 }))
      .thenError('InvalidCallbackWindow');
    expect(detailsOf(error)).toEqual({ field: 'data.windowMinutes', minutes: 0, min: 1, max: 1440 });
  });
});

describe('DisableSmartCallback', () => {
  it('turns it off; refuses when it is not on: SmartCallbackNotEnabled', () => {
    const command = cmd('DisableSmartCallback', {});
    given(decider, historyOf(opened(), cmd('EnableSmartCallback', {})))
      .when(command)
      .then([evt('SmartCallbackDisabled', {}, command)]);
    given(decider, opened()).when(cmd('DisableSmartCallback', {})).thenError('SmartCallbackNotEnabled');
    expectMalformed('DisableSmartCallback', { now: true }, 'data.now');
  });
});

describe('SetSmartCallbackWindow', () => {
  it('sets the window; the same value again appends nothing', () => {
    const command = cmd('SetSmartCallbackWindow', { minutes: 1440 });
    given(decider, opened())
      .when(command)
      .then([evt('SmartCallbackWindowSet', { minutes: 1440 }, command)]);
    given(decider, opened())
      .when(cmd('SetSmartCallbackWindow', { minutes: 60 }))
      .thenNothing();
  });

  it('refuses a window out of 1–1 440 through decodeCommand and in decide', () => {
    expectMalformed('SetSmartCallbackWindow', { minutes: 0 }, 'data.minutes');
    expectMalformed('SetSmartCallbackWindow', { minutes: '60' }, 'data.minutes');
    for (const minutes of [0, 1441]) {
      const error = given(decider, opened())
        .when(
          cmd('SetSmartCallbackWindow', { minutes } as AccountCommandOf<'SetSmartCallbackWindow'>['data']),
        )
        .thenError('InvalidCallbackWindow');
      expect(detailsOf(error)).toEqual({ field: 'data.minutes', minutes, min: 1, max: 1440 });
    }
  });
});
