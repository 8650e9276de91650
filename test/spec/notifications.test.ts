/**
 * Customer notifications after calls, rule by rule: four scenarios, each with its own text and
 * its own two channels (SMS spends from the balance, Telegram 300 ₽ a month); incoming scenarios
 * never for direct calls; visit cards once per period of 1–12 months set per scenario ("no call
 * in the same direction with the same client in the N calendar months before"; for incoming only
 * МКН calls count; any outcome counts); at most one missed-call / unreached notice per client per
 * scenario within a suppression window of 0–1 440 minutes, default 60, set per scenario; texts of
 * at most 210 characters.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { AccountEvent } from '../../src/account/events.js';
import {
  decodeCommand,
  decodeStoredAccountEvent,
  history,
  historyLines,
  type Scenario,
} from '../../src/index.js';
import { given } from '../../src/testing/index.js';
import {
  ACCOUNT,
  accepted,
  CLIENT,
  CLIENT_2,
  call,
  cmd,
  DAY_2,
  decider,
  historyOf,
  OPERATOR,
  ofType,
  refusal,
  type Step,
  staffed,
} from './support.js';

const TEXTS: Record<Scenario, string> = {
  'incoming-missed-call': 'Здравствуйтесь, спасибо за ваш звонок. Наш оператор перезвонит вам.',
  'incoming-visit-card': 'Здравствуйтесь, спасибо за ваш звонок.',
  'outgoing-unreached': 'Мы не смогли до вас дозвониться.',
  'outgoing-visit-card': 'Спасибо, что выбрали нас.',
};
const configure = (scenario: Scenario, channels: { sms?: boolean; telegram?: boolean } = { sms: true }) =>
  cmd(
    'ConfigureNotification',
    { scenario, sms: channels.sms ?? false, telegram: channels.telegram ?? false, text: TEXTS[scenario] },
    DAY_2,
  );
/** 3 000 SMS and the given scenarios on SMS. */
const ready = (scenarios: readonly Scenario[], ...more: Step[]) =>
  staffed(cmd('PurchaseSmsPackage', { size: 3000 }, DAY_2), ...scenarios.map((s) => configure(s)), ...more);
const ALL: readonly Scenario[] = [
  'incoming-missed-call',
  'incoming-visit-card',
  'outgoing-unreached',
  'outgoing-visit-card',
];
const sentBy = (events: readonly AccountEvent[]) =>
  ofType(events, 'NotificationSent').map((e) => [e.data.scenario, e.data.channel, e.data.text]);
const at = (day: string, time = '12:00') => `2025-${day}T${time}:00+03:00`;

describe('four scenarios, each with its own text and its own channels', () => {
  it('a first, missed МКН call gets the missed-call notice and the incoming visit card, each with its text', () => {
    given(decider, ready(ALL))
      .when(call('c-1', at('04-23'), { outcome: 'missed' }))
      .then((events) => {
        expect(sentBy(events)).toEqual([
          ['incoming-missed-call', 'sms', TEXTS['incoming-missed-call']],
          ['incoming-visit-card', 'sms', TEXTS['incoming-visit-card']],
        ]);
      });
  });

  it('an unreached client of an outgoing call gets the unreached notice and the outgoing visit card', () => {
    given(decider, ready(ALL))
      .when(call('c-1', at('04-23'), { direction: 'outgoing', outcome: 'busy', operator: OPERATOR }))
      .then((events) => {
        expect(sentBy(events)).toEqual([
          ['outgoing-unreached', 'sms', TEXTS['outgoing-unreached']],
          ['outgoing-visit-card', 'sms', TEXTS['outgoing-visit-card']],
        ]);
      });
  });

  it('an answered call gets no missed-call or unreached notice', () => {
    const events = accepted(
      ready(['incoming-missed-call', 'outgoing-unreached']),
      call('c-1', at('04-23'), { outcome: 'answered' }),
    );
    expect(ofType(events, 'NotificationSent')).toHaveLength(0);
  });

  it('a scenario that is off sends nothing', () => {
    const events = accepted(ready([]), call('c-1', at('04-23')));
    expect(ofType(events, 'NotificationSent')).toHaveLength(0);
  });

  it('SMS spends from the balance; Telegram spends no SMS and costs 300 ₽ a month per scenario', () => {
    const history = staffed(
      cmd('PurchaseSmsPackage', { size: 3000 }, DAY_2),
      configure('incoming-missed-call', { sms: true, telegram: true }),
      configure('incoming-visit-card', { telegram: true }),
    );
    const configured = ofType(history, 'NotificationConfigured');
    expect(configured.map((e) => e.data.telegramMonthlyFee)).toEqual([30_000, 30_000]);
    given(decider, history)
      .when(call('c-1', at('04-23')))
      .then((events, state) => {
        expect(
          ofType(events, 'NotificationSent').map((e) => [e.data.scenario, e.data.channel, e.data.smsSpent]),
        ).toEqual([
          ['incoming-missed-call', 'sms', 1],
          ['incoming-missed-call', 'telegram', 0],
          ['incoming-visit-card', 'telegram', 0],
        ]);
        expect(state.sms.balance).toBe(2999);
      });
  });
});

