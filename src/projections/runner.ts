/**
 * Running projections inline: right after an append, the events the append returned are applied
 * to the views of their stream (one set of views per account stream). Views are updated through
 * immer, so a view handed out earlier never changes under its reader. Stored events are applied
 * in stream order exactly once: a version already applied is skipped, one that arrives early
 * waits for the versions before it. A stream none of whose events was applied has no views: an
 * account the service never saw is told apart from an account with nothing in it.
 * @module
 */
import type { AccountEvent, StoredAccountEvent } from '../account/events.js';
import type { AccountCommandHandler } from '../account/handler.js';
import { tapHandled } from '../kernel/tap-handled.js';
import type { AnyProjection, ViewOf } from './projection.js';

/** Projections by name. */
export type ProjectionSet = { readonly [name: string]: AnyProjection };

/** The views of a projection set: one per projection, by the same names. */
export type ViewsOf<P extends ProjectionSet> = { readonly [K in keyof P]: ViewOf<P[K]> };

/** Every stream's views, as of a global position of the log. */
export interface ProjectedState<P extends ProjectionSet> {
  readonly position: number;
  readonly streams: Readonly<Record<string, ViewsOf<P>>>;
}

/** The initial views of a projection set. */
export const initialViews = <P extends ProjectionSet>(projections: P): ViewsOf<P> =>
  Object.fromEntries(Object.entries(projections).map(([name, p]) => [name, p.initial])) as ViewsOf<P>;

/** Applies events to a set of views others may hold (immer): new views, the old ones unchanged. */
export const applyToViews = <P extends ProjectionSet>(
  projections: P,
  views: ViewsOf<P>,
  events: readonly AccountEvent[],
): ViewsOf<P> =>
  Object.fromEntries(
    Object.entries(projections).map(([name, p]) => [name, p.foldOnto(views[name] as never, events)]),
  ) as ViewsOf<P>;

/** Views updated right after each append. */
export interface InlineProjector<P extends ProjectionSet> {
  /** Applies decided (or stored) events of one stream, in order. */
  apply(streamId: string, events: readonly AccountEvent[]): void;
  /** Applies stored events of any streams: versions already applied are skipped, early ones wait. */
  applyStored(events: readonly StoredAccountEvent[]): void;
  /**
   * The views of a stream, or `undefined` when no event of it was applied (an unknown account:
   * a service answers 404, not an empty account).
   */
  views(streamId: string): ViewsOf<P> | undefined;
  /** Every stream's views and the highest global position applied. */
  state(): ProjectedState<P>;
}

/** Creates an {@link InlineProjector} over a set of projections. */
export const createInlineProjector = <P extends ProjectionSet>(projections: P): InlineProjector<P> => {
  // `seen`: an event of the stream was applied (one waiting for earlier versions does not count).
  const streams = new Map<string, { views: ViewsOf<P>; version: number; seen: boolean }>();
  const waiting = new Map<string, Map<number, StoredAccountEvent>>();
  const initial = initialViews(projections);
  let position = 0;

  const entry = (streamId: string) => {
    let found = streams.get(streamId);
    if (found === undefined) {
      found = { views: initial, version: 0, seen: false };
      streams.set(streamId, found);
    }
    return found;
  };

  const applyStored = (events: readonly StoredAccountEvent[]) => {
    const touched = new Map<string, AccountEvent[]>();
    for (const event of events) {
      const { streamId, version } = event.metadata;
      const stream = entry(streamId);
      let early = waiting.get(streamId);
      if (early === undefined) {
        early = new Map();
        waiting.set(streamId, early);
      }
      if (version > stream.version) early.set(version, event);
      const batch = touched.get(streamId) ?? [];
      for (
        let next = early.get(stream.version + 1);
        next !== undefined;
        next = early.get(stream.version + 1)
      ) {
        early.delete(stream.version + 1);
        stream.version += 1;
        position = Math.max(position, next.metadata.globalPosition);
        batch.push(next);
      }
      touched.set(streamId, batch);
    }
    for (const [streamId, batch] of touched) {
      const stream = entry(streamId);
      if (batch.length === 0) continue;
      stream.views = applyToViews(projections, stream.views, batch);
      stream.seen = true;
    }
  };

  return {
    apply(streamId, events) {
      if (events.length === 0) return; // nothing seen: the stream stays unknown
      const stream = entry(streamId);
      stream.views = applyToViews(projections, stream.views, events);
      stream.seen = true;
    },
    applyStored,
    views: (streamId) => {
      const stream = streams.get(streamId);
      return stream?.seen === true ? stream.views : undefined;
    },
    state: () => ({
      position,
      streams: Object.fromEntries([...streams].filter(([, s]) => s.seen).map(([id, s]) => [id, s.views])),
    }),
  };
};

/**
 * Wraps a command handler so that every successful append is applied to `projector` before the
 * outcome is returned (a repeated command appends nothing and applies nothing).
 */
export const withInlineProjections = <P extends ProjectionSet>(
  handler: AccountCommandHandler,
  projector: InlineProjector<P>,
): AccountCommandHandler =>
  tapHandled(handler, (handled) =>
    projector.applyStored(handled.events as unknown as readonly StoredAccountEvent[]),
  );
