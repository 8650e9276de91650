import { describe, expect, it } from 'vitest';
import { roubles } from '../../src/catalogue/units.js';
import { given } from '../../src/testing/index.js';
import { cmd, decider, detailsOf, evt, expectMalformed, historyOf, openAccount } from '../tariff/fixtures.js';
import {
  addExternal,
  addIvanov,
  EXTERNAL,
  enable,
  IVANOV,
  MKN_1,
  PETROVA,
  STRANGER,
  staffed,
} from './fixtures.js';

describe('EnableNumberOption', () => {
  it('turns an option on for many numbers in one event, with the price in effect', () => {
    const on = enable('recording', IVANOV, PETROVA);
    given(decider, staffed())
      .when(on)
      .then((events, state) => {
        expect(events).toEqual([
          evt(
            'NumberOptionEnabled',
            {
              option: 'recording',
              numbers: [IVANOV, PETROVA],
              skipped: [],
              monthlyFee: roubles(150),
              callerIdNumber: null,
            },
            on,
          ),
        ]);
        expect(state.numbers.users[IVANOV]?.recording).toEqual({ monthlyFee: roubles(150) });
        expect(state.numbers.users[PETROVA]?.recording).toEqual({ monthlyFee: roubles(150) });
      });
  });

  it('caller ID shows the main МКН by default', () => {
    const on = enable('callerId', IVANOV);
    given(decider, staffed())
      .when(on)
      .then((events, state) => {
        expect(events[0]?.type === 'NumberOptionEnabled' && events[0].data.callerIdNumber).toBe(MKN_1);
        expect(state.numbers.users[IVANOV]?.callerId).toEqual({
          monthlyFee: roubles(100),
          multichannelNumber: MKN_1,
        });
      });
  });

  it('short number and melody start unassigned', () => {
    const state = given(decider, staffed(enable('shortNumber', IVANOV), enable('melody', IVANOV))).state;
    expect(state.numbers.users[IVANOV]?.shortNumber).toEqual({ monthlyFee: roubles(50), code: null });
    expect(state.numbers.users[IVANOV]?.melody).toEqual({ monthlyFee: roubles(50), melodyId: null });
  });

  it('an added (external) number is refused caller ID and recording, but may have a short number and a melody', () => {
    for (const option of ['callerId', 'recording'] as const) {
      given(decider, staffed())
        .when(enable(option, IVANOV, EXTERNAL))
        .thenError('IneligibleNumbers', (error) => {
          expect(detailsOf(error)).toEqual({
            field: 'data.numbers',
            option,
            numbers: [{ number: EXTERNAL, reason: 'added-number' }],
          });
        });
    }
    given(decider, staffed())
      .when(enable('shortNumber', EXTERNAL))
      .then((events) => expect(events).toHaveLength(1));
    given(decider, staffed())
      .when(enable('melody', EXTERNAL))
      .then((events) => expect(events).toHaveLength(1));
  });

  it('lists every ineligible number with its reason, and refuses as a whole', () => {
    given(decider, staffed(enable('recording', PETROVA)))
      .when(enable('recording', IVANOV, PETROVA, EXTERNAL, STRANGER))
      .thenError('IneligibleNumbers', (error) => {
        expect(detailsOf(error).numbers).toEqual([
          { number: PETROVA, reason: 'already-enabled' },
          { number: EXTERNAL, reason: 'added-number' },
          { number: STRANGER, reason: 'unknown-number' },
        ]);
        expect(error.message).toContain(STRANGER);
      });
  });

  it('skipIneligible: the eligible numbers get it, the event names those skipped', () => {
    const on = cmd('EnableNumberOption', {
      option: 'recording',
      numbers: [IVANOV, EXTERNAL, STRANGER],
      skipIneligible: true,
    });
    given(decider, staffed())
      .when(on)
      .then((events, state) => {
        expect(events).toEqual([
          evt(
            'NumberOptionEnabled',
            {
              option: 'recording',
              numbers: [IVANOV],
              skipped: [
                { number: EXTERNAL, reason: 'added-number' },
                { number: STRANGER, reason: 'unknown-number' },
              ],
              monthlyFee: roubles(150),
              callerIdNumber: null,
            },
            on,
          ),
        ]);
        expect(state.numbers.users[EXTERNAL]?.recording).toBeNull();
      });
  });

  it('skipIneligible with nothing eligible is still refused', () => {
    given(decider, staffed())
      .when(
        cmd('EnableNumberOption', {
          option: 'recording',
          numbers: [EXTERNAL, STRANGER],
          skipIneligible: true,
        }),
      )
      .thenError('IneligibleNumbers', (error) => expect(error.message).toContain('no number is eligible'));
  });

  it('caller ID needs an МКН on the account: no-multichannel-number', () => {
    given(decider, historyOf(openAccount(), addIvanov(), addExternal()))
      .when(enable('callerId', IVANOV))
      .thenError('IneligibleNumbers', (error) => {
        expect(detailsOf(error).numbers).toEqual([{ number: IVANOV, reason: 'no-multichannel-number' }]);
      });
  });

  it('refuses a number listed twice (spellings normalise to one): DuplicateNumbers', () => {
    given(decider, staffed())
      .when(enable('melody', IVANOV, PETROVA, IVANOV))
      .thenError('DuplicateNumbers', (error) => {
        expect(detailsOf(error)).toEqual({ field: 'data.numbers', numbers: [IVANOV] });
      });
  });

  it('a lapsed subscription refuses turning an option on: SubscriptionLapsed', () => {
    const lapsed = staffed(
      cmd('SetAutoRenewal', { enabled: false }),
      cmd('RenewSubscription', {}, '2025-05-21T10:00:00+03:00'),
    );
    given(decider, lapsed)
      .when(
        cmd('EnableNumberOption', { option: 'shortNumber', numbers: [IVANOV] }, '2025-05-22T10:00:00+03:00'),
      )
      .thenError('SubscriptionLapsed');
    // Turning options off stays allowed.
    const withMelody = staffed(
      enable('melody', IVANOV),
      cmd('SetAutoRenewal', { enabled: false }),
      cmd('RenewSubscription', {}, '2025-05-21T10:00:00+03:00'),
    );
    given(decider, withMelody)
      .when(cmd('DisableNumberOption', { option: 'melody', numbers: [IVANOV] }, '2025-05-22T10:00:00+03:00'))
      .then((events) => expect(events[0]?.type).toBe('NumberOptionDisabled'));
  });

  it('refuses malformed payloads naming the field', () => {
    expectMalformed('EnableNumberOption', { option: 'fax', numbers: [IVANOV] }, 'data.option');
    expectMalformed('EnableNumberOption', { option: 'melody', numbers: [] }, 'data.numbers');
    expectMalformed('EnableNumberOption', { option: 'melody', numbers: [IVANOV, 'nope'] }, 'data.numbers[1]');
    expectMalformed(
      'EnableNumberOption',
      { option: 'melody', numbers: [IVANOV], skipIneligible: 1 },
      'data.skipIneligible',
    );
  });
});

