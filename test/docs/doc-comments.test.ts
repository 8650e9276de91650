/**
 * The lint that keeps export comments informative (scripts/doc-comments.ts, run by CI over
 * TypeDoc's JSON output): what it flags and what it lets through.
 */
import { describe, expect, it } from 'vitest';
import { isTautology, type Reflection, splitName, tautologies } from '../../scripts/doc-comments.js';

const text = (t: string) => ({ kind: 'text', text: t });
const code = (t: string) => ({ kind: 'code', text: `\`${t}\`` });
const link = (t: string) => ({ kind: 'inline-tag', tag: '@link', text: t });

describe('a doc comment that only repeats its name', () => {
  it('splits names as a reader does', () => {
    expect(splitName('createInMemoryEventStore')).toEqual(['create', 'in', 'memory', 'event', 'store']);
    expect(splitName('SMSBalance')).toEqual(['sms', 'balance']);
    expect(splitName('KOPECKS_PER_ROUBLE')).toEqual(['kopecks', 'per', 'rouble']);
  });

  it('is flagged: the name in other words, or a link to what it belongs to', () => {
    expect(isTautology('Billing', [text('The billing view.')])).toBe(true);
    expect(isTautology('MigrateOptions', [text('Options of '), link('migrate'), text('.')])).toBe(true);
    expect(isTautology('ReadAllOptions', [text('Options of '), link('EventStore.readAll'), text('.')])).toBe(
      true,
    );
    expect(isTautology('createInMemoryEventStore', [text('Creates an in-memory event store.')])).toBe(true);
    expect(isTautology('AccountEventTypes', [text('The types of every account event.')])).toBe(true);
  });

  it('is not flagged when it adds a fact: a unit, a default, a rule, an example', () => {
    expect(isTautology('Billing', [text('What an account pays, from its events alone, in kopecks.')])).toBe(
      false,
    );
    expect(
      isTautology('MigrateOptions', [
        text('Where '),
        link('migrate'),
        text(' creates the tables (default `pbx_options`).'),
      ]),
    ).toBe(false);
    expect(isTautology('formatNumberCount', [code('Всего 142 номера'), text('.')])).toBe(false);
    expect(isTautology('KOPECKS_PER_ROUBLE', [text('100: money is kept in integer kopecks.')])).toBe(false);
  });

  it('lists the flagged exports of a TypeDoc project by module', () => {
    const project: Reflection = {
      name: 'pbx-options',
      kind: 1,
      children: [
        {
          name: 'postgres',
          kind: 2,
          children: [
            {
              name: 'MigrateOptions',
              kind: 256,
              comment: { summary: [text('Options of '), link('migrate'), text('.')] },
            },
            {
              name: 'migrate',
              kind: 64,
              signatures: [
                {
                  name: 'migrate',
                  kind: 4096,
                  comment: { summary: [text('Creates the tables, idempotently.')] },
                },
              ],
            },
            { name: 'undocumented', kind: 32 },
          ],
        },
      ],
    };
    expect(tautologies(project)).toEqual([
      { path: 'postgres.MigrateOptions', comment: 'Options of migrate.' },
    ]);
  });
});
