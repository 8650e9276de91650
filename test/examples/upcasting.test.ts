import { describe, expect, it } from 'vitest';
import { oldRow, readOldRows, registry, visitCardPeriodV1toV2 } from '../../examples/upcasting.js';
import { decodeStoredAccountEvent } from '../../src/index.js';

describe('examples/upcasting.ts (docs/upgrading-events.md)', () => {
  it('turns version 1 data into version 2, and leaves what it does not recognise', () => {
    expect(visitCardPeriodV1toV2({ direction: 'incoming', period: '3m' })).toEqual({
      direction: 'incoming',
      months: 3,
    });
    expect(visitCardPeriodV1toV2({ direction: 'incoming', period: 'soon' })).toEqual({
      direction: 'incoming',
      period: 'soon',
    });
  });

  it('reads an old row in the current shape, stamped with the current schema version', async () => {
    const read = await readOldRows([oldRow('3m')]);
    expect(read).toMatchObject({
      _tag: 'Right',
      right: [
        {
          type: 'VisitCardPeriodSet',
          data: { direction: 'incoming', months: 3 },
          metadata: { schemaVersion: 2 },
        },
      ],
    });
    expect(registry.schemaVersionOf('VisitCardPeriodSet')).toBe(2);
  });

  it('reports a row the upcaster cannot fix with its stream, version and path', async () => {
    const read = await readOldRows([oldRow('soon')]);
    expect(read).toMatchObject({
      _tag: 'Left',
      left: { code: 'MalformedEvent', streamId: 'account-acme', version: 1 },
    });
    if (read._tag === 'Left')
      expect(read.left.message).toMatch(/^event account-acme@1 does not decode: data\.months: /);
  });

  it('without the upcaster (the registry as shipped), version 1 of a version-1 event reads as is and 2 is refused', () => {
    const row = { ...oldRow('3m'), data: { direction: 'incoming', months: 3 } };
    expect(decodeStoredAccountEvent(row)).toMatchObject({ _tag: 'Right' });
    const future = { ...row, metadata: { ...row.metadata, schemaVersion: 2 } };
    expect(decodeStoredAccountEvent(future)).toMatchObject({
      _tag: 'Left',
      left: { message: 'metadata.schemaVersion: expected an integer from 1 to 1, got 2' },
    });
  });
});
