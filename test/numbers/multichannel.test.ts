import { isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { AccountCommand } from '../../src/account/commands.js';
import { decodeCommand } from '../../src/account/commands.js';
import { roubles } from '../../src/catalogue/units.js';
import { given } from '../../src/testing/index.js';
import { cmd, decider, detailsOf, evt, expectMalformed, historyOf, openAccount } from '../tariff/fixtures.js';
import { addIvanov, IVANOV, MKN_1, MKN_2 } from './fixtures.js';

const opened = () => historyOf(openAccount());
const withTwo = () =>
  historyOf(
    openAccount(),
    cmd('AddMultichannelNumber', { number: MKN_1 }),
    cmd('AddMultichannelNumber', { number: MKN_2 }),
  );

describe('AddMultichannelNumber', () => {
  it('the first МКН becomes the main one; each carries the extra-МКН price in effect', () => {
    const first = cmd('AddMultichannelNumber', { number: MKN_1 });
    given(decider, opened())
      .when(first)
      .then([
        evt('MultichannelNumberAdded', { number: MKN_1, main: true, extraMonthlyFee: roubles(500) }, first),
      ]);
    const second = cmd('AddMultichannelNumber', { number: MKN_2 });
    given(decider, historyOf(openAccount(), first))
      .when(second)
      .then((events, state) => {
        expect(events).toEqual([
          evt(
            'MultichannelNumberAdded',
            { number: MKN_2, main: false, extraMonthlyFee: roubles(500) },
            second,
          ),
        ]);
        expect(state.numbers.multichannel).toEqual([MKN_1, MKN_2]);
        expect(state.numbers.mainMultichannel).toBe(MKN_1);
        expect(state.numbers.extraMultichannelFee).toBe(roubles(500));
      });
  });

  it('refuses a number already added, in any spelling: MultichannelNumberExists', () => {
    const decoded = decodeCommand({
      type: 'AddMultichannelNumber',
      data: { number: '8 (495) 123-45-67' },
      metadata: { commandId: 'c-x', accountId: 'acc-1', at: '2025-04-21T11:00:00+03:00', actor: 'user-1' },
    });
    expect(isRight(decoded)).toBe(true);
    if (!isRight(decoded)) return;
    given(decider, withTwo())
      .when(decoded.right as AccountCommand)
      .thenError('MultichannelNumberExists', (error) => {
        expect(detailsOf(error)).toEqual({ field: 'data.number', number: MKN_1 });
      });
  });

  it('refuses a number that is a user number of the account: NumberIsUserNumber', () => {
    given(decider, historyOf(openAccount(), addIvanov()))
      .when(cmd('AddMultichannelNumber', { number: IVANOV }))
      .thenError('NumberIsUserNumber');
  });

  it('refuses a malformed payload naming the field', () => {
    expectMalformed('AddMultichannelNumber', { number: '12345' }, 'data.number');
    expectMalformed('AddMultichannelNumber', {}, 'data.number');
  });
});

describe('SetMainMultichannelNumber', () => {
  it('makes another МКН the main one, naming the previous', () => {
    const set = cmd('SetMainMultichannelNumber', { number: MKN_2 });
    given(decider, withTwo())
      .when(set)
      .then((events, state) => {
        expect(events).toEqual([evt('MainMultichannelNumberSet', { number: MKN_2, previous: MKN_1 }, set)]);
        expect(state.numbers.mainMultichannel).toBe(MKN_2);
      });
  });

  it('the main one again changes nothing', () => {
    given(decider, withTwo())
      .when(cmd('SetMainMultichannelNumber', { number: MKN_1 }))
      .thenNothing();
  });

  it('refuses a number that is not an МКН of the account: UnknownMultichannelNumber', () => {
    given(decider, withTwo())
      .when(cmd('SetMainMultichannelNumber', { number: IVANOV }))
      .thenError('UnknownMultichannelNumber', (error) => expect(detailsOf(error).field).toBe('data.number'));
  });

  it('refuses a malformed payload naming the field', () => {
    expectMalformed('SetMainMultichannelNumber', { number: 'main' }, 'data.number');
  });
});
