/**
 * Optional tracing and metrics: given OpenTelemetry's tracer and meter, the handler records one
 * span per command and counts outcomes, conflicts and refusals; without them it loads nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Meter, Tracer } from '@opentelemetry/api';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { AccountCommandOf, AccountCommandType } from '../../src/account/commands.js';
import type { AccountEvent } from '../../src/account/events.js';
import { createCommandHandler } from '../../src/account/handler.js';
import { createInMemoryEventStore } from '../../src/kernel/in-memory-event-store.js';
import type { EventStore, MeterLike, TracerLike } from '../../src/kernel/index.js';

const AT = '2025-04-21T10:00:00+03:00';
const command = <K extends AccountCommandType>(
  type: K,
  data: AccountCommandOf<K>['data'],
  commandId: string,
): AccountCommandOf<K> =>
  ({ type, data, metadata: { commandId, accountId: 'acme', at: AT, actor: 'admin' } }) as AccountCommandOf<K>;

const telemetry = () => {
  const spans = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
  const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
  const meterProvider = new MeterProvider({ readers: [reader] });
  const tracer: Tracer = tracerProvider.getTracer('pbx-options-test');
  const meter: Meter = meterProvider.getMeter('pbx-options-test');
  /** Every data point of counter `name`: its attributes and value. */
  const points = async (name: string) => {
    await reader.forceFlush();
    const found = exporter
      .getMetrics()
      .at(-1)
      ?.scopeMetrics.flatMap((scope) => scope.metrics)
      .find((metric) => metric.descriptor.name === name);
    return (found?.dataPoints ?? []).map((point) => ({ ...point.attributes, value: point.value }));
  };
  const attributesOf = () =>
    spans
      .getFinishedSpans()
      .map((span) => ({ name: span.name, status: span.status.code, ...span.attributes }));
  const close = async () => {
    await meterProvider.shutdown();
    await tracerProvider.shutdown();
  };
  return { tracer, meter, points, attributesOf, close };
};

let closing: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closing) await close();
  closing = [];
});