describe('DisableNumberOption', () => {
  it('turns an option off for many numbers; their short numbers are free again', () => {
    const history = staffed(
      enable('shortNumber', IVANOV, PETROVA),
      cmd('AssignShortNumber', { number: IVANOV, shortNumber: '1001' }),
      cmd('AssignShortNumber', { number: PETROVA, shortNumber: '1002' }),
    );
    const off = cmd('DisableNumberOption', { option: 'shortNumber', numbers: [IVANOV, PETROVA] });
    given(decider, history)
      .when(off)
      .then((events, state) => {
        expect(events).toEqual([
          evt(
            'NumberOptionDisabled',
            {
              option: 'shortNumber',
              numbers: [IVANOV, PETROVA],
              skipped: [],
              freedShortNumbers: ['1001', '1002'],
            },
            off,
          ),
        ]);
        expect(state.numbers.shortNumbers).toEqual({});
        expect(state.numbers.users[IVANOV]?.shortNumber).toBeNull();
      });
  });

  it('refuses numbers without the option or unknown, listing them; skips them on request', () => {
    const history = staffed(enable('recording', IVANOV));
    given(decider, history)
      .when(cmd('DisableNumberOption', { option: 'recording', numbers: [IVANOV, PETROVA, STRANGER] }))
      .thenError('IneligibleNumbers', (error) => {
        expect(detailsOf(error).numbers).toEqual([
          { number: PETROVA, reason: 'already-disabled' },
          { number: STRANGER, reason: 'unknown-number' },
        ]);
      });
    const off = cmd('DisableNumberOption', {
      option: 'recording',
      numbers: [IVANOV, PETROVA],
      skipIneligible: true,
    });
    given(decider, history)
      .when(off)
      .then([
        evt(
          'NumberOptionDisabled',
          {
            option: 'recording',
            numbers: [IVANOV],
            skipped: [{ number: PETROVA, reason: 'already-disabled' }],
            freedShortNumbers: [],
          },
          off,
        ),
      ]);
    given(decider, history)
      .when(cmd('DisableNumberOption', { option: 'recording', numbers: [PETROVA], skipIneligible: true }))
      .thenError('IneligibleNumbers');
  });

  it('refuses a number listed twice: DuplicateNumbers', () => {
    given(decider, staffed(enable('recording', IVANOV)))
      .when(cmd('DisableNumberOption', { option: 'recording', numbers: [IVANOV, IVANOV] }))
      .thenError('DuplicateNumbers');
  });

  it('refuses malformed payloads naming the field', () => {
    expectMalformed('DisableNumberOption', { option: 'callerID', numbers: [IVANOV] }, 'data.option');
    expectMalformed('DisableNumberOption', { option: 'melody' }, 'data.numbers');
    expectMalformed('DisableNumberOption', { option: 'melody', numbers: [IVANOV], skip: true }, 'data.skip');
  });
});
