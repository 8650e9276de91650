import { beforeAll, describe, expect, it } from 'vitest';
import { cli, indexOfType, logLines, withData, writeLog } from './fixtures.js';

let lines: string[];

beforeAll(async () => {
  lines = await logLines(400);
});

/** The log with some lines broken: line numbers are 1-based. */
const broken = () => {
  const copy = [...lines];
  const stored = indexOfType(copy, 'RecordingStored');
  const sms = indexOfType(copy, 'SmsPackagePurchased');
  copy[4] = '{"type": "NumberAdded", "data": ';
  copy[stored] = withData(copy[stored] as string, (d) => {
    d.sizeBytes = -5;
  });
  copy[sms] = withData(copy[sms] as string, (d) => {
    delete d.size;
  });
  copy[20] = JSON.stringify({ ...JSON.parse(copy[20] as string), type: 'NoSuchEvent' });
  return { copy, stored: stored + 1, sms: sms + 1 };
};

describe('a log with broken lines', () => {
  it('reports each bad line with its number and failing path, skips it, and exits 1', async () => {
    const { copy, stored, sms } = broken();
    const run = await cli('replay', writeLog(copy), '--projection', 'sms');
    expect(run.code).toBe(1);
    const problems = run.err.split('\n').filter((l) => l.startsWith('line '));
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/^line 5: \(line\): not JSON: /);
    // Line 5's version cannot be read, so the next line shows the gap it leaves.
    expect(problems[1]).toBe(
      'line 6: metadata.version: stream account-romashka jumps from 4 to 6 (1 event missing)',
    );
    expect(problems).toContain(
      `line 21: type: expected one of AccountOpened, ${'TariffChanged'}, AutoRenewalSet, SubscriptionRenewed, SubscriptionLapsed, MultichannelNumberAdded, MainMultichannelNumberSet, NumberAdded, NumberRemoved, NumberOptionEnabled, NumberOptionDisabled, CallerIdNumberSet, …, got "NoSuchEvent"`,
    );
    expect(problems.find((p) => p.startsWith(`line ${stored}: `))).toMatch(
      new RegExp(`^line ${stored}: data\\.sizeBytes: .*got -5$`),
    );
    expect(problems.find((p) => p.startsWith(`line ${sms}: `))).toMatch(
      new RegExp(`^line ${sms}: data\\.size: `),
    );
    expect(run.err).toContain(`400 lines, 396 events in 1 stream; skipped 4 bad lines (5, `);
    expect(run.err).toContain('; 1 gap in versions');
    // The skipped package purchase is not counted.
    expect(run.out).toContain('Куплено пакетов: 0, продлено автоматически: 0');
  });

  it('--json lists the skipped lines with their issues', async () => {
    const { copy, stored } = broken();
    const run = await cli('replay', writeLog(copy), '--json', '--projection', 'quota');
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.out);
    expect(doc.skipped.count).toBe(4);
    expect(doc.skipped.lines.map((l: { line: number }) => l.line)).toContain(stored);
    const bad = doc.skipped.lines.find((l: { line: number }) => l.line === stored);
    expect(bad.issues).toEqual([expect.objectContaining({ path: 'data.sizeBytes', actual: -5 })]);
  });

  it('--strict stops at the first bad line with exit code 1', async () => {
    const { copy } = broken();
    const run = await cli('replay', writeLog(copy), '--strict');
    expect(run.code).toBe(1);
    expect(run.err.split('\n').filter((l) => l.startsWith('line '))).toEqual([
      expect.stringMatching(/^line 5: \(line\): not JSON/),
    ]);
    expect(run.err).toContain(': 5 lines, 4 events in 1 stream; stopped at the first problem (--strict)');
  });

  it('a repeated version is a bad line; a missing one is a gap', async () => {
    const copy = [...lines];
    copy.splice(30, 1); // version 31 is missing
    copy.splice(50, 0, copy[49] as string); // version 52 repeated
    const run = await cli('replay', writeLog(copy), '--projection', 'quota');
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      'line 31: metadata.version: stream account-romashka jumps from 30 to 32 (1 event missing)',
    );
    expect(run.err).toContain(
      'line 51: metadata.version: expected a version above 51 (stream account-romashka is at 51), got 51',
    );
    expect(run.err).toContain('skipped 1 bad line (51); 1 gap in versions');
  });

  it('a bad line whose version can be read leaves no gap behind it', async () => {
    const copy = [...lines];
    copy[9] = withData(copy[9] as string, (d) => {
      d.fullName = '';
    });
    const run = await cli('replay', writeLog(copy), '--projection', 'quota');
    expect(run.code).toBe(1);
    expect(run.err).toContain('line 10: data.fullName: ');
    expect(run.err).toContain('; 0 gaps in versions');
  });
});

describe('a problem in the data and an input that cannot be opened', () => {
  it('a missing file or a folder is exit code 2, nothing done', async () => {
    expect(await cli('replay', '/no/such/file.jsonl')).toMatchObject({
      code: 2,
      out: '',
      err: 'pbx-options: cannot open /no/such/file.jsonl: no such file\n',
    });
    expect(await cli('explain-bill', '/tmp')).toMatchObject({
      code: 2,
      err: 'pbx-options: cannot open /tmp: it is a folder, not a file\n',
    });
  });
});
