/**
 * The public contract: the names consumers import from the package root, the commands they
 * send, the shapes of commands, events, errors and the handler's entry points.
 */
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as root from '../../src/index.js';
import {
  type AccountCommand,
  type AccountErrorCode,
  type AccountEvent,
  accountCommandTypes,
  createAccountDecider,
  createCommandHandler,
  createInMemoryEventStore,
  decodeCommand,
  decodeEvent,
  defaultCatalogue,
  replay,
} from '../../src/index.js';
import { ACCOUNT, cmd, DAY_2, MKN, OPENED_AT, opened, staffed } from './support.js';

/** Runtime values every consumer can import from `pbx-options`. */
const ROOT_VALUES = [
  'defaultCatalogue',
  'Catalogue',
  'createAccountDecider',
  'replay',
  'AccountCommand',
  'AccountEvent',
  'decodeCommand',
  'decodeEvent',
  'createInMemoryEventStore',
  'createCommandHandler',
  'quotaUsage',
  'smsBalance',
  'billing',
  'history',
  'notifications',
  'countSmsSegments',
  'describeError',
  'toProblem',
  'accountErrorCodes',
] as const;

/** Every command the contract lists by name. */
const COMMANDS = [
  'OpenAccount',
  'ChangeTariff',
  'SetAutoRenewal',
  'RenewSubscription',
  'AddMultichannelNumber',
  'SetMainMultichannelNumber',
  'AddNumber',
  'RemoveNumber',
  'EnableNumberOption',
  'DisableNumberOption',
  'SetCallerIdNumber',
  'AssignShortNumber',
  'UploadMelody',
  'SetNumberMelody',
  'EnableRecording',
  'DisableRecording',
  'SetRecordingNotice',
  'AddStoragePack',
  'RemoveStoragePack',
  'SetAutoAddPacks',
  'StoreRecording',
  'DeleteRecording',
  'PurchaseSmsPackage',
  'ConfigureNotification',
  'SetVisitCardPeriod',
  'EnableSmartCallback',
  'DisableSmartCallback',
  'SetSmartCallbackWindow',
  'RouteIncomingCall',
  'RegisterCall',
  'RemoveMultichannelNumber',
] as const;

describe('the package root exports the contract names', () => {
  it.each(ROOT_VALUES)('%s is exported from the root', (name) => {
    expect((root as Record<string, unknown>)[name]).toBeDefined();
  });

  it('the projections are usable on a list of events and one event at a time', () => {
    const events = staffed(
      cmd('PurchaseSmsPackage', { size: 500 }, DAY_2),
      cmd('EnableRecording', {}, DAY_2),
      cmd('AddStoragePack', {}, DAY_2),
    );
    for (const projection of [
      root.quotaUsage,
      root.smsBalance,
      root.billing,
      root.history,
      root.notifications,
    ]) {
      const whole = projection(events);
      const incremental = events.reduce(
        (view: unknown, event) => (projection.apply as (v: unknown, e: AccountEvent) => unknown)(view, event),
        projection.initial,
      );
      expect(incremental).toEqual(whole);
    }
  });

  it('countSmsSegments gives the encoding, the segments and the characters', () => {
    expect(root.countSmsSegments('Здравствуйтесь, спасибо за ваш звонок.')).toEqual({
      encoding: 'UCS-2',
      segments: 1,
      characters: 38,
    });
  });

  it('AccountErrorCode is the union of every domain error code, and `code` is a string literal', () => {
    expectTypeOf<'SubscriptionLapsed'>().toExtend<AccountErrorCode>();
    expectTypeOf<'StoragePackLimitReached'>().toExtend<AccountErrorCode>();
    expect(root.accountErrorCodes).toContain('InstantOutOfOrder');
    expect(root.accountErrorCodes).toContain('FreeSmsPackageUsed');
  });
});

describe('refusals for people and for HTTP', () => {
  const refusalOf = () => {
    const decider = createAccountDecider();
    const refused = decider.decide(cmd('EnableRecording', { notice: false }, DAY_2), replay(opened()));
    if (!isLeft(refused)) throw new Error('accepted');
    return refused.left;
  };

  it('describeError gives a Russian and an English text of a refusal', () => {
    const error = refusalOf();
    const ru = root.describeError(error, 'ru');
    const en = root.describeError(error, 'en');
    expect(ru).toMatch(/[а-яё]/i);
    expect(en).toMatch(/[a-z]/i);
    expect(en).not.toMatch(/[а-яё]/i);
    expect(ru).not.toBe(en);
  });

  it('toProblem gives an RFC 9457 problem with the code', () => {
    const problem = root.toProblem(refusalOf());
    expect(problem).toMatchObject({ code: 'LiabilityNotAcknowledged' });
    expect(typeof problem.type).toBe('string');
    expect(typeof problem.title).toBe('string');
    expect(problem.status).toBeGreaterThanOrEqual(400);
    expect(problem.status).toBeLessThan(500);
  });
});

