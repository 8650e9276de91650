import { describe, expect, it } from 'vitest';
import { describeSmsText } from '../../src/projections/index.js';

describe('the counter under a notification text', () => {
  it('reads as the source shows it', () => {
    expect(
      describeSmsText('Здравствуйте, спасибо за ваш звонок. Наш оператор перезвонит вам.'),
    ).toMatchObject({
      counter: '65 символов (1 SMS-сообщение)',
      limit: '65 / 210',
      fits: true,
    });
    expect(describeSmsText('Здравствуйтесь, спасибо за ваш звонок.').counter).toBe(
      '38 символов (1 SMS-сообщение)',
    );
  });

  it('agrees in number with every count', () => {
    expect(describeSmsText('я'.repeat(71)).counter).toBe('71 символ (2 SMS-сообщения)');
    expect(describeSmsText('я'.repeat(202)).counter).toBe('202 символа (4 SMS-сообщения)');
    expect(describeSmsText('a'.repeat(161)).counter).toBe('161 символ (2 SMS-сообщения)');
    expect(describeSmsText('').counter).toBe('0 символов (0 SMS-сообщений)');
    expect(describeSmsText('я'.repeat(335)).counter).toBe('335 символов (5 SMS-сообщений)');
  });

  it('says when a text is over the 210-character limit', () => {
    expect(describeSmsText('я'.repeat(210)).fits).toBe(true);
    expect(describeSmsText('я'.repeat(211))).toMatchObject({ fits: false, limit: '211 / 210' });
  });
});
