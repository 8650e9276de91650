import { describe, expect, it } from 'vitest';
import { describeSmsText as fromRoot, MAX_NOTIFICATION_TEXT as rootLimit } from '../../src/index.js';
import { countSmsSegments, describeSmsText, MAX_NOTIFICATION_TEXT } from '../../src/sms/entry.js';

describe('describeSmsText from pbx-options/sms', () => {
  it('is the same function and limit the package root exports', () => {
    expect(describeSmsText).toBe(fromRoot);
    expect(MAX_NOTIFICATION_TEXT).toBe(rootLimit);
  });

  it('shows the dialog counter with the noun in the form its number wants', () => {
    expect(describeSmsText('Мы перезвоним').counter).toBe('13 символов (1 SMS-сообщение)');
    expect(describeSmsText('Да').counter).toBe('2 символа (1 SMS-сообщение)');
    expect(describeSmsText('1').counter).toBe('1 символ (1 SMS-сообщение)');
    expect(describeSmsText('ж'.repeat(21)).counter).toBe('21 символ (1 SMS-сообщение)');
    expect(describeSmsText('ж'.repeat(71)).counter).toBe('71 символ (2 SMS-сообщения)');
    expect(describeSmsText('ж'.repeat(335)).counter).toBe('335 символов (5 SMS-сообщений)');
    expect(describeSmsText('').counter).toBe('0 символов (0 SMS-сообщений)');
  });

  it('groups thousands with a no-break space', () => {
    const counted = describeSmsText('a'.repeat(1530));
    expect(counted.counter).toBe('1\u00a0530 символов (10 SMS-сообщений)');
    expect(counted.limit).toBe('1530 / 210');
  });

  it('says whether the text fits 210 characters, counting an emoji once', () => {
    expect(describeSmsText('a'.repeat(210)).fits).toBe(true);
    expect(describeSmsText('a'.repeat(211)).fits).toBe(false);
    const emoji = describeSmsText('😀'.repeat(210));
    expect(emoji.characters).toBe(210);
    expect(emoji.fits).toBe(true);
    expect(emoji.limit).toBe('210 / 210');
  });

  it('carries the counts of countSmsSegments', () => {
    const text = 'Цены {от} 100 €';
    const { encoding, segments, characters } = describeSmsText(text);
    expect({ encoding, segments, characters }).toEqual(countSmsSegments(text));
  });
});
