/**
 * What the compiler checks for a consuming service (this file is type-checked by `tsc`; a line
 * under `@ts-expect-error` that compiled would fail the type check): the typed entry points take
 * only account commands, `handleUnknown` takes anything, `execute` is a Promise of an Either, and
 * the testing kit's `thenError` takes only the codes a decider can refuse with.
 */
import { type Either, left, right } from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AccountCommand } from '../../src/account/commands.js';
import type { AccountEvent } from '../../src/account/events.js';
import {
  type AccountCommandHandler,
  type AccountHandlerError,
  createCommandHandler,
} from '../../src/account/handler.js';
import {
  type Command,
  createDecider,
  createInMemoryEventStore,
  createCommandHandler as createKernelHandler,
  type DomainError,
  domainError,
  type Event,
  type HandledCommand,
  type HandlerError,
  type RefusalOf,
} from '../../src/kernel/index.js';
import { given } from '../../src/testing/index.js';

const metadata = { commandId: 'c-1', accountId: 'acme', at: '2025-04-21T10:00:00+03:00', actor: 'admin' };

/** A decider whose refusals are a union of two codes with their own details. */
type TallyCommand = Command<'Count', { by: number }>;
type TallyEvent = Event<'Counted', { by: number; total: number }>;
type TallyError = DomainError<'TooLarge', { limit: number }> | DomainError<'NotPositive', { by: number }>;
const tally = createDecider<TallyCommand, TallyEvent, { total: number }, TallyError>({
  initialState: { total: 0 },
  decide: (command, state) => {
    const { by } = command.data;
    if (by <= 0) return left(domainError('NotPositive', 'count by a positive number', { by }));
    if (state.total + by > 10) return left(domainError('TooLarge', 'at most 10', { limit: 10 }));
    const meta = {
      at: command.metadata.at,
      commandId: command.metadata.commandId,
      actor: command.metadata.actor,
    };
    return right([{ type: 'Counted', data: { by, total: state.total + by }, metadata: meta }]);
  },
  recipe: (draft, event) => {
    draft.total = event.data.total;
  },
});

describe('the typed API', () => {
  it('takes only account commands in handle and execute, anything in handleUnknown', async () => {
    const handler: AccountCommandHandler = createCommandHandler({ eventStore: createInMemoryEventStore() });
    const open: AccountCommand = { type: 'OpenAccount', data: { tariffId: 'basic' }, metadata };
    expectTypeOf(handler.handle).parameter(0).toEqualTypeOf<AccountCommand>();
    expectTypeOf(handler.handle(open)).toEqualTypeOf<
      TaskEither<AccountHandlerError, HandledCommand<AccountEvent>>
    >();
    expectTypeOf(handler.execute(open)).toEqualTypeOf<
      Promise<Either<AccountHandlerError, HandledCommand<AccountEvent>>>
    >();
    expectTypeOf(handler.handleUnknown).parameter(0).toBeUnknown();

    // @ts-expect-error a misspelt command type
    handler.handle({ type: 'OpenAcount', data: { tariffId: 'basic' }, metadata });
    // @ts-expect-error a missing field of the data
    handler.handle({ type: 'PurchaseSmsPackage', data: {}, metadata });
    // @ts-expect-error a field of the wrong type
    void handler.execute({ type: 'PurchaseSmsPackage', data: { size: '500' }, metadata });
    // @ts-expect-error a missing field of the metadata
    void handler.execute({ type: 'AddStoragePack', data: {}, metadata: { commandId: 'c', accountId: 'a' } });
    // @ts-expect-error a string is not a command
    handler.handle('{"type":"OpenAccount"}');
    const fromJson: unknown = JSON.parse('{"type":"OpenAcount"}');
    const refused = await handler.handleUnknown(fromJson)();
    expect(refused._tag).toBe('Left');
  });

  it('types the refusals by the decider: a union of codes narrows by code', async () => {
    const handler = createKernelHandler({
      eventStore: createInMemoryEventStore<TallyEvent>(),
      decider: tally,
      streamIdOf: () => 'tally',
    });
    expectTypeOf<RefusalOf<typeof tally>>().toEqualTypeOf<TallyError>();
    const result = await handler.execute({ type: 'Count', data: { by: 11 }, metadata });
    expectTypeOf(result).toEqualTypeOf<Either<HandlerError<TallyError>, HandledCommand<TallyEvent>>>();
    if (result._tag === 'Left' && result.left._tag === 'DomainError' && result.left.code === 'TooLarge') {
      expectTypeOf(result.left.details).toEqualTypeOf<{ limit: number }>();
      expect(result.left.details.limit).toBe(10);
    } else {
      expect.unreachable('a count beyond 10 is refused TooLarge');
    }
  });

  it('the testing kit takes only the codes a decider refuses with, and types the details by code', () => {
    const spec = given(tally, []).when({ type: 'Count', data: { by: 0 }, metadata });
    const error = spec.thenError('NotPositive', (e) => {
      expectTypeOf(e.details).toEqualTypeOf<{ by: number }>();
    });
    expect(error.details.by).toBe(0);
    const misspelt = () =>
      // @ts-expect-error a misspelt error code
      spec.thenError('NotPositiv');
    expect(misspelt).toThrow('expected error NotPositiv');
    // @ts-expect-error a command the decider does not take
    given(tally, []).when({ type: 'Uncount', data: { by: 1 }, metadata });
  });
});