describe('incoming scenarios never fire for direct calls', () => {
  it('a missed direct call to an employee’s own number sends no incoming notice', () => {
    const events = accepted(ready(ALL), call('c-1', at('04-23'), { line: 'direct', operator: OPERATOR }));
    expect(ofType(events, 'NotificationSent')).toHaveLength(0);
    expect(ofType(events, 'NotificationSkipped')).toHaveLength(0);
  });

  it('a direct call is no contact for the incoming visit card: a later МКН call still gets it', () => {
    const history = ready(
      ['incoming-visit-card'],
      call('c-1', at('04-23'), { line: 'direct', outcome: 'answered' }),
    );
    const events = accepted(history, call('c-2', at('04-24'), { outcome: 'answered' }));
    expect(sentBy(events).map(([scenario]) => scenario)).toEqual(['incoming-visit-card']);
  });
});

describe('visit cards: once per period of 1–12 months, set per scenario, default 1', () => {
  it('the period is 1 month by default for both directions', () => {
    const state = given(decider, staffed()).state;
    expect(state.notifications.visitCardMonths).toEqual({ incoming: 1, outgoing: 1 });
  });

  it.each([0, 13, 1.5])('a period of %s months is refused, naming the field', (months) => {
    const decoded = decodeCommand({
      type: 'SetVisitCardPeriod',
      data: { direction: 'incoming', months },
      metadata: { commandId: 'c-1', accountId: ACCOUNT, at: DAY_2, actor: 'user-1' },
    });
    if (!isLeft(decoded)) throw new Error('accepted');
    expect(decoded.left.issues.map((issue) => issue.path)).toContain('data.months');
  });

  it.each([2, 12])('a period of %i months is accepted', (months) => {
    const events = accepted(staffed(), cmd('SetVisitCardPeriod', { direction: 'outgoing', months }, DAY_2));
    expect(ofType(events, 'VisitCardPeriodSet')[0]?.data).toEqual({ direction: 'outgoing', months });
  });

  it('a period of 1 month is accepted (back from 12; the default needs no event)', () => {
    const history = historyOf(
      staffed(),
      cmd('SetVisitCardPeriod', { direction: 'incoming', months: 12 }, DAY_2),
    );
    const events = accepted(history, cmd('SetVisitCardPeriod', { direction: 'incoming', months: 1 }, DAY_2));
    expect(ofType(events, 'VisitCardPeriodSet')[0]?.data).toEqual({ direction: 'incoming', months: 1 });
    expect(
      accepted(staffed(), cmd('SetVisitCardPeriod', { direction: 'incoming', months: 1 }, DAY_2)),
    ).toEqual([]);
  });

  it('a second call within the month gets no card; a call a calendar month after the last one gets it again', () => {
    const history = ready(['incoming-visit-card'], call('c-1', at('04-23'), { outcome: 'answered' }));
    const within = accepted(history, call('c-2', at('05-22'), { outcome: 'answered' }));
    expect(sentBy(within)).toEqual([]);
    const after = accepted(history, call('c-2', at('05-23'), { outcome: 'answered' }));
    expect(sentBy(after).map(([scenario]) => scenario)).toEqual(['incoming-visit-card']);
  });

  it('the last call counts, not the first: a contact every 3 weeks keeps the card from coming back', () => {
    const history = ready(
      ['incoming-visit-card'],
      call('c-1', at('04-23'), { outcome: 'answered' }),
      call('c-2', at('05-14'), { outcome: 'answered' }),
    );
    expect(sentBy(accepted(history, call('c-3', at('06-04'), { outcome: 'answered' })))).toEqual([]);
  });

  it('the period is per scenario: 3 months incoming, 1 month outgoing', () => {
    const history = ready(
      ['incoming-visit-card', 'outgoing-visit-card'],
      cmd('SetVisitCardPeriod', { direction: 'incoming', months: 3 }, DAY_2),
      call('c-1', at('04-23'), { outcome: 'answered' }),
      call('c-2', at('04-23', '13:00'), { direction: 'outgoing', outcome: 'answered', operator: OPERATOR }),
    );
    expect(sentBy(accepted(history, call('c-3', at('06-24'), { outcome: 'answered' })))).toEqual([]);
    const outgoing = accepted(
      history,
      call('c-3', at('06-24'), { direction: 'outgoing', outcome: 'answered', operator: OPERATOR }),
    );
    expect(sentBy(outgoing).map(([scenario]) => scenario)).toEqual(['outgoing-visit-card']);
    const incomingLater = accepted(history, call('c-3', at('07-23'), { outcome: 'answered' }));
    expect(sentBy(incomingLater).map(([scenario]) => scenario)).toEqual(['incoming-visit-card']);
  });

  it('only calls in the same direction count: an outgoing call does not spend the incoming card', () => {
    const history = ready(
      ['incoming-visit-card'],
      call('c-1', at('04-23'), { direction: 'outgoing', outcome: 'answered', operator: OPERATOR }),
    );
    const events = accepted(history, call('c-2', at('04-24'), { outcome: 'answered' }));
    expect(sentBy(events).map(([scenario]) => scenario)).toEqual(['incoming-visit-card']);
  });

  it('any outcome counts as a contact: after a missed call, an answered one within the month gets no card', () => {
    const history = ready(['incoming-visit-card'], call('c-1', at('04-23'), { outcome: 'missed' }));
    expect(sentBy(accepted(history, call('c-2', at('04-24'), { outcome: 'answered' })))).toEqual([]);
  });

  it('each client has their own period', () => {
    const history = ready(['incoming-visit-card'], call('c-1', at('04-23'), { outcome: 'answered' }));
    const other = accepted(history, call('c-2', at('04-24'), { outcome: 'answered', client: CLIENT_2 }));
    expect(ofType(other, 'NotificationSent')[0]?.data.recipient).toBe(CLIENT_2);
  });
});

