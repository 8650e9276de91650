import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  type AccountEvent,
  createCatchUpProjector,
  createCommandHandler,
  createInlineProjector,
  createInMemoryCheckpointStore,
  createInMemoryEventStore,
  formatSmsBalance,
  smsBalance,
  withInlineProjections,
} from '../../src/index.js';

const posted = (accountId: string, type: string, data: object, n: number) => ({
  type,
  data,
  metadata: { commandId: `c-${n}`, accountId, at: '2025-04-21T10:00:00+03:00', actor: 'user-1' },
});

const setUp = () => {
  const eventStore = createInMemoryEventStore<AccountEvent>();
  // smsBalance ignores most events: a known account's views may equal the initial ones.
  const inline = createInlineProjector({ smsBalance });
  const handler = withInlineProjections(createCommandHandler({ eventStore }), inline);
  return { eventStore, inline, handler };
};

describe('Given a service with inline projections', () => {
  it('when an account was never seen, then its views are undefined, not an empty account', () => {
    const { inline } = setUp();
    expect(inline.views('account-nobody')).toBeUndefined();
    expect(inline.state().streams).toEqual({});
  });

  it('when an account is opened, then its views exist even if no view changed', async () => {
    const { inline, handler } = setUp();
    expect(
      isRight(await handler.handleUnknown(posted('acme', 'OpenAccount', { tariffId: 'basic' }, 1))()),
    ).toBe(true);
    const views = inline.views('account-acme');
    expect(views).toBeDefined();
    expect(formatSmsBalance(views!.smsBalance)).toBe('ДОСТУПНО SMS: 0 ИЗ 0');
    expect(Object.keys(inline.state().streams)).toEqual(['account-acme']);
    expect(inline.views('account-nobody')).toBeUndefined();
  });

  it('when the only command of an account is refused or invalid, then the account stays unknown', async () => {
    const { inline, handler } = setUp();
    const refused = await handler.handleUnknown(posted('ghost', 'AddStoragePack', {}, 2))();
    expect(isLeft(refused) && refused.left._tag).toBe('DomainError');
    const invalid = await handler.handleUnknown(posted('ghost', 'OpenAccount', { tariffId: '' }, 3))();
    expect(isLeft(invalid) && invalid.left._tag).toBe('ValidationError');
    expect(inline.views('account-ghost')).toBeUndefined();
  });

  it('when apply is given no events, then the stream stays unknown', () => {
    const { inline } = setUp();
    inline.apply('account-empty', []);
    expect(inline.views('account-empty')).toBeUndefined();
    expect(inline.state().streams).toEqual({});
  });
});

describe('Given a catch-up projector', () => {
  it('when an account has no event in the log, then its views are undefined', async () => {
    const { eventStore, handler } = setUp();
    await handler.handleUnknown(posted('acme', 'OpenAccount', { tariffId: 'basic' }, 1))();
    const projector = createCatchUpProjector({
      name: 'sms',
      eventStore,
      projections: { smsBalance },
      checkpoints: createInMemoryCheckpointStore(),
    });
    expect(projector.views('account-acme')).toBeUndefined();
    expect(isRight(await projector.start()())).toBe(true);
    await projector.caughtUp();
    await projector.stop();
    expect(projector.views('account-acme')).toBeDefined();
    expect(projector.views('account-nobody')).toBeUndefined();
  });
});
