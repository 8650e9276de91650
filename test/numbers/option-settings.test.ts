import { describe, expect, it } from 'vitest';
import { given } from '../../src/testing/index.js';
import { cmd, decider, detailsOf, evt, expectMalformed } from '../tariff/fixtures.js';
import { enable, IVANOV, MKN_1, MKN_2, PETROVA, STRANGER, staffed } from './fixtures.js';

const withCallerId = () =>
  staffed(cmd('AddMultichannelNumber', { number: MKN_2 }), enable('callerId', IVANOV));
const withShortNumbers = () =>
  staffed(
    enable('shortNumber', IVANOV, PETROVA),
    cmd('AssignShortNumber', { number: PETROVA, shortNumber: '0420' }),
  );
const withMelody = () =>
  staffed(enable('melody', IVANOV), cmd('UploadMelody', { melodyId: 'spring', name: 'Весна' }));

describe('SetCallerIdNumber', () => {
  it('chooses another МКН of the account; the same one again changes nothing', () => {
    const set = cmd('SetCallerIdNumber', { number: IVANOV, multichannelNumber: MKN_2 });
    given(decider, withCallerId())
      .when(set)
      .then((events, state) => {
        expect(events).toEqual([
          evt('CallerIdNumberSet', { number: IVANOV, multichannelNumber: MKN_2 }, set),
        ]);
        expect(state.numbers.users[IVANOV]?.callerId?.multichannelNumber).toBe(MKN_2);
      });
    given(decider, withCallerId())
      .when(cmd('SetCallerIdNumber', { number: IVANOV, multichannelNumber: MKN_1 }))
      .thenNothing();
  });

  it('refuses: UnknownNumber, OptionNotEnabled, UnknownMultichannelNumber', () => {
    given(decider, withCallerId())
      .when(cmd('SetCallerIdNumber', { number: STRANGER, multichannelNumber: MKN_2 }))
      .thenError('UnknownNumber');
    given(decider, withCallerId())
      .when(cmd('SetCallerIdNumber', { number: PETROVA, multichannelNumber: MKN_2 }))
      .thenError('OptionNotEnabled', (error) => expect(detailsOf(error).option).toBe('callerId'));
    given(decider, withCallerId())
      .when(cmd('SetCallerIdNumber', { number: IVANOV, multichannelNumber: PETROVA }))
      .thenError('UnknownMultichannelNumber', (error) =>
        expect(detailsOf(error).field).toBe('data.multichannelNumber'),
      );
  });

  it('refuses malformed payloads naming the field', () => {
    expectMalformed(
      'SetCallerIdNumber',
      { number: IVANOV, multichannelNumber: '495' },
      'data.multichannelNumber',
    );
    expectMalformed('SetCallerIdNumber', { number: null, multichannelNumber: MKN_1 }, 'data.number');
  });
});

describe('AssignShortNumber', () => {
  it('gives a 4-digit short number; reassigning frees the previous one for others', () => {
    const first = cmd('AssignShortNumber', { number: IVANOV, shortNumber: '1001' });
    given(decider, withShortNumbers())
      .when(first)
      .then([evt('ShortNumberAssigned', { number: IVANOV, shortNumber: '1001', previous: null }, first)]);
    const reassign = cmd('AssignShortNumber', { number: PETROVA, shortNumber: '1002' });
    given(decider, withShortNumbers())
      .when(reassign)
      .then((events, state) => {
        expect(events).toEqual([
          evt('ShortNumberAssigned', { number: PETROVA, shortNumber: '1002', previous: '0420' }, reassign),
        ]);
        expect(state.numbers.shortNumbers).toEqual({ '1002': PETROVA });
        expect(state.numbers.users[PETROVA]?.shortNumber?.code).toBe('1002');
      });
    const freed = staffed(
      enable('shortNumber', IVANOV, PETROVA),
      cmd('AssignShortNumber', { number: PETROVA, shortNumber: '0420' }),
      cmd('AssignShortNumber', { number: PETROVA, shortNumber: '1002' }),
    );
    given(decider, freed)
      .when(cmd('AssignShortNumber', { number: IVANOV, shortNumber: '0420' }))
      .then((events) => expect(events[0]?.type).toBe('ShortNumberAssigned'));
  });

  it('short numbers are unique in the account: ShortNumberTaken names the holder', () => {
    given(decider, withShortNumbers())
      .when(cmd('AssignShortNumber', { number: IVANOV, shortNumber: '0420' }))
      .thenError('ShortNumberTaken', (error) => {
        expect(detailsOf(error)).toEqual({ field: 'data.shortNumber', shortNumber: '0420', holder: PETROVA });
      });
  });

  it('the same short number again changes nothing', () => {
    given(decider, withShortNumbers())
      .when(cmd('AssignShortNumber', { number: PETROVA, shortNumber: '0420' }))
      .thenNothing();
  });

  it('refuses: UnknownNumber, OptionNotEnabled', () => {
    given(decider, withShortNumbers())
      .when(cmd('AssignShortNumber', { number: STRANGER, shortNumber: '1003' }))
      .thenError('UnknownNumber');
    given(decider, staffed())
      .when(cmd('AssignShortNumber', { number: IVANOV, shortNumber: '1003' }))
      .thenError('OptionNotEnabled');
  });

  it('short numbers are exactly 4 digits (malformed payloads name the field)', () => {
    for (const shortNumber of ['123', '12345', '12a4', ' 1234', 1234, '١٢٣٤']) {
      expectMalformed('AssignShortNumber', { number: IVANOV, shortNumber }, 'data.shortNumber');
    }
    expectMalformed('AssignShortNumber', { number: 'x', shortNumber: '1234' }, 'data.number');
  });
});

