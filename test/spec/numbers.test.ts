/**
 * Numbers and their options, rule by rule: phone numbers normalised to E.164 from Russian
 * spellings; caller ID (АОН) showing the main МКН by default and any МКН of the account by
 * choice; short numbers of exactly 4 digits, unique, freed when the option goes off or the number
 * is removed; recording and melody per number; «Добавленный» numbers with neither caller ID nor
 * recording; МКН added, made main and removed; numbers listed and found by full phone number.
 */
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  decodeCommand,
  findNumbers,
  formatNumberCount,
  normalisePhoneNumber,
  numberOptions,
} from '../../src/index.js';
import { given } from '../../src/testing/index.js';
import {
  ACCOUNT,
  ADDED,
  accepted,
  CLIENT,
  call,
  cmd,
  DAY_2,
  decider,
  EMPLOYEE,
  historyOf,
  MKN,
  MKN_2,
  MKN_3,
  OPERATOR,
  ofType,
  refusal,
  staffed,
  stateOf,
  typesOf,
} from './support.js';

const decode = (type: string, data: unknown) =>
  decodeCommand({
    type,
    data,
    metadata: { commandId: 'c-1', accountId: ACCOUNT, at: DAY_2, actor: 'user-1' },
  });

describe('phone numbers are normalised to E.164', () => {
  it.each([
    '+79123456789',
    '89123456789',
    '8 912 345 67 89',
    '8 (912) 345-67-89',
    '+7 (912) 345-67-89',
    '+7 912 345 67 89',
    '8-912-345-67-89',
    '7 912 345-67-89',
  ])('%s is +79123456789', (spelling) => {
    expect(normalisePhoneNumber(spelling)).toBe('+79123456789');
    const decoded = decode('AddNumber', {
      number: spelling,
      kind: 'regular',
      fullName: 'Иванова Анна',
      department: '',
    });
    if (!isRight(decoded)) throw new Error(decoded.left.message);
    expect((decoded.right.data as { number: string }).number).toBe('+79123456789');
  });

  it('a Moscow landline in any spelling is one number', () => {
    expect(normalisePhoneNumber('8 (495) 123-45-67')).toBe(MKN);
    expect(normalisePhoneNumber('+7 495 123 45 67')).toBe(MKN);
  });

  it.each(['12345', '8 912 345', 'телефон', '+7 912 345 67 89 00', ''])(
    '%j cannot be normalised: refused, naming the field',
    (spelling) => {
      const decoded = decode('AddMultichannelNumber', { number: spelling });
      if (!isLeft(decoded)) throw new Error(`${spelling} accepted`);
      expect(decoded.left.issues.map((issue) => issue.path)).toContain('data.number');
    },
  );
});

describe('caller ID (АОН)', () => {
  it('shows the account’s main МКН by default', () => {
    given(decider, staffed())
      .when(cmd('EnableNumberOption', { option: 'callerId', numbers: [EMPLOYEE] }, DAY_2))
      .then((events, state) => {
        expect(ofType(events, 'NumberOptionEnabled')[0]?.data.callerIdNumber).toBe(MKN);
        expect(state.numbers.users[EMPLOYEE]?.callerId?.multichannelNumber).toBe(MKN);
      });
  });

  it('with several МКН, one can be chosen per number among the account’s', () => {
    const history = staffed(cmd('AddMultichannelNumber', { number: MKN_2 }, DAY_2));
    given(decider, history)
      .when(cmd('SetCallerIdNumber', { number: OPERATOR, multichannelNumber: MKN_2 }, DAY_2))
      .then((_events, state) => {
        expect(state.numbers.users[OPERATOR]?.callerId?.multichannelNumber).toBe(MKN_2);
        expect(state.numbers.users[EMPLOYEE]?.callerId).toBeNull();
      });
    const error = refusal(
      history,
      cmd('SetCallerIdNumber', { number: OPERATOR, multichannelNumber: MKN_3 }, DAY_2),
    );
    expect(error.code).toBe('UnknownMultichannelNumber');
    expect(error.details).toMatchObject({ field: 'data.multichannelNumber' });
  });

  it('after the main МКН changes, a number turned on later shows the new main one', () => {
    const history = staffed(
      cmd('AddMultichannelNumber', { number: MKN_2 }, DAY_2),
      cmd('SetMainMultichannelNumber', { number: MKN_2 }, DAY_2),
    );
    const events = accepted(
      history,
      cmd('EnableNumberOption', { option: 'callerId', numbers: [EMPLOYEE] }, DAY_2),
    );
    expect(ofType(events, 'NumberOptionEnabled')[0]?.data.callerIdNumber).toBe(MKN_2);
  });
});

