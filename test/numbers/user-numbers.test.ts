import { describe, expect, it } from 'vitest';
import { given } from '../../src/testing/index.js';
import { cmd, decider, detailsOf, evt, expectMalformed, historyOf, openAccount } from '../tariff/fixtures.js';
import { addIvanov, enable, IVANOV, MKN_1, PETROVA, STRANGER, staffed } from './fixtures.js';

describe('AddNumber', () => {
  it('adds a user number with no option on', () => {
    const add = addIvanov();
    given(decider, historyOf(openAccount()))
      .when(add)
      .then((events, state) => {
        expect(events).toEqual([
          evt(
            'NumberAdded',
            { number: IVANOV, kind: 'regular', fullName: 'Иванов Иван', department: 'Продажи' },
            add,
          ),
        ]);
        expect(state.numbers.users[IVANOV]).toEqual({
          number: IVANOV,
          kind: 'regular',
          fullName: 'Иванов Иван',
          department: 'Продажи',
          callerId: null,
          shortNumber: null,
          recording: null,
          melody: null,
        });
      });
  });

  it('refuses a number the account has: NumberExists', () => {
    given(decider, staffed())
      .when(addIvanov())
      .thenError('NumberExists', (error) =>
        expect(detailsOf(error)).toEqual({ field: 'data.number', number: IVANOV }),
      );
  });

  it('refuses an МКН of the account: NumberIsMultichannel', () => {
    given(decider, staffed())
      .when(cmd('AddNumber', { number: MKN_1, kind: 'regular', fullName: 'Офис', department: '' }))
      .thenError('NumberIsMultichannel');
  });

  it('refuses malformed payloads naming the field', () => {
    const good = { number: IVANOV, kind: 'regular', fullName: 'Иванов Иван', department: 'Продажи' };
    expectMalformed('AddNumber', { ...good, number: '+7 912' }, 'data.number');
    expectMalformed('AddNumber', { ...good, kind: 'mobile' }, 'data.kind');
    expectMalformed('AddNumber', { ...good, fullName: '   ' }, 'data.fullName');
    expectMalformed('AddNumber', { ...good, department: 7 }, 'data.department');
  });
});

describe('RemoveNumber', () => {
  it('removes a number, listing its options and freeing its short number for another', () => {
    const history = staffed(
      enable('shortNumber', IVANOV),
      enable('recording', IVANOV),
      cmd('AssignShortNumber', { number: IVANOV, shortNumber: '1001' }),
    );
    const remove = cmd('RemoveNumber', { number: IVANOV });
    const events = given(decider, history)
      .when(remove)
      .then([
        evt(
          'NumberRemoved',
          { number: IVANOV, options: ['recording', 'shortNumber'], freedShortNumber: '1001' },
          remove,
        ),
      ]);
    const after = given(decider, [...history, ...events]).state;
    expect(after.numbers.users[IVANOV]).toBeUndefined();
    expect(after.numbers.shortNumbers).toEqual({});
  });

  it('a removed number gives its short number back: another number can take it', () => {
    const history = staffed(
      enable('shortNumber', IVANOV, PETROVA),
      cmd('AssignShortNumber', { number: IVANOV, shortNumber: '1001' }),
      cmd('RemoveNumber', { number: IVANOV }),
    );
    const reuse = cmd('AssignShortNumber', { number: PETROVA, shortNumber: '1001' });
    given(decider, history)
      .when(reuse)
      .then([evt('ShortNumberAssigned', { number: PETROVA, shortNumber: '1001', previous: null }, reuse)]);
  });

  it('a number with no option and no short number', () => {
    const remove = cmd('RemoveNumber', { number: PETROVA });
    given(decider, staffed())
      .when(remove)
      .then([evt('NumberRemoved', { number: PETROVA, options: [], freedShortNumber: null }, remove)]);
  });

  it('refuses a number the account does not have: UnknownNumber', () => {
    given(decider, staffed())
      .when(cmd('RemoveNumber', { number: STRANGER }))
      .thenError('UnknownNumber', (error) => expect(detailsOf(error).field).toBe('data.number'));
  });

  it('refuses a malformed payload naming the field', () => {
    expectMalformed('RemoveNumber', { number: 'ivanov' }, 'data.number');
  });
});
