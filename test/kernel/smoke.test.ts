import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createAccountDecider, decodeCommand, replay } from '../../src/index.js';

const metadata = { commandId: 'c-1', accountId: 'acc-1', at: '2025-04-21T10:00:00+03:00', actor: 'user-1' };

describe('package smoke', () => {
  it('decodes a command and names the failing path of a bad one', () => {
    expect(
      isRight(
        decodeCommand({ type: 'SetVisitCardPeriod', data: { direction: 'incoming', months: 3 }, metadata }),
      ),
    ).toBe(true);
    const bad = decodeCommand({
      type: 'SetVisitCardPeriod',
      data: { direction: 'incoming', months: 13 },
      metadata,
    });
    expect(isLeft(bad) && bad.left.message).toBe('data.months: expected an integer from 1 to 12, got 13');
  });

  it('refuses a command on an account that is not opened', () => {
    const decider = createAccountDecider();
    const result = decider.decide({ type: 'AddStoragePack', data: {}, metadata }, decider.initialState);
    expect(isLeft(result) && result.left.code).toBe('AccountNotOpened');
    expect(replay([]).tariff.accountId).toBeNull();
  });
});