describe('commands', () => {
  it.each(COMMANDS)('%s is a command the decoder and the decider know', (type) => {
    expect(accountCommandTypes).toContain(type);
  });

  it('commands and events are { type, data, metadata }; command metadata has commandId, accountId, at, actor', () => {
    const decoded = decodeCommand({
      type: 'OpenAccount',
      data: { tariffId: 'basic' },
      metadata: { commandId: 'c-1', accountId: ACCOUNT, at: OPENED_AT, actor: 'user-1' },
    });
    if (!isRight(decoded)) throw new Error(decoded.left.message);
    expect(Object.keys(decoded.right).sort()).toEqual(['data', 'metadata', 'type']);
    expect(Object.keys(decoded.right.metadata).sort()).toEqual(['accountId', 'actor', 'at', 'commandId']);
    const [event] = opened();
    expect(Object.keys(event as object).sort()).toEqual(['data', 'metadata', 'type']);
  });

  it('decodeCommand names the failing path in its message', () => {
    const decoded = decodeCommand({
      type: 'SetVisitCardPeriod',
      data: { direction: 'incoming', months: 13 },
      metadata: { commandId: 'c-1', accountId: ACCOUNT, at: DAY_2, actor: 'user-1' },
    });
    if (!isLeft(decoded)) throw new Error('accepted');
    expect(decoded.left.code).toBe('ValidationError');
    expect(decoded.left.message).toContain('data.months');
  });

  it('decodeEvent validates an event and names the failing path', () => {
    const [event] = opened();
    expect(isRight(decodeEvent(JSON.parse(JSON.stringify(event))))).toBe(true);
    const broken = decodeEvent({
      ...event,
      data: { ...(event as AccountEvent).data, openedAt: 'yesterday' },
    });
    if (!isLeft(broken)) throw new Error('accepted');
    expect(broken.left.message).toContain('data.openedAt');
  });

  it('AccountCommand and AccountEvent are io-ts codecs', () => {
    const command = cmd('AddMultichannelNumber', { number: MKN }, DAY_2);
    expect(root.AccountCommand.is(command)).toBe(true);
    expect(root.AccountEvent.is(opened()[0])).toBe(true);
    expect(root.AccountCommand.is({ type: 'NoSuchCommand', data: {}, metadata: command.metadata })).toBe(
      false,
    );
  });
});

describe('the decider', () => {
  it('createAccountDecider(catalogue?) gives decide, evolve and initialState; replay folds a history', () => {
    const decider = createAccountDecider(defaultCatalogue);
    const open = cmd('OpenAccount', { tariffId: 'basic' }, OPENED_AT);
    const decided = decider.decide(open, decider.initialState);
    if (!isRight(decided)) throw new Error(decided.left.message);
    const state = decided.right.reduce(decider.evolve, decider.initialState);
    expect(state.tariff.accountId).toBe(ACCOUNT);
    expect(replay(decided.right)).toEqual(state);
    expect(decider.initialState.tariff.accountId).toBeNull();
  });

  it('a refusal is a DomainError with a string code', () => {
    const decider = createAccountDecider();
    const decided = decider.decide(cmd('AddStoragePack', {}, DAY_2), decider.initialState);
    if (!isLeft(decided)) throw new Error('accepted');
    expect(decided.left.code).toBe('AccountNotOpened');
  });
});

describe('the command handler', () => {
  it('handle(command) is a TaskEither; execute(command) a Promise of an Either; handleUnknown validates first', async () => {
    const handler = createCommandHandler({ eventStore: createInMemoryEventStore() });
    const open: AccountCommand = cmd('OpenAccount', { tariffId: 'basic' }, OPENED_AT, 'h-1');
    const task = handler.handle(open);
    expect(typeof task).toBe('function');
    const handled = await task();
    expect(isRight(handled)).toBe(true);
    const executed = await handler.execute(cmd('AddMultichannelNumber', { number: MKN }, DAY_2, 'h-2'));
    expect(isRight(executed)).toBe(true);
    const invalid = await handler.handleUnknown({ type: 'AddStoragePack', data: {}, metadata: {} })();
    if (!isLeft(invalid)) throw new Error('accepted');
    expect(invalid.left.code).toBe('ValidationError');
  });
});