describe('UploadMelody and SetNumberMelody', () => {
  it('uploads a melody (stamped with the upload instant); an id taken is refused: MelodyExists', () => {
    const upload = cmd('UploadMelody', { melodyId: 'constructor', name: 'Марш' });
    given(decider, staffed())
      .when(upload)
      .then((events, state) => {
        // An id like "constructor" is an ordinary id, not an inherited property.
        expect(events).toEqual([evt('MelodyUploaded', { melodyId: 'constructor', name: 'Марш' }, upload)]);
        expect(state.numbers.melodies.constructor).toEqual({ name: 'Марш', uploadedAt: upload.metadata.at });
      });
    given(decider, withMelody())
      .when(cmd('UploadMelody', { melodyId: 'spring', name: 'Весна 2' }))
      .thenError('MelodyExists', (error) => expect(detailsOf(error).field).toBe('data.melodyId'));
  });

  it('sets a number melody; the same again changes nothing', () => {
    const set = cmd('SetNumberMelody', { number: IVANOV, melodyId: 'spring' });
    given(decider, withMelody())
      .when(set)
      .then((events, state) => {
        expect(events).toEqual([evt('NumberMelodySet', { number: IVANOV, melodyId: 'spring' }, set)]);
        expect(state.numbers.users[IVANOV]?.melody?.melodyId).toBe('spring');
      });
    const melodySet = staffed(
      enable('melody', IVANOV),
      cmd('UploadMelody', { melodyId: 'spring', name: 'Весна' }),
      cmd('SetNumberMelody', { number: IVANOV, melodyId: 'spring' }),
    );
    given(decider, melodySet)
      .when(cmd('SetNumberMelody', { number: IVANOV, melodyId: 'spring' }))
      .thenNothing();
  });

  it('refuses: UnknownNumber, OptionNotEnabled, UnknownMelody', () => {
    given(decider, withMelody())
      .when(cmd('SetNumberMelody', { number: STRANGER, melodyId: 'spring' }))
      .thenError('UnknownNumber');
    given(decider, withMelody())
      .when(cmd('SetNumberMelody', { number: PETROVA, melodyId: 'spring' }))
      .thenError('OptionNotEnabled');
    given(decider, withMelody())
      .when(cmd('SetNumberMelody', { number: IVANOV, melodyId: 'toString' }))
      .thenError('UnknownMelody', (error) => expect(detailsOf(error).melodyId).toBe('toString'));
  });

  it('refuses malformed payloads naming the field', () => {
    expectMalformed('UploadMelody', { melodyId: '', name: 'Весна' }, 'data.melodyId');
    expectMalformed('UploadMelody', { melodyId: 'm', name: '' }, 'data.name');
    expectMalformed('SetNumberMelody', { number: IVANOV, melodyId: 5 }, 'data.melodyId');
    expectMalformed('SetNumberMelody', { number: '+1', melodyId: 'spring' }, 'data.number');
  });
});