describe('missed-call and unreached notices: one per client per scenario within the suppression window', () => {
  it('the window is 60 minutes by default: a second missed call 59 minutes later is skipped as suppressed', () => {
    const history = ready(['incoming-missed-call'], call('c-1', at('04-23', '12:00')));
    given(decider, history)
      .when(call('c-2', at('04-23', '12:59')))
      .then((events, state) => {
        expect(ofType(events, 'NotificationSkipped')[0]?.data).toMatchObject({ reason: 'suppressed' });
        expect(state.sms.balance).toBe(2999);
      });
    expect(sentBy(accepted(history, call('c-2', at('04-23', '13:00'))))).toHaveLength(1);
  });

  it('the window is per client', () => {
    const history = ready(['incoming-missed-call'], call('c-1', at('04-23', '12:00')));
    expect(sentBy(accepted(history, call('c-2', at('04-23', '12:10'), { client: CLIENT_2 })))).toHaveLength(
      1,
    );
  });

  it('the window is per scenario: a missed-call notice does not hold back an unreached one', () => {
    const history = ready(['incoming-missed-call', 'outgoing-unreached'], call('c-1', at('04-23', '12:00')));
    const events = accepted(
      history,
      call('c-2', at('04-23', '12:10'), { direction: 'outgoing', outcome: 'missed', operator: OPERATOR }),
    );
    expect(sentBy(events).map(([scenario]) => scenario)).toEqual(['outgoing-unreached']);
  });

  it.each([0, 1440])('a window of %i minutes is accepted', (minutes) => {
    expect(accepted(staffed(), cmd('SetNotificationSuppression', { minutes }, DAY_2))).toHaveLength(1);
  });

  it.each([-1, 1441])('a window of %i minutes is refused, naming the field', (minutes) => {
    const decoded = decodeCommand({
      type: 'SetNotificationSuppression',
      data: { minutes },
      metadata: { commandId: 'c-1', accountId: ACCOUNT, at: DAY_2, actor: 'user-1' },
    });
    if (!isLeft(decoded)) throw new Error('accepted');
    expect(decoded.left.issues.map((issue) => issue.path)).toContain('data.minutes');
  });

  it('a window of 0 never suppresses', () => {
    const history = ready(
      ['incoming-missed-call'],
      cmd('SetNotificationSuppression', { minutes: 0 }, DAY_2),
      call('c-1', at('04-23', '12:00')),
    );
    expect(sentBy(accepted(history, call('c-2', at('04-23', '12:00'))))).toHaveLength(1);
  });

  it('the window is set per scenario: 10 minutes for missed calls leaves unreached notices at 60', () => {
    const history = ready(
      ['incoming-missed-call', 'outgoing-unreached'],
      cmd('SetNotificationSuppression', { scenario: 'incoming-missed-call', minutes: 10 }, DAY_2),
      call('c-1', at('04-23', '12:00')),
      call('c-2', at('04-23', '12:00'), { direction: 'outgoing', outcome: 'missed', operator: OPERATOR }),
    );
    expect(sentBy(accepted(history, call('c-3', at('04-23', '12:10')))).map(([s]) => s)).toEqual([
      'incoming-missed-call',
    ]);
    const unreached = accepted(
      history,
      call('c-3', at('04-23', '12:10'), { direction: 'outgoing', outcome: 'missed', operator: OPERATOR }),
    );
    expect(ofType(unreached, 'NotificationSkipped')[0]?.data).toMatchObject({
      scenario: 'outgoing-unreached',
      reason: 'suppressed',
    });
  });

  it('without a scenario, the window is set for both', () => {
    const history = ready(
      ['incoming-missed-call', 'outgoing-unreached'],
      cmd('SetNotificationSuppression', { minutes: 5 }, DAY_2),
      call('c-1', at('04-23', '12:00')),
      call('c-2', at('04-23', '12:00'), { direction: 'outgoing', outcome: 'missed', operator: OPERATOR }),
    );
    expect(sentBy(accepted(history, call('c-3', at('04-23', '12:05'))))).toHaveLength(1);
    const unreached = accepted(
      history,
      call('c-3', at('04-23', '12:05'), { direction: 'outgoing', outcome: 'missed', operator: OPERATOR }),
    );
    expect(sentBy(unreached)).toHaveLength(1);
  });

  it('a window set by 0.1.0 (one window for both scenarios) still reads as both', () => {
    const stored = decodeStoredAccountEvent({
      type: 'NotificationSuppressionSet',
      data: { minutes: 15 },
      metadata: {
        at: DAY_2,
        commandId: 'old-1',
        actor: 'user-1',
        eventId: 'old-1/0',
        streamId: 'account-acc-1',
        version: 9,
        globalPosition: 9,
        schemaVersion: 1,
      },
    });
    if (isLeft(stored)) throw new Error(stored.left.message);
    expect(stored.right.data).toEqual({ minutes: 15, scenario: null });
    const state = given(decider, historyOf(staffed(), [stored.right])).state;
    expect(state.notifications.suppressionMinutes).toEqual({
      'incoming-missed-call': 15,
      'outgoing-unreached': 15,
    });
  });

  it('the history says whose window was set', () => {
    const events = historyOf(
      staffed(),
      cmd('SetNotificationSuppression', { scenario: 'outgoing-unreached', minutes: 21 }, DAY_2),
      cmd('SetNotificationSuppression', { minutes: 5 }, DAY_2),
    );
    const [both, unreached] = historyLines(history(events), { limit: 2 });
    expect(unreached?.text).toBe(
      'Повторное уведомление одному абоненту не чаще раза в 21 минуту (сценарий «Информирование при недозвоне абоненту»)',
    );
    expect(both?.text).toBe('Повторное уведомление одному абоненту не чаще раза в 5 минут');
  });

  it('visit cards are never suppressed', () => {
    const history = ready(['incoming-visit-card'], call('c-1', at('04-23', '12:00'), { client: CLIENT }));
    expect(sentBy(accepted(history, call('c-2', at('04-23', '12:01'), { client: CLIENT_2 })))).toHaveLength(
      1,
    );
  });
});

