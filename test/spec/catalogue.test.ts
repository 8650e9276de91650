/**
 * Prices live in a catalogue: the help page's figures are the defaults, figures it does not
 * give are marked illustrative for a service to override, a catalogue given by a service is
 * validated (errors name the path), and the handler and the decider take it.
 */
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  type Catalogue,
  createCommandHandler,
  createInMemoryEventStore,
  decodeCatalogue,
  defaultCatalogue,
} from '../../src/index.js';
import { cmd, DAY_2, OPENED_AT } from './support.js';

describe('the default catalogue', () => {
  it('holds the help page’s figures: «Базовый», recording 700 ₽, packs 5 GB at 150 ₽ up to 9, Telegram 300 ₽', () => {
    expect(defaultCatalogue.tariffs.basic).toMatchObject({ name: 'Базовый', monthlyFee: 150_000 });
    expect(defaultCatalogue.recording.monthlyFee).toBe(70_000);
    expect(defaultCatalogue.storagePack).toEqual({
      monthlyFee: 15_000,
      sizeBytes: 5 * 1024 ** 3,
      maxPacks: 9,
    });
    expect(defaultCatalogue.telegram.monthlyFee).toBe(30_000);
  });

  it('marks what the help page does not price as illustrative: per-number options, extra МКН, smart callback, other tariffs', () => {
    expect([...defaultCatalogue.illustrative].sort()).toEqual(
      [
        'extraMultichannelNumber.monthlyFee',
        'numberOptions.callerId.monthlyFee',
        'numberOptions.melody.monthlyFee',
        'numberOptions.recording.monthlyFee',
        'numberOptions.shortNumber.monthlyFee',
        'smartCallback.monthlyFee',
        'tariffs.business',
        'tariffs.corporate',
      ].sort(),
    );
    expect(defaultCatalogue.illustrative).not.toContain('recording.monthlyFee');
  });

  it('is valid by its own codec', () => {
    expect(isRight(decodeCatalogue(JSON.parse(JSON.stringify(defaultCatalogue))))).toBe(true);
  });
});

describe('a catalogue given by a service', () => {
  it.each([
    ['a fractional price', { recording: { monthlyFee: 700.5 } }, 'recording.monthlyFee'],
    ['a negative price', { telegram: { monthlyFee: -1 } }, 'telegram.monthlyFee'],
    [
      'a tariff without base storage',
      { tariffs: { basic: { ...defaultCatalogue.tariffs.basic, baseStorageBytes: 0 } } },
      'tariffs.basic.baseStorageBytes',
    ],
  ])('with %s is refused, naming the path', (_name, change, path) => {
    const decoded = decodeCatalogue({ ...JSON.parse(JSON.stringify(defaultCatalogue)), ...change });
    if (!isLeft(decoded)) throw new Error('accepted');
    expect(decoded.left.message).toContain(path);
  });

  it('sets the prices the handler decides with', async () => {
    const catalogue: Catalogue = {
      ...defaultCatalogue,
      storagePack: { ...defaultCatalogue.storagePack, monthlyFee: 20_000 },
    };
    const handler = createCommandHandler({ eventStore: createInMemoryEventStore(), catalogue });
    await handler.execute(cmd('OpenAccount', { tariffId: 'basic' }, OPENED_AT, 'cat-1'));
    const added = await handler.execute(cmd('AddStoragePack', {}, DAY_2, 'cat-2'));
    if (!isRight(added)) throw new Error('refused');
    expect(added.right.events[0]?.data).toMatchObject({ monthlyFee: 20_000 });
  });
});