describe('«Добавленный» numbers can have neither caller ID nor recording', () => {
  it.each(['callerId', 'recording'] as const)('%s is refused for an added number, naming it', (option) => {
    const error = refusal(staffed(), cmd('EnableNumberOption', { option, numbers: [ADDED] }, DAY_2));
    expect(error.code).toBe('IneligibleNumbers');
    expect(error.details).toMatchObject({ numbers: [{ number: ADDED, reason: 'added-number' }] });
  });

  it.each(['shortNumber', 'melody'] as const)('%s is allowed for an added number', (option) => {
    expect(
      typesOf(accepted(staffed(), cmd('EnableNumberOption', { option, numbers: [ADDED] }, DAY_2))),
    ).toEqual(['NumberOptionEnabled']);
  });
});

describe('short numbers: exactly 4 digits, unique, freed when the option goes off or the number goes', () => {
  const withShort = () =>
    staffed(
      cmd('EnableNumberOption', { option: 'shortNumber', numbers: [OPERATOR, EMPLOYEE] }, DAY_2),
      cmd('AssignShortNumber', { number: OPERATOR, shortNumber: '1234' }, DAY_2),
    );

  it.each(['123', '12345', '12a4', '１２３４', ' 1234'])('%j is refused, naming the field', (shortNumber) => {
    const decoded = decode('AssignShortNumber', { number: OPERATOR, shortNumber });
    if (!isLeft(decoded)) throw new Error('accepted');
    expect(decoded.left.issues.map((issue) => issue.path)).toContain('data.shortNumber');
  });

  it('is set once the option is on', () => {
    const error = refusal(
      staffed(),
      cmd('AssignShortNumber', { number: OPERATOR, shortNumber: '1234' }, DAY_2),
    );
    expect(error.code).toBe('OptionNotEnabled');
    expect(stateOf(withShort()).numbers.users[OPERATOR]?.shortNumber?.code).toBe('1234');
  });

  it('is unique within the account', () => {
    const error = refusal(
      withShort(),
      cmd('AssignShortNumber', { number: EMPLOYEE, shortNumber: '1234' }, DAY_2),
    );
    expect(error.code).toBe('ShortNumberTaken');
    expect(error.details).toMatchObject({ field: 'data.shortNumber', holder: OPERATOR });
  });

  it('is freed when the option is turned off', () => {
    const off = historyOf(
      withShort(),
      cmd('DisableNumberOption', { option: 'shortNumber', numbers: [OPERATOR] }, DAY_2),
    );
    expect(ofType(off, 'NumberOptionDisabled')[0]?.data.freedShortNumbers).toEqual(['1234']);
    expect(
      accepted(off, cmd('AssignShortNumber', { number: EMPLOYEE, shortNumber: '1234' }, DAY_2)),
    ).toHaveLength(1);
  });

  it('is freed when the number is removed', () => {
    const removed = historyOf(withShort(), cmd('RemoveNumber', { number: OPERATOR }, DAY_2));
    expect(ofType(removed, 'NumberRemoved')[0]?.data.freedShortNumber).toBe('1234');
    expect(
      accepted(removed, cmd('AssignShortNumber', { number: EMPLOYEE, shortNumber: '1234' }, DAY_2)),
    ).toHaveLength(1);
  });

  it('a number changing its short number frees the old one', () => {
    const moved = historyOf(
      withShort(),
      cmd('AssignShortNumber', { number: OPERATOR, shortNumber: '5678' }, DAY_2),
    );
    expect(
      accepted(moved, cmd('AssignShortNumber', { number: EMPLOYEE, shortNumber: '1234' }, DAY_2)),
    ).toHaveLength(1);
  });
});

describe('recording and melody per number', () => {
  it('a number with recording on has its calls stored; without it, they are refused', () => {
    const history = staffed(cmd('EnableNumberOption', { option: 'recording', numbers: [OPERATOR] }, DAY_2));
    const store = (number: string) =>
      cmd(
        'StoreRecording',
        {
          recordingId: `r-${number}`,
          callId: 'call-1',
          source: { kind: 'user', number },
          sizeBytes: 1_000,
          durationSeconds: 10,
          recordedAt: DAY_2,
        },
        DAY_2,
      );
    expect(typesOf(accepted(history, store(OPERATOR)))).toEqual(['RecordingStored']);
    expect(refusal(history, store(EMPLOYEE)).code).toBe('RecordingNotEnabledForNumber');
  });

  it('an uploaded melody plays to callers of a number with the melody option', () => {
    const history = staffed(
      cmd('UploadMelody', { melodyId: 'm-1', name: 'Весна' }, DAY_2),
      cmd('EnableNumberOption', { option: 'melody', numbers: [EMPLOYEE] }, DAY_2),
    );
    given(decider, history)
      .when(cmd('SetNumberMelody', { number: EMPLOYEE, melodyId: 'm-1' }, DAY_2))
      .then((_events, state) => expect(state.numbers.users[EMPLOYEE]?.melody?.melodyId).toBe('m-1'));
    expect(refusal(history, cmd('SetNumberMelody', { number: EMPLOYEE, melodyId: 'm-2' }, DAY_2)).code).toBe(
      'UnknownMelody',
    );
  });
});

