/**
 * Optional tracing and metrics of the command handler, through OpenTelemetry's API objects.
 * The types here are the few members the handler calls, written out so that nothing of
 * `@opentelemetry/api` is loaded, or even needed to compile, by a service that does not trace:
 * its `Tracer` and `Meter` fit them as they are.
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js';
import type { HandlerError } from './errors.js';

/** A value a span or a metric point can carry. */
export type TelemetryValue = string | number | boolean;

/** The part of an OpenTelemetry `Span` the handler uses. */
export interface SpanLike {
  /** Tags the span (`pbx.command.type`, `pbx.stream.id`, the outcome…). */
  setAttribute(key: string, value: TelemetryValue): unknown;
  /** Marks the span as failed (OpenTelemetry status code 2), with the error code as message. */
  setStatus(status: { code: number; message?: string }): unknown;
  /** Closes the span when the command's outcome is known. */
  end(): void;
}

/** The part of an OpenTelemetry `Tracer` the handler uses (`trace.getTracer(name)` fits). */
export interface TracerLike {
  /**
   * Runs `fn` inside a new active span named `name` and returns what it returns.
   * @typeParam F - The function run in the span (its result is the handler's answer).
   */
  startActiveSpan<F extends (span: SpanLike) => unknown>(
    name: string,
    options: { attributes?: Record<string, TelemetryValue> },
    fn: F,
  ): ReturnType<F>;
}

/** The part of an OpenTelemetry `Counter` the handler uses. */
export interface CounterLike {
  /** Counts `value` more, under these attributes (command type, outcome). */
  add(value: number, attributes?: Record<string, TelemetryValue>): void;
}

/** The part of an OpenTelemetry `Meter` the handler uses (`metrics.getMeter(name)` fits). */
export interface MeterLike {
  /** A counter the handler adds to (`pbx.commands`, conflicts, refusals). */
  createCounter(name: string, options?: { description?: string; unit?: string }): CounterLike;
}

/** How a command ended, as spans and the `pbx.commands` counter name it. */
export type CommandOutcomeName = 'appended' | 'refused' | 'unchanged' | 'duplicate' | 'failed';

/** What the handler learns about one command while handling it. */
export interface CommandProbe {
  /** Set once the input is a valid command (metrics never carry unvalidated text). */
  commandType: string | undefined;
  commandId: string | undefined;
  streamId: string | undefined;
  /** The stream version the last decision was made at. */
  version: number | undefined;
  retries: number;
  /** The outcome was recorded before (by this or another handler) and returned as it was. */
  duplicate: boolean;
}

/** Runs one command under the handler's instruments. */
export interface HandlerInstruments {
  /**
   * Runs `handle` for `input` (inside a span when there is a tracer) and records its outcome
   * from what the handler put in the probe.
   */
  observe<A extends { readonly events: readonly unknown[]; readonly version: number }>(
    input: unknown,
    handle: (probe: CommandProbe) => Promise<Either<HandlerError, A>>,
  ): Promise<Either<HandlerError, A>>;
  /** Counts a version conflict met while appending. */
  conflict(commandType: string): void;
}

const newProbe = (): CommandProbe => ({
  commandType: undefined,
  commandId: undefined,
  streamId: undefined,
  version: undefined,
  retries: 0,
  duplicate: false,
});

/** A span name from input not validated yet: its type when it looks like one, else just `handle`. */
const spanNameOf = (input: unknown): string => {
  const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  return typeof type === 'string' && /^[A-Za-z]{1,64}$/.test(type) ? `handle ${type}` : 'handle';
};

/** No tracer, no meter: the command runs as is. */
const silent: HandlerInstruments = {
  observe: (_input, handle) => handle(newProbe()),
  conflict: () => undefined,
};

/** `SpanStatusCode.ERROR` of the OpenTelemetry API (a number, so the enum is not imported). */
const STATUS_ERROR = 2;

/** The outcome's name and, when it is an error, its code. */
const nameOf = (
  result: Either<HandlerError, { readonly events: readonly unknown[] }>,
  probe: CommandProbe,
): [CommandOutcomeName, string | undefined] => {
  if (result._tag === 'Left') {
    const code = result.left.code;
    if (result.left._tag !== 'DomainError') return ['failed', code];
    return [probe.duplicate ? 'duplicate' : 'refused', code];
  }
  if (probe.duplicate) return ['duplicate', undefined];
  return [result.right.events.length > 0 ? 'appended' : 'unchanged', undefined];
};

/** Instruments from an optional tracer and meter; without either, they cost nothing. */
export const createInstruments = (tracer?: TracerLike, meter?: MeterLike): HandlerInstruments => {
  if (tracer === undefined && meter === undefined) return silent;
  const commands = meter?.createCounter('pbx.commands', {
    description: 'Commands handled, by type and outcome',
  });
  const conflicts = meter?.createCounter('pbx.command.conflicts', {
    description: 'Appends refused because the stream had moved on (each is retried up to the limit)',
  });
  const refusals = meter?.createCounter('pbx.command.refusals', {
    description: 'Commands refused by the rules of the domain, by type and error code',
  });

  const finish = (
    span: SpanLike | undefined,
    result: Either<HandlerError, { readonly events: readonly unknown[]; readonly version: number }>,
    probe: CommandProbe,
  ) => {
    const [outcome, code] = nameOf(result, probe);
    const type = probe.commandType ?? 'invalid';
    commands?.add(1, { 'pbx.command.type': type, 'pbx.command.outcome': outcome });
    if (outcome === 'refused' && code !== undefined)
      refusals?.add(1, { 'pbx.command.type': type, 'error.type': code });
    if (span === undefined) return;
    span.setAttribute('pbx.command.type', type);
    if (probe.commandId !== undefined) span.setAttribute('pbx.command.id', probe.commandId);
    const version = result._tag === 'Right' ? result.right.version : probe.version;
    if (probe.streamId !== undefined) span.setAttribute('pbx.stream.id', probe.streamId);
    if (version !== undefined) span.setAttribute('pbx.stream.version', version);
    span.setAttribute('pbx.command.outcome', outcome);
    span.setAttribute('pbx.command.retries', probe.retries);
    if (result._tag === 'Right') span.setAttribute('pbx.command.events', result.right.events.length);
    if (code !== undefined) span.setAttribute('error.type', code);
    if (outcome === 'failed') span.setStatus({ code: STATUS_ERROR, message: code ?? 'failed' });
  };

  return {
    conflict: (type) => conflicts?.add(1, { 'pbx.command.type': type }),
    observe: async (input, handle) => {
      const probe = newProbe();
      if (tracer === undefined) {
        const result = await handle(probe);
        finish(undefined, result, probe);
        return result;
      }
      return tracer.startActiveSpan(spanNameOf(input), {}, async (span) => {
        try {
          const result = await handle(probe);
          finish(span, result, probe);
          return result;
        } catch (cause) {
          span.setAttribute('pbx.command.outcome', 'failed');
          span.setStatus({
            code: STATUS_ERROR,
            message: cause instanceof Error ? cause.message : String(cause),
          });
          throw cause;
        } finally {
          span.end();
        }
      });
    },
  };
};
