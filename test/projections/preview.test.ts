import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { AccountCommand } from '../../src/account/commands.js';
import { createAccountDecider } from '../../src/account/decider.js';
import type { AccountEvent } from '../../src/account/events.js';
import type { Catalogue } from '../../src/catalogue/catalogue.js';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue.js';
import { roubles } from '../../src/catalogue/units.js';
import { billing, monthlyFee, preview, statement } from '../../src/projections/index.js';

let n = 0;
const command = <T extends AccountCommand['type']>(type: T, data: object, at: string) =>
  ({
    type,
    data,
    metadata: { commandId: `p-${++n}`, accountId: 'acc-1', at, actor: 'user-1' },
  }) as AccountCommand;

/** Decides commands one after another into a history (the domain decider, no store). */
const historyOf = (
  commands: readonly AccountCommand[],
  catalogue: Catalogue = defaultCatalogue,
): AccountEvent[] => {
  const decider = createAccountDecider(catalogue);
  const events: AccountEvent[] = [];
  let state = decider.initialState;
  for (const c of commands) {
    const decided = decider.decide(c, state);
    if (isLeft(decided)) throw new Error(`${c.type}: ${decided.left.code} ${decided.left.message}`);
    events.push(...decided.right);
    state = decider.foldOnto(state, decided.right);
  }
  return events;
};

const opened = command('OpenAccount', { tariffId: 'basic' }, '2025-04-21T10:00:00+03:00');

describe('preview', () => {
  it('shows what enabling recording on 6 May adds: 700 ₽ a month, 350.00 ₽ in this period', () => {
    const history = historyOf([opened]);
    const result = preview(command('EnableRecording', {}, '2025-05-06T10:00:00+03:00'), history);
    if (!isRight(result)) throw new Error(result.left.code);
    expect(result.right.events.map((e) => e.type)).toEqual(['RecordingEnabled']);
    expect(result.right.monthlyFee.difference).toBe(roubles(700));
    expect(result.right.statement.difference).toBe(roubles(350));
    expect(result.right.statement.after?.period.firstDay).toBe('2025-04-21');
    // Nothing was appended: the history is the same, and projecting it shows no recording.
    expect(monthlyFee(billing.fold(history)).total).toBe(roubles(1500));
  });

  it('returns the refusal a handler would return, appending nothing', () => {
    const history = historyOf([opened, command('EnableRecording', {}, '2025-04-22T10:00:00+03:00')]);
    const result = preview(command('EnableRecording', {}, '2025-04-23T10:00:00+03:00'), history);
    expect(isLeft(result) && result.left.code).toBe('RecordingAlreadyEnabled');
  });

  it('previews removing a pack added and removed the same day as one day charged', () => {
    const history = historyOf([opened, command('AddStoragePack', {}, '2025-05-10T09:00:00+03:00')]);
    const result = preview(command('RemoveStoragePack', {}, '2025-05-10T18:00:00+03:00'), history);
    if (!isRight(result)) throw new Error(result.left.code);
    expect(result.right.monthlyFee.difference).toBe(-roubles(150));
    const packs = result.right.statement.after?.lines.find((l) => l.item === 'storage-packs');
    expect(packs).toMatchObject({ quantityDays: 1, amount: 500 });
  });

  it('uses the given catalogue for the command only: earlier charges keep the price their events carry', () => {
    const history = historyOf([opened, command('EnableRecording', {}, '2025-04-22T10:00:00+03:00')]);
    const dearer: Catalogue = {
      ...defaultCatalogue,
      recording: { monthlyFee: roubles(900) },
      storagePack: { ...defaultCatalogue.storagePack, monthlyFee: roubles(200) },
    };
    const result = preview(command('AddStoragePack', {}, '2025-05-01T10:00:00+03:00'), history, dearer);
    if (!isRight(result)) throw new Error(result.left.code);
    const lines = result.right.monthlyFee.after.lines.map((l) => [l.item, l.unitPrice]);
    expect(lines).toEqual([
      ['tariff', roubles(1500)],
      ['recording', roubles(700)],
      ['storage-packs', roubles(200)],
    ]);
  });
});

describe('end to end with the domain', () => {
  it('bills the must-show account 2 650 ₽ a month, and 5 280 ₽ more with 142 regular numbers', () => {
    const numbers = (from: number, to: number, at = '2025-04-21T10:05:00+03:00') =>
      Array.from({ length: to - from + 1 }, (_, i) =>
        command(
          'AddNumber',
          {
            number: `+7912000${String(from + i).padStart(4, '0')}`,
            kind: 'regular',
            fullName: `Сотрудник ${from + i}`,
            department: '',
          },
          at,
        ),
      );
    const base = [
      opened,
      ...numbers(1, 10),
      command('EnableRecording', {}, '2025-04-21T10:10:00+03:00'),
      command('AddStoragePack', {}, '2025-04-21T10:11:00+03:00'),
      command(
        'ConfigureNotification',
        { scenario: 'outgoing-visit-card', sms: false, telegram: true, text: 'Спасибо!' },
        '2025-04-21T10:12:00+03:00',
      ),
    ];
    expect(monthlyFee(billing.fold(historyOf(base))).total).toBe(roubles(2650));
    expect(
      monthlyFee(billing.fold(historyOf([...base, ...numbers(11, 142, '2025-04-21T10:13:00+03:00')]))).total,
    ).toBe(roubles(2650 + 5280));
  });

  it('bills the 3 000-SMS package as one 3 000 ₽ line and a price change leaves an enabled option as it was', () => {
    const first = historyOf([opened, command('EnableRecording', {}, '2025-05-06T10:00:00+03:00')]);
    const dearer: Catalogue = { ...defaultCatalogue, recording: { monthlyFee: roubles(1000) } };
    const more = historyOf(
      [
        opened,
        command('EnableRecording', {}, '2025-05-06T10:00:00+03:00'),
        command('PurchaseSmsPackage', { size: 3000 }, '2025-05-07T10:00:00+03:00'),
      ],
      dearer,
    ).slice(first.length);
    const s = statement(billing.fold([...first, ...more]), '2025-05-07');
    expect(s?.lines.map((l) => [l.item, l.unitPrice, l.amount])).toEqual([
      ['tariff', roubles(1500), roubles(1500)],
      ['recording', roubles(700), roubles(350)],
      ['sms-package', roubles(3000), roubles(3000)],
    ]);
  });
});