describe('observability', () => {
  it('takes OpenTelemetry API objects as they are', () => {
    expectTypeOf<Tracer>().toMatchTypeOf<TracerLike>();
    expectTypeOf<Meter>().toMatchTypeOf<MeterLike>();
  });

  it('records one span per command with its type, stream, version, outcome and retries', async () => {
    const t = telemetry();
    closing.push(t.close);
    const store = createInMemoryEventStore<AccountEvent>();
    const handler = createCommandHandler({ eventStore: store, tracer: t.tracer, meter: t.meter });
    await handler.execute(command('OpenAccount', { tariffId: 'basic' }, 'c1'));
    await handler.execute(command('RemoveStoragePack', {}, 'c2')); // no pack: refused
    await handler.execute(command('SetAutoRenewal', { enabled: true }, 'c3')); // already on: nothing
    await handler.execute(command('OpenAccount', { tariffId: 'basic' }, 'c1')); // sent again
    await handler.handleUnknown({ type: 'PurchaseSmsPackage', data: { size: 'many' }, metadata: {} })();
    const common = { 'pbx.stream.id': 'account-acme', 'pbx.command.retries': 0 };
    expect(t.attributesOf()).toEqual([
      {
        name: 'handle OpenAccount',
        status: 0,
        ...common,
        'pbx.command.type': 'OpenAccount',
        'pbx.command.id': 'c1',
        'pbx.stream.version': 1,
        'pbx.command.outcome': 'appended',
        'pbx.command.events': 1,
      },
      {
        name: 'handle RemoveStoragePack',
        status: 0,
        ...common,
        'pbx.command.type': 'RemoveStoragePack',
        'pbx.command.id': 'c2',
        'pbx.stream.version': 1,
        'pbx.command.outcome': 'refused',
        'error.type': 'NoStoragePack',
      },
      {
        name: 'handle SetAutoRenewal',
        status: 0,
        ...common,
        'pbx.command.type': 'SetAutoRenewal',
        'pbx.command.id': 'c3',
        'pbx.stream.version': 1,
        'pbx.command.outcome': 'unchanged',
        'pbx.command.events': 0,
      },
      {
        name: 'handle OpenAccount',
        status: 0,
        ...common,
        'pbx.command.type': 'OpenAccount',
        'pbx.command.id': 'c1',
        'pbx.stream.version': 1,
        'pbx.command.outcome': 'duplicate',
        'pbx.command.events': 1,
      },
      {
        name: 'handle PurchaseSmsPackage',
        status: 2, // ERROR
        'pbx.command.type': 'invalid',
        'pbx.command.outcome': 'failed',
        'pbx.command.retries': 0,
        'error.type': 'ValidationError',
      },
    ]);
    expect(await t.points('pbx.commands')).toEqual(
      expect.arrayContaining([
        { 'pbx.command.type': 'OpenAccount', 'pbx.command.outcome': 'appended', value: 1 },
        { 'pbx.command.type': 'OpenAccount', 'pbx.command.outcome': 'duplicate', value: 1 },
        { 'pbx.command.type': 'RemoveStoragePack', 'pbx.command.outcome': 'refused', value: 1 },
        { 'pbx.command.type': 'SetAutoRenewal', 'pbx.command.outcome': 'unchanged', value: 1 },
        { 'pbx.command.type': 'invalid', 'pbx.command.outcome': 'failed', value: 1 },
      ]),
    );
    expect(await t.points('pbx.command.refusals')).toEqual([
      { 'pbx.command.type': 'RemoveStoragePack', 'error.type': 'NoStoragePack', value: 1 },
    ]);
  });

  it('counts conflicts and shows the retries on the span; giving up is a failure', async () => {
    const t = telemetry();
    closing.push(t.close);
    const inner = createInMemoryEventStore<AccountEvent>();
    await createCommandHandler({ eventStore: inner }).execute(
      command('OpenAccount', { tariffId: 'basic' }, 'c0'),
    );
    let intrusions = 0;
    let written = 0;
    // Another writer gets in before each of the first `limit` appends.
    const crowded = (limit: number): EventStore<AccountEvent> => ({
      ...inner,
      appendToStream: (streamId, events, options) => async () => {
        if (intrusions < limit) {
          intrusions++;
          written++;
          const other = command('SetAutoRenewal', { enabled: written % 2 === 0 }, `other-${written}`);
          await createCommandHandler({ eventStore: inner }).execute(other);
        }
        return inner.appendToStream(streamId, events, options)();
      },
    });
    const patient = createCommandHandler({ eventStore: crowded(2), tracer: t.tracer, meter: t.meter });
    const result = await patient.execute(command('AddStoragePack', {}, 'c1'));
    expect(result._tag).toBe('Right');
    intrusions = 0;
    const hasty = createCommandHandler({
      eventStore: crowded(5),
      tracer: t.tracer,
      meter: t.meter,
      maxRetries: 1,
    });
    const gaveUp = await hasty.execute(command('AddStoragePack', {}, 'c2'));
    expect(gaveUp._tag === 'Left' && gaveUp.left._tag).toBe('ConcurrencyError');
    const [first, second] = t.attributesOf();
    expect(first).toMatchObject({ 'pbx.command.outcome': 'appended', 'pbx.command.retries': 2, status: 0 });
    expect(second).toMatchObject({
      'pbx.command.outcome': 'failed',
      'pbx.command.retries': 1,
      'error.type': 'ConcurrencyConflict',
      status: 2,
    });
    expect(await t.points('pbx.command.conflicts')).toEqual([
      { 'pbx.command.type': 'AddStoragePack', value: 4 },
    ]);
  });

  it('works without a tracer or a meter, and no module of the library loads OpenTelemetry', () => {
    const handler = createCommandHandler({ eventStore: createInMemoryEventStore() });
    expect(typeof handler.execute).toBe('function');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
      );
    const loading = files(join(import.meta.dirname, '../../src')).filter((file) =>
      /^\s*import\s+(?!type\b)[^;]*['"]@opentelemetry\//m.test(readFileSync(file, 'utf8')),
    );
    expect(loading).toEqual([]);
  });
});