describe('message text: at most 210 characters, counted as a person sees them', () => {
  it('210 characters are accepted, with the SMS count in the event; 211 are refused', () => {
    const text = `${'Ж'.repeat(209)}😀`;
    const events = accepted(
      staffed(),
      cmd(
        'ConfigureNotification',
        { scenario: 'incoming-missed-call', sms: true, telegram: false, text },
        DAY_2,
      ),
    );
    expect(ofType(events, 'NotificationConfigured')[0]?.data).toMatchObject({
      characters: 210,
      segments: 4,
      encoding: 'UCS-2',
    });
    const error = refusal(
      staffed(),
      cmd(
        'ConfigureNotification',
        { scenario: 'incoming-missed-call', sms: true, telegram: false, text: `${text}.` },
        DAY_2,
      ),
    );
    expect(error.code).toBe('SmsTextTooLong');
    expect(error.details).toMatchObject({ field: 'data.text', characters: 211, max: 210 });
  });

  it('the dialog’s texts: 65 and 38 characters, one SMS each', () => {
    // The dialog's counter shows 65 for the greeting spelt «Здравствуйте» (its text field has a typo).
    const greeting = 'Здравствуйте, спасибо за ваш звонок. Наш оператор перезвонит вам.';
    const missed = accepted(
      staffed(),
      cmd(
        'ConfigureNotification',
        { scenario: 'incoming-missed-call', sms: true, telegram: false, text: greeting },
        DAY_2,
      ),
    );
    const card = accepted(staffed(), configure('incoming-visit-card'));
    expect(ofType(missed, 'NotificationConfigured')[0]?.data).toMatchObject({ characters: 65, segments: 1 });
    expect(ofType(card, 'NotificationConfigured')[0]?.data).toMatchObject({ characters: 38, segments: 1 });
  });
});