describe('enabling an option is free; its monthly fee is the price × the numbers that have it', () => {
  it('the event carries the catalogue price per number and no one-off charge', () => {
    const events = accepted(
      staffed(),
      cmd('EnableNumberOption', { option: 'recording', numbers: [OPERATOR, EMPLOYEE] }, DAY_2),
    );
    expect(typesOf(events)).toEqual(['NumberOptionEnabled']);
    expect(ofType(events, 'NumberOptionEnabled')[0]?.data).toMatchObject({
      numbers: [OPERATOR, EMPLOYEE],
      monthlyFee: 15_000,
    });
    const view = numberOptions(historyOf(staffed(), events));
    expect(view.totals.recording).toEqual({ count: 2, monthlySum: 30_000 });
  });
});

describe('multichannel numbers (МКН)', () => {
  it('the first МКН is the main one', () => {
    expect(stateOf(staffed()).numbers.mainMultichannel).toBe(MKN);
  });

  it('the main one cannot be removed; choose another main first', () => {
    const two = staffed(cmd('AddMultichannelNumber', { number: MKN_2 }, DAY_2));
    const error = refusal(two, cmd('RemoveMultichannelNumber', { number: MKN }, DAY_2));
    expect(error.code).toBe('MultichannelNumberIsMain');
    const moved = historyOf(two, cmd('SetMainMultichannelNumber', { number: MKN_2 }, DAY_2));
    expect(typesOf(accepted(moved, cmd('RemoveMultichannelNumber', { number: MKN }, DAY_2)))).toEqual([
      'MultichannelNumberRemoved',
    ]);
  });

  it('the last one cannot be removed', () => {
    expect(refusal(staffed(), cmd('RemoveMultichannelNumber', { number: MKN }, DAY_2)).code).toBe(
      'LastMultichannelNumber',
    );
  });

  it('numbers that showed it as caller ID fall back to the main МКН in the same decision, named in the event', () => {
    const history = staffed(
      cmd('AddMultichannelNumber', { number: MKN_2 }, DAY_2),
      cmd('SetCallerIdNumber', { number: OPERATOR, multichannelNumber: MKN_2 }, DAY_2),
    );
    given(decider, history)
      .when(cmd('RemoveMultichannelNumber', { number: MKN_2 }, DAY_2))
      .then((events, state) => {
        expect(ofType(events, 'MultichannelNumberRemoved')[0]?.data).toMatchObject({
          number: MKN_2,
          fallback: MKN,
          callerIdNumbers: [OPERATOR],
        });
        expect(state.numbers.users[OPERATOR]?.callerId?.multichannelNumber).toBe(MKN);
        expect(state.numbers.multichannel).toEqual([MKN]);
      });
  });

  it('smart-callback windows opened through it close', () => {
    const history = staffed(
      cmd('AddMultichannelNumber', { number: MKN_2 }, DAY_2),
      cmd('SetCallerIdNumber', { number: OPERATOR, multichannelNumber: MKN_2 }, DAY_2),
      cmd('EnableSmartCallback', {}, DAY_2),
      call('o-1', '2025-04-23T12:00:00+03:00', {
        direction: 'outgoing',
        line: 'direct',
        outcome: 'missed',
        operator: OPERATOR,
      }),
    );
    expect(ofType(history, 'SmartCallbackWindowOpened')[0]?.data.multichannelNumber).toBe(MKN_2);
    const events = accepted(
      history,
      cmd('RemoveMultichannelNumber', { number: MKN_2 }, '2025-04-23T12:05:00+03:00'),
    );
    expect(ofType(events, 'SmartCallbackWindowClosed')[0]?.data).toMatchObject({
      client: CLIENT,
      reason: 'multichannel-number-removed',
    });
  });

  it('a number is either an МКН or a user number, never both', () => {
    expect(refusal(staffed(), cmd('AddMultichannelNumber', { number: OPERATOR }, DAY_2)).code).toBe(
      'NumberIsUserNumber',
    );
    expect(
      refusal(
        staffed(),
        cmd('AddNumber', { number: MKN, kind: 'regular', fullName: 'Кто-то', department: '' }, DAY_2),
      ).code,
    ).toBe('NumberIsMultichannel');
  });
});

describe('numbers are listed and found by full phone number', () => {
  const many = () =>
    historyOf(
      staffed(),
      ...Array.from({ length: 139 }, (_, i) =>
        cmd(
          'AddNumber',
          {
            number: `+7916700${String(i).padStart(4, '0')}`,
            kind: 'regular' as const,
            fullName: `Сотрудник ${i}`,
            department: 'Отдел',
          },
          DAY_2,
        ),
      ),
    );

  it('«Всего 142 номера»', () => {
    expect(formatNumberCount(numberOptions(many()))).toBe('Всего 142 номера');
  });

  it.each(['+7 916 123-45-67', '8 (916) 123-45-67', '89161234567'])('%s finds the operator', (query) => {
    expect(findNumbers(numberOptions(many()), query).map((row) => row.number)).toEqual([OPERATOR]);
  });
});
